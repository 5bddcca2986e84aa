/**
 * A token bucket per name (a key and a client address, say): each holds up to `perMinute`
 * requests and refills at `perMinute` a minute, so a client may burst a minute's worth and then
 * keeps the average. Buckets that have refilled are forgotten when the table grows past
 * `maxBuckets`, so memory stays bounded whatever the number of clients.
 */
export class BurstLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxBuckets: number,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from `name`'s bucket: 0 when allowed, else the ms until one is. */
  take(name: string, now: number): number {
    const wait = this.waitFor(name, now);
    if (wait === 0) this.buckets.get(name)!.tokens -= 1;
    return wait;
  }

  /** The ms until `name` may make a request (0: now), without taking one. */
  waitFor(name: string, now: number): number {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      if (this.buckets.size >= this.maxBuckets) this.forgetRefilled(now);
      bucket = { tokens: this.perMinute, at: now };
      this.buckets.set(name, bucket);
    } else {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  private forgetRefilled(now: number): void {
    for (const [name, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(name);
    }
    // Every client is mid-burst: start over rather than grow without bound.
    if (this.buckets.size >= this.maxBuckets) this.buckets.clear();
  }
}
