import { guard } from "./guard.js";

/**
 * A page request starting, or finishing with an HTTP status (0: it never got an answer). Requests
 * aborted (by the page or by leaving it) do not finish, nor do opaque answers (`no-cors`, status
 * 0): the request was answered, only the page may not read how.
 */
export type RequestNotice = { phase: "start" } | { phase: "end"; method: string; url: string; status: number };
type RequestListener = (notice: RequestNotice) => void;

/**
 * `RequestInit` objects of the SDK's own requests: they are neither page activity nor page errors
 * (a collector that is down must not be reported to itself as the visitor's error).
 */
export const ownRequests = new WeakSet<object>();

const listeners = new Set<RequestListener>();
const STARTED: RequestNotice = { phase: "start" };
let wrapped = false;

/**
 * Calls `listener` when the page starts or finishes a `fetch` or `XMLHttpRequest`; returns what
 * unsubscribes it. Both are wrapped once, on first use, and left in place (see `watchHistory`).
 */
export function watchRequests(listener: RequestListener): () => void {
  if (!wrapped) {
    wrapped = true;
    wrapFetch();
    wrapXhr();
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function notify(notice: RequestNotice): void {
  for (const listener of listeners) guard(listener)(notice);
}

function wrapFetch(): void {
  const native = window.fetch;
  if (typeof native !== "function") return;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const response = native.call(window, input, init);
    if (init && ownRequests.has(init)) return response;
    const request = input instanceof Request ? input : null;
    const method = init?.method ?? request?.method ?? "GET";
    const url = request?.url ?? String(input);
    notify(STARTED);
    response.then(
      (r) => r.status && notify({ phase: "end", method, url, status: r.status }),
      (error: Error) => error?.name === "AbortError" || init?.signal?.aborted || notify({ phase: "end", method, url, status: 0 }),
    );
    return response;
  };
}

function wrapXhr(): void {
  if (typeof XMLHttpRequest !== "function") return;
  const proto = XMLHttpRequest.prototype;
  const { open, send } = proto;
  const requests = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  proto.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest["open"]>) {
    requests.set(this, { method: args[0], url: String(args[1]) });
    (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest["open"];
  proto.send = function (this: XMLHttpRequest, body) {
    const request = requests.get(this);
    if (request && listeners.size) {
      notify(STARTED);
      let aborted = false;
      this.addEventListener("abort", () => (aborted = true));
      this.addEventListener("loadend", () => aborted || notify({ phase: "end", ...request, status: this.status }));
    }
    send.call(this, body);
  };
}
