// Every Lever tag string and note marker of the technical-interview platform's flow. Lever matches tags
// case-sensitively: import them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';

/**
 * Lever is the record of which opportunity came from which interview (we keep no database): the
 * opportunity carries `<Platform>:Interview <interviewId>`, read back when its stage changes.
 */
export function techInterviewTag(platform: string, interviewId: string): string {
  return `${techInterviewTagPrefix(platform)}${interviewId}`;
}

export function techInterviewTagPrefix(platform: string): string {
  return `${platform}:Interview `;
}

/** The interview id behind an opportunity's tags, if this integration exported it. */
export function interviewIdFromTags(platform: string, tags: readonly string[]): string | undefined {
  const prefix = techInterviewTagPrefix(platform);
  return tags.find((t) => t.startsWith(prefix))?.slice(prefix.length) || undefined;
}

export function techInterviewAnonymousTag(platform: string): string {
  return `${platform}:Anonymous`;
}

export const techInterviewNoteMarkers = {
  scores: (interviewId: string) => noteMarker('tech-interview', interviewId),
} as const;
