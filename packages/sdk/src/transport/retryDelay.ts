/**
 * How long to wait before retry number `failures` (1, 2, …): exponential from `baseMs` up to
 * `maxMs`, then jittered to between half and all of it, so that many pages whose server came
 * back do not all retry in the same instant.
 */
export function retryDelay(failures: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
