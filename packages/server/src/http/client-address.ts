import type { IncomingMessage } from "node:http";

/** The address a request came from, as limits per client see it. */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}
