import { guard } from "./guard.js";

/**
 * Adds a passive, guarded listener and returns what removes it. Capture is the default so the
 * SDK sees an event before page handlers can stop its propagation.
 */
export function listen<E extends Event>(
  target: EventTarget,
  type: string,
  handler: (event: E) => void,
  capture = true,
): () => void {
  const guarded = guard(handler) as EventListener;
  const options: AddEventListenerOptions = { capture, passive: true };
  target.addEventListener(type, guarded, options);
  return () => target.removeEventListener(type, guarded, options);
}
