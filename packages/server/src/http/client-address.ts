import type { IncomingMessage } from "node:http";

/**
 * The address a request came from, as limits per client see it. Behind `trustedProxies` proxies
 * (a load balancer, a reverse proxy), it is the address they put in X-Forwarded-For, counted from
 * the nearest: entries further out are the client's to write, so they are never believed.
 */
export function clientAddress(req: IncomingMessage, trustedProxies = 0): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}
