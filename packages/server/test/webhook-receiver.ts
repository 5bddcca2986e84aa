import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  webhookId: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The signature verified with the account's secret. */
  verified: boolean;
}

/**
 * A webhook receiver on 127.0.0.1 that verifies each request with a Standard Webhooks library and
 * answers as `respond` decides: a status, or "hang" to never answer.
 */
export interface Receiver {
  url: string;
  received: Received[];
  secret: string | undefined;
  respond: (attempt: number, received: Received) => number | "hang";
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const receiver: Receiver = {
    url: "",
    received: [],
    secret: undefined,
    respond: () => 200,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"]),
        "webhook-timestamp": String(req.headers["webhook-timestamp"]),
        "webhook-signature": String(req.headers["webhook-signature"]),
      };
      let verified = false;
      try {
        new Webhook(receiver.secret!).verify(raw, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const received = { webhookId: headers["webhook-id"], body: JSON.parse(raw), verified };
      receiver.received.push(received);
      const attempt = receiver.received.filter((each) => each.webhookId === received.webhookId).length;
      const answer = receiver.respond(attempt, received);
      if (answer === "hang") held.push(res);
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sessionmood`;
  return receiver;
}
