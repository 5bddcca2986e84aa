import type { ServerResponse } from "node:http";
import { z } from "zod";
import { tooManyRequests } from "../http/http-error.js";
import { RESPONSE_TAKEN, route, type RouteRequest } from "../http/route.js";
import { LIMITS } from "../limits.js";
import type { Services } from "../services.js";
import { SESSION_ID_PARAM, sessionIdOf } from "../sessions/session-id.js";
import { changeBody } from "../sessions/session-timeline.js";
import type { StoredMoodChange } from "../store/storage.js";

const StreamQuerySchema = z
  .object({
    token: z.string().optional().describe("A stream token (POST /v1/stream-tokens), for clients that cannot send headers."),
    last_event_id: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Resume after this change id, as the Last-Event-ID header does."),
  })
  .strict();

type StreamQuery = z.infer<typeof StreamQuerySchema>;

const description =
  "Server-sent events: each mood change as `event: mood`, its `id` the change's id and its data the timeline entry " +
  "with session_id. Last-Event-ID (or last_event_id) resumes from the history without loss; a comment line every " +
  `${LIMITS.STREAM_HEARTBEAT_MS / 1000} s keeps proxies from closing it. Authenticate with the secret key, or ?token=.`;

/** GET /v1/stream: every mood change of the account's sessions. */
export const accountStreamRoute = route<undefined, StreamQuery>({
  method: "GET",
  path: "/v1/stream",
  access: "secret_or_stream_token",
  query: StreamQuerySchema,
  summary: "Stream the account's mood changes",
  description,
  responses: { 200: ["A text/event-stream."], 429: ["Too many streams open on the account."] },
  handle: (request, services) => openStream(request, services, undefined),
});

/** GET /v1/sessions/:id/stream: one session's mood changes. */
export const sessionStreamRoute = route<undefined, StreamQuery>({
  method: "GET",
  path: "/v1/sessions/:id/stream",
  params: SESSION_ID_PARAM,
  access: "secret_or_stream_token",
  query: StreamQuerySchema,
  summary: "Stream one session's mood changes",
  description,
  responses: { 200: ["A text/event-stream."], 429: ["Too many streams open on the account."] },
  handle: (request, services) => openStream(request, services, sessionIdOf(request.params)),
});

/**
 * Subscribes first and replays the history after the client's last id second, so nothing stored
 * in between is lost; every change goes out once, in id order per source, never twice.
 */
async function openStream(
  { req, res, query, caller }: RouteRequest<undefined, StreamQuery>,
  { config, storage, hub }: Services,
  sessionId: string | undefined,
): Promise<typeof RESPONSE_TAKEN> {
  const accountId = caller.account.id;
  if (hub.count(accountId) >= LIMITS.STREAMS_PER_ACCOUNT) {
    throw tooManyRequests(`At most ${LIMITS.STREAMS_PER_ACCOUNT} streams may be open on an account`, LIMITS.STREAM_HEARTBEAT_MS);
  }
  const header = Number(req.headers["last-event-id"]);
  const resumeAfter = query.last_event_id ?? (Number.isSafeInteger(header) && header >= 0 ? header : undefined);

  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "keep-alive",
    // Proxies such as nginx would otherwise hold events back in a buffer.
    "X-Accel-Buffering": "no",
  });
  res.write(": connected\n\n");

  let lastSent = resumeAfter ?? 0;
  let replaying = resumeAfter !== undefined;
  const held: StoredMoodChange[] = [];
  const send = (change: StoredMoodChange) => {
    if (change.id <= lastSent && resumeAfter !== undefined) return;
    lastSent = Math.max(lastSent, change.id);
    write(res, frameOf(change));
  };
  const heartbeat = setInterval(() => write(res, ": heartbeat\n\n"), config.streamHeartbeatMs);
  const unsubscribe = hub.subscribe(accountId, {
    ...(sessionId !== undefined && { sessionId }),
    onChange: (change) => (replaying ? held.push(change) : send(change)),
    onClose: () => res.end(),
  });
  res.on("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
  });

  while (replaying && !res.destroyed) {
    const page = await storage.changesAfter(accountId, lastSent, LIMITS.STREAM_REPLAY_PAGE, sessionId);
    page.forEach(send);
    if (page.length < LIMITS.STREAM_REPLAY_PAGE) replaying = false;
  }
  held.sort((a, b) => a.id - b.id).forEach(send);
  return RESPONSE_TAKEN;
}

/** A change as an event, written once however many streams carry it. */
const frames = new WeakMap<StoredMoodChange, string>();
function frameOf(change: StoredMoodChange): string {
  let frame = frames.get(change);
  if (frame === undefined) {
    frame = `id: ${change.id}\nevent: mood\ndata: ${JSON.stringify({ session_id: change.sessionId, ...changeBody(change) })}\n\n`;
    frames.set(change, frame);
  }
  return frame;
}

/**
 * Writes, or drops a client that lets too much pile up unread rather than buffering without end.
 * What one tick writes to a stream goes out in one packet.
 */
function write(res: ServerResponse, chunk: string): void {
  if (res.destroyed) return;
  if (res.writableLength > LIMITS.STREAM_BUFFER_BYTES) {
    res.destroy();
    return;
  }
  if (res.writableCorked === 0) {
    res.cork();
    process.nextTick(() => res.uncork());
  }
  res.write(chunk);
}
