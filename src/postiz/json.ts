/** What the response parsers share. Pure. */

/** A JSON object (not null, not an array): its fields may be read, with Object.hasOwn for server-named ones. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
