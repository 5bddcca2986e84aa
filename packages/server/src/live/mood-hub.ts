import type { StoredMoodChange } from "../store/storage.js";

export interface Subscriber {
  /** Only this session's changes; all of the account's when absent. */
  sessionId?: string;
  onChange(change: StoredMoodChange): void;
  /** The server is shutting down: end the stream. */
  onClose(): void;
}

/** Hands each stored mood change to the streams open on its account, in this process. */
export class MoodHub {
  private readonly subscribers = new Map<number, Set<Subscriber>>();

  publish(accountId: number, changes: readonly StoredMoodChange[]): void {
    const subscribers = this.subscribers.get(accountId);
    if (!subscribers) return;
    for (const change of changes) {
      for (const subscriber of subscribers) {
        if (subscriber.sessionId === undefined || subscriber.sessionId === change.sessionId) subscriber.onChange(change);
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(accountId: number, subscriber: Subscriber): () => void {
    let subscribers = this.subscribers.get(accountId);
    if (!subscribers) this.subscribers.set(accountId, (subscribers = new Set()));
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0) this.subscribers.delete(accountId);
    };
  }

  /** Streams open on the account. */
  count(accountId: number): number {
    return this.subscribers.get(accountId)?.size ?? 0;
  }

  /** Streams open on every account. */
  total(): number {
    let open = 0;
    for (const subscribers of this.subscribers.values()) open += subscribers.size;
    return open;
  }

  /** Ends every stream: at shutdown. */
  closeAll(): void {
    for (const subscribers of this.subscribers.values()) for (const subscriber of [...subscribers]) subscriber.onClose();
  }
}
