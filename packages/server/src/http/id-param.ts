/** A path parameter naming a stored row by its numeric id, or undefined when it cannot be one. */
export function idParam(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}
