import type { IncomingMessage } from "node:http";
import { expect, test } from "vitest";
import { clientAddress } from "./client-address.js";

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as IncomingMessage;

test("without trusted proxies the peer is the client, whatever X-Forwarded-For claims", () => {
  expect(clientAddress(request("203.0.113.9", "198.51.100.1"), 0)).toBe("203.0.113.9");
});

test("behind trusted proxies the client is the address they forwarded, counted from the nearest", () => {
  // The load balancer (10.0.0.2) appended the visitor's address; the visitor wrote the first entry.
  expect(clientAddress(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
  // Two proxies: the CDN appended the visitor, the load balancer appended the CDN.
  expect(clientAddress(request("10.0.0.2", "198.51.100.7, 192.0.2.44"), 2)).toBe("198.51.100.7");
  // Fewer entries than trusted proxies: the furthest one known.
  expect(clientAddress(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  expect(clientAddress(request("10.0.0.2", "198.51.100.7"), 3)).toBe("198.51.100.7");
});
