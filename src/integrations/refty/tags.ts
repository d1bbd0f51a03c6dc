// Every Lever tag string and note marker of the Refty flow. Lever matches tags case-sensitively: import
// them from here, never spell them again.
import { noteMarker } from '../../lever/note-markers';
import type { StopNote } from '../kit/stop-notes';
import type { ReftyRequestOutcome } from './messages';
import type { ReftyStep } from './rules';

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

/** Notes when a request cannot go on (REFTY_STOP_NOTES): one per opportunity, step or request. */
export const reftyStopNotes = {
  notCovered: (opportunityId: string): StopNote => ({
    marker: noteMarker('refty-not-covered', opportunityId),
    text: 'Refty: no self-assessment or reference check is sent for this opportunity: its posting is not covered by a Refty rule.',
  }),
  noEmail: (opportunityId: string, step: ReftyStep): StopNote => ({
    marker: noteMarker('refty-no-email', `${opportunityId}/${step.stepId}`),
    text: `Refty: no ${step.name} request was sent: the opportunity has no email address.`,
  }),
  ended: (outcome: Exclude<ReftyRequestOutcome, 'completed'>, requestId: string, step: ReftyStep): StopNote => ({
    marker: reftyNoteMarkers.outcome(outcome, requestId),
    text: `Refty: the ${step.name} request ${outcome === 'expired' ? 'expired without an answer' : 'was declined'}.`,
  }),
} as const;
