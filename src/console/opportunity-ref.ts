// What a person pastes to name an opportunity: its id, or its address in Lever
// (https://hire.lever.co/candidates/<id>, possibly with more after it), whose last path segment is the id.
import { leverId } from '../lever/webhook';

export function parseOpportunityRef(input: string): { id: string } | { problem: string } {
  const text = input.trim();
  if (text === '') return { problem: 'enter an opportunity id or its Lever address' };
  let candidate = text;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { problem: 'not a valid address' };
    }
    const segments = url.pathname.split('/').filter(Boolean);
    candidate = decodeURIComponent(segments.at(-1) ?? '');
    if (!candidate) return { problem: 'the address names no opportunity' };
  }
  const parsed = leverId.safeParse(candidate);
  return parsed.success ? { id: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'not a Lever id' };
}
