// Every Lever tag string and note marker of the Refty flow. Lever matches tags case-sensitively: import
// them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';

export type ReftyStepStatus = 'Sent' | 'Completed';

/** `Refty:<Step> Sent` / `Refty:<Step> Completed`: the latest request of that step. */
export function reftyStepTag(stepName: string, status: ReftyStepStatus): string {
  return `Refty:${stepName} ${status}`;
}

export function reftyStepTags(stepName: string): string[] {
  return [reftyStepTag(stepName, 'Sent'), reftyStepTag(stepName, 'Completed')];
}

export const reftyNoteMarkers = {
  outcome: (outcome: string, requestId: string) => noteMarker(`refty-${outcome}`, requestId),
} as const;
