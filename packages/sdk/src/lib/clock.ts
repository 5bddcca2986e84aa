/** Unix time in seconds, the unit of every event's `ts`. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}
