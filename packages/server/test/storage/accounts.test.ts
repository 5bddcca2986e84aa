import { learnPolicy } from "../../src/learning/learn-policy.js";
import { afterEach, beforeEach, expect, test } from "vitest";
import { NOW, openStorage, type StorageFixture } from "./storage-fixture.js";

let f: StorageFixture;
let accountId: number;
const keys = { secret: Buffer.from("secret-1"), publishable: Buffer.from("publishable-1") };
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  f = await openStorage();
  accountId = await f.addAccount("growth", keys);
});
afterEach(async () => {
  await f.close();
});

test("a new account's keys open it, with its kind and no expiry; an unknown key opens nothing", async () => {
  expect(await f.storage.findKey(keys.secret, NOW)).toMatchObject({
    kind: "secret",
    expiresAt: null,
    account: { id: accountId, plan: "growth", allowedOrigins: null, retentionDays: null },
  });
  expect(await f.storage.findKey(keys.publishable, NOW)).toMatchObject({ kind: "publishable" });
  expect(await f.storage.findKey(Buffer.from("nope"), NOW)).toBeUndefined();
});

test("after a rotation with a grace period both keys work until it ends, then only the new one", async () => {
  const next = Buffer.from("secret-2");

  const expiresAt = await f.storage.rotateKey(accountId, "secret", { hash: next }, NOW, 24 * HOUR);

  expect(expiresAt).toBe(NOW + 24 * HOUR);
  expect(await f.storage.findKey(keys.secret, NOW + 24 * HOUR - 1)).toMatchObject({ expiresAt });
  expect(await f.storage.findKey(keys.secret, NOW + 24 * HOUR)).toBeUndefined();
  expect(await f.storage.findKey(next, NOW + 365 * 24 * HOUR)).toMatchObject({ kind: "secret", expiresAt: null });
  // The other kind is untouched.
  expect(await f.storage.findKey(keys.publishable, NOW + 365 * 24 * HOUR)).toBeDefined();
});

test("a rotation without grace stops the old key at once; a later, longer grace does not revive or extend it", async () => {
  const second = Buffer.from("publishable-2");
  const third = Buffer.from("publishable-3");

  await f.storage.rotateKey(accountId, "publishable", { hash: second }, NOW, HOUR);
  await f.storage.rotateKey(accountId, "publishable", { hash: third }, NOW + 1, 0);

  expect(await f.storage.findKey(keys.publishable, NOW + 1)).toBeUndefined();
  expect(await f.storage.findKey(second, NOW + 1)).toBeUndefined();
  expect(await f.storage.findKey(third, NOW + 1)).toBeDefined();

  const fourth = Buffer.from("publishable-4");
  await f.storage.rotateKey(accountId, "publishable", { hash: fourth }, NOW + 2, 10 * HOUR);
  expect(await f.storage.findKey(third, NOW + 5 * HOUR)).toBeDefined();
  await f.storage.rotateKey(accountId, "publishable", { hash: Buffer.from("publishable-5") }, NOW + 3, 20 * HOUR);
  expect(await f.storage.findKey(third, NOW + 11 * HOUR)).toBeUndefined();
  expect(await f.storage.findKey(fourth, NOW + 11 * HOUR)).toBeDefined();
});

test("the demo account is created once, and rotating its publishable key with no grace replaces it", async () => {
  const demo = await f.storage.demoAccount(NOW);
  expect(await f.storage.demoAccount(NOW + 1)).toEqual(demo);
  expect(demo).toMatchObject({ name: "Demo", plan: "starter", retentionDays: null });

  await f.storage.rotateKey(demo.id, "publishable", { hash: Buffer.from("demo-1") }, NOW, 0);
  await f.storage.rotateKey(demo.id, "publishable", { hash: Buffer.from("demo-2") }, NOW + 1, 0);

  expect(await f.storage.findKey(Buffer.from("demo-1"), NOW + 1)).toBeUndefined();
  expect(await f.storage.findKey(Buffer.from("demo-2"), NOW + 1)).toMatchObject({ account: { id: demo.id } });
});

test("settings change only the fields given, back to the plan's and to any origin with null", async () => {
  const origins = ["https://shop.example", "https://www.shop.example"];

  expect(await f.storage.updateSettings(accountId, { retentionDays: 10 }, learnPolicy)).toMatchObject({
    retentionDays: 10,
    allowedOrigins: null,
  });
  expect(await f.storage.updateSettings(accountId, { allowedOrigins: origins }, learnPolicy)).toMatchObject({
    retentionDays: 10,
    allowedOrigins: origins,
  });
  await f.reopen();
  expect((await f.storage.findKey(keys.secret, NOW))?.account).toMatchObject({ retentionDays: 10, allowedOrigins: origins });
  expect(await f.storage.updateSettings(accountId, { retentionDays: null, allowedOrigins: null }, learnPolicy)).toMatchObject({
    retentionDays: null,
    allowedOrigins: null,
  });
  expect(await f.storage.updateSettings(accountId, {}, learnPolicy)).toMatchObject({ id: accountId, plan: "growth" });
});
