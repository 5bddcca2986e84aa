import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { KeyKind } from "../store/storage.js";

const PREFIX: Record<KeyKind, string> = { secret: "sm_", publishable: "pk_" };

/** A new random key of `kind`: `sm_…` or `pk_…` followed by 48 hex digits. */
export function generateKey(kind: KeyKind): string {
  return PREFIX[kind] + randomBytes(24).toString("hex");
}

/** Whether `key` looks like a secret key, whatever it opens. */
export function isSecretKeyForm(key: string): boolean {
  return key.startsWith(PREFIX.secret);
}

/** What is stored instead of a key. Keys are 192 random bits, so a fast hash is enough. */
export function hashKey(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}

/** Compares two hashes in time independent of where they differ. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
