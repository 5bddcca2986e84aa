import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The built server; the root `pnpm test` builds it first. */
export const SERVER_ENTRY = fileURLToPath(new URL("../dist/index.js", import.meta.url));

export interface ChildServer {
  process: ChildProcess;
  url: string;
  /** Every JSON log line the server wrote so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the exit code (or signal) once the process is gone and its output read. */
  exited: Promise<number | NodeJS.Signals>;
}

/** Starts `node dist/index.js` (or `entry`) on a free port with `env`, resolving once it logs "listening". */
export function startChildServer(env: Record<string, string>, entry = SERVER_ENTRY): Promise<ChildServer> {
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build first (pnpm build, or pnpm test which builds)`);
  }
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SESSIONMOOD_DEMO: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once("close", (code, signal) => resolve(code ?? signal!)),
  );
  const lines: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    void exited.then((how) => reject(new Error(`server exited (${how}) before listening`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (entry.msg === "listening") resolve({ process: child, url: entry.url as string, lines, exited });
    });
  });
}
