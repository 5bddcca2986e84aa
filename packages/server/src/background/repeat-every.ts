/**
 * Runs `task` now and then every `intervalMs`, never two runs at once; returns the function that
 * stops it, which resolves once a run under way has finished. `task` handles its own errors.
 */
export function repeatEvery(intervalMs: number, task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = (): void => {
    running ??= task().finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
