// Lever has no idempotency keys, so every note we write ends with a marker line naming what wrote it and
// why; before writing, the opportunity's notes are searched for that marker. Each integration names its
// markers in its own tags.ts. Plain functions: workflow code imports this module.

/** `[lever-relay:<kind>:<key>]`: opaque ids only, never names or emails. */
export function noteMarker(kind: string, key: string): string {
  return `[lever-relay:${kind}:${key}]`;
}

/** The note text Lever stores: the body, then the marker on its own line. */
export function withMarker(body: string, markerLine: string): string {
  return `${body}\n\n${markerLine}`;
}
