/** z for a two-sided 95% interval. */
const Z = 1.96;

/**
 * The Wilson score interval of a rate of `successes` in `trials`, at 95%: unlike the plain
 * ± formula it stays within [0, 1] and stays honest for small samples and rates near 0 or 1.
 * With no trials it is [0, 1]: nothing is known.
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = Z * Z;
  const centre = p + z2 / (2 * trials);
  const spread = Z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return [Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)];
}
