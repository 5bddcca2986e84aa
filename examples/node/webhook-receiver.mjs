// Receives SessionMood webhooks and checks each signature with a Standard Webhooks library.
//   SESSIONMOOD_WEBHOOK_SECRET=whsec_… PORT=4000 node webhook-receiver.mjs
// Point the account's webhook at it: PATCH /v1/settings {"webhook": {"url": "http://…:4000/"}}
// (a receiver on your own machine needs SESSIONMOOD_WEBHOOK_ALLOW_PRIVATE=1 on the server).
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";

const secret = process.env.SESSIONMOOD_WEBHOOK_SECRET;
if (!secret) throw new Error("Set SESSIONMOOD_WEBHOOK_SECRET to the secret POST /v1/webhooks/secret gave");
const webhook = new Webhook(secret);
/** Deliveries are at least once: a webhook-id seen before is a repeat. */
const seen = new Set();

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    let event;
    try {
      event = webhook.verify(body, req.headers);
    } catch {
      res.writeHead(401).end();
      return console.warn("refused a request whose signature does not verify");
    }
    res.writeHead(204).end();
    const id = req.headers["webhook-id"];
    if (seen.has(id)) return;
    seen.add(id);
    if (event.type === "mood.changed") console.log(`${event.data.session_id}: ${event.data.from} → ${event.data.to} on ${event.data.page}`);
    else console.log(`${event.type}:`, event.data.message ?? event.data);
  });
});
server.listen(Number(process.env.PORT ?? 4000), () => console.log(`listening on :${server.address().port}`));
