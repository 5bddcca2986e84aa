import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { startTestServer } from "./test-server.js";

test("the access log keeps no session id or key beyond a short prefix", async () => {
  const lines: Record<string, unknown>[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const server = await startTestServer({ logLevel: "info", logDestination });
  try {
    const account = await server.signUp();
    const sessionId = "visitor-4f1c2a9e-secret-looking-id";
    await server.call("POST", `/v1/sessions/${sessionId}/events?key=${account.publishable}`, { body: { events: [{ type: "click" }] } });
    await server.call("GET", `/v1/sessions/${sessionId}/mood`, { key: account.secret });
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.map((line) => line.path)).toEqual(
      expect.arrayContaining(["/v1/sessions/visito…/events", "/v1/sessions/visito…/mood"]),
    );
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(sessionId);
    expect(everything).not.toContain(account.publishable.slice(3));
    expect(everything).not.toContain(account.secret.slice(3));
  } finally {
    await server.close();
  }
});
