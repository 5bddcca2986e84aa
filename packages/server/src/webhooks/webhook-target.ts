import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** A receiver's address is refused: `reason` says why, for the delivery log and the API. */
export class TargetRefused extends Error {
  override name = "TargetRefused";
}

/**
 * Whether an address is an ordinary public one. Loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, reserved and unspecified addresses are not: a webhook URL must
 * not reach into the server's own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/** Refuses a URL whose host is itself a private address or `localhost`, before any lookup. */
export function checkWebhookUrl(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TargetRefused("a webhook URL is http or https");
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) throw new TargetRefused(`${host} is this machine`);
  if (isIP(host) && !isPublicAddress(host)) throw new TargetRefused(`${host} is not a public address`);
}

/**
 * The address to send to: the host's, after DNS, refused when any of its addresses is not public
 * (unless allowed), so a hostname cannot smuggle in an internal one. The request then goes to
 * this very address, so a second lookup cannot swap it either.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  checkWebhookUrl(url, allowPrivate);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  if (family) return { address: host, family };
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new TargetRefused(`${host} does not resolve`);
  }
  const refused = addresses.find(({ address }) => !isPublicAddress(address));
  if (refused && !allowPrivate) throw new TargetRefused(`${host} resolves to ${refused.address}, not a public address`);
  return addresses[0]!;
}
