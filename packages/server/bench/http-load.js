import { connect } from "node:net";

/**
 * A minimal keep-alive HTTP/1.1 client over raw sockets: each connection sends one request,
 * reads the whole answer (Content-Length framed), then sends the next. Small enough that the
 * server, not the client, is what gets measured.
 */
export class Connection {
  constructor(port) {
    this.socket = connect({ port, host: "127.0.0.1", noDelay: true });
    this.buffer = Buffer.alloc(0);
    this.pending = undefined;
    this.socket.on("data", (chunk) => this.onData(chunk));
    this.socket.on("error", (error) => this.pending?.reject(error));
  }

  ready() {
    return new Promise((resolve, reject) => {
      this.socket.once("connect", resolve);
      this.socket.once("error", reject);
    });
  }

  /** Sends raw request bytes; resolves with the status code once the answer is complete. */
  send(request) {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  onData(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const head = this.buffer.toString("latin1", 0, headerEnd);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      const total = headerEnd + 4 + length;
      if (this.buffer.length < total) return;
      const status = Number(head.slice(9, 12));
      this.buffer = this.buffer.subarray(total);
      const pending = this.pending;
      this.pending = undefined;
      pending?.resolve(status);
    }
  }

  close() {
    this.socket.destroy();
  }
}

/** Raw bytes of a request. */
export function rawRequest(method, path, headers, body = "") {
  const bodyBytes = Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (bodyBytes.length > 0 || method === "POST") lines.push(`Content-Length: ${bodyBytes.length}`);
  return Buffer.concat([Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1"), bodyBytes]);
}

/**
 * Closed loop: `connections` clients each send `nextRequest(connection, i)` back to back for
 * `seconds`; returns answers per second and a count per status code.
 */
export async function closedLoop(port, { connections, seconds, nextRequest }) {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const connection = new Connection(port);
      await connection.ready();
      return connection;
    }),
  );
  const statuses = {};
  let answered = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const status = await client.send(nextRequest(c, i));
        statuses[status] = (statuses[status] ?? 0) + 1;
        answered++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  for (const client of clients) client.close();
  return { perSecond: answered / elapsed, statuses };
}

/**
 * Open loop: requests are due at a steady `rate` per second for `seconds`, whatever the answers
 * do; latency runs from when a request was due, so a stalled server cannot hide its queue.
 */
export async function openLoop(port, { rate, seconds, connections, nextRequest }) {
  const idle = await Promise.all(
    Array.from({ length: connections }, async () => {
      const connection = new Connection(port);
      await connection.ready();
      return connection;
    }),
  );
  const all = [...idle];
  const queue = [];
  const latencies = [];
  const statuses = {};
  const total = rate * seconds;
  const started = performance.now();
  let due = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const client = idle.pop();
      const { at, request } = queue.shift();
      client.send(request).then((status) => {
        latencies.push(performance.now() - at);
        statuses[status] = (statuses[status] ?? 0) + 1;
        idle.push(client);
        dispatch();
      });
    }
  };

  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (due < total && started + (due * 1000) / rate <= now) {
        queue.push({ at: started + (due * 1000) / rate, request: nextRequest(due) });
        due++;
      }
      dispatch();
      if (latencies.length >= total) resolve();
      // A timer, not setImmediate: spinning would take a core from the server under test.
      else setTimeout(tick, 1);
    };
    tick();
  });
  for (const client of all) client.close();
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { count: latencies.length, statuses, p50: at(50), p90: at(90), p99: at(99), max: latencies.at(-1) };
}
