// Recruiters live in Lever, not in the Temporal UI: when a flow cannot go on (no email, an expired survey
// or invite, a posting the integration does not cover...), a short note on the opportunity says so. Each
// is written once: its marker names the stop and an opaque key, and `addNoteOnce` looks for it first. The
// text is non-secret and holds nothing personal beyond what Lever already has. Each integration words its
// own (in its tags.ts, listed in docs/integrations.md) and can switch them off (`<PREFIX>_STOP_NOTES=false`).
import { addNoteOnce } from './lever-writes';

export interface StopNote {
  /** `noteMarker(<integration>-<stop>, <opaque key>)`: one note per stop and key. */
  marker: string;
  text: string;
}

/** The part of an integration's settings that switches its stop notes. */
export interface StopNoteSettings {
  stopNotes: boolean;
}

/** Writes the note once, unless the integration's stop notes are switched off. */
export async function noteStop(opportunityId: string, settings: StopNoteSettings, note: StopNote): Promise<void> {
  if (settings.stopNotes) await addNoteOnce(opportunityId, note.marker, note.text);
}
