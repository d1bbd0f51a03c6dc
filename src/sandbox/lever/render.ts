// Store records -> the JSON the Lever Data API answers (../shared/spec/lever.md section 2). The posting of an
// opportunity is visible only through `expand=applications`, as in Lever: code that reads it from a
// plain `applications: [id]` is wrong against the real API too.
import type { LeverNote } from '../../lever/types';
import type { LeverStore, SimNote, SimOpportunity } from './store';

export interface Expand {
  applications?: boolean;
  stage?: boolean;
}

export function renderOpportunity(store: LeverStore, o: SimOpportunity, expand: Expand = {}) {
  return {
    id: o.id,
    name: o.name,
    headline: o.headline,
    contact: o.contact,
    emails: [...o.emails],
    phones: o.phones.map((p) => ({ ...p })),
    links: [...o.links],
    location: o.location,
    stage: expand.stage ? { ...store.stage(o.stage) } : o.stage,
    stageChanges: o.stageChanges.map((c) => ({ ...c })),
    archived: o.archived ? { ...o.archived } : null,
    tags: [...o.tags],
    sources: [...o.sources],
    origin: o.origin,
    sourcedBy: o.sourcedBy,
    owner: o.owner,
    followers: [...o.followers],
    applications: expand.applications
      ? o.applications.map((a) => ({
          id: a.id,
          opportunityId: a.opportunityId,
          candidateId: a.opportunityId,
          posting: a.posting,
          type: a.type,
          createdAt: a.createdAt,
        }))
      : o.applications.map((a) => a.id),
    confidentiality: store.isConfidential(o) ? 'confidential' : 'non-confidential',
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lastInteractionAt: o.lastInteractionAt,
    lastAdvancedAt: o.lastAdvancedAt,
    snoozedUntil: null,
    urls: { list: 'https://hire.lever.co/candidates', show: `https://hire.lever.co/candidates/${o.id}` },
    isAnonymized: false,
  };
}

export function renderNote(note: SimNote): LeverNote & Record<string, unknown> {
  return {
    id: note.id,
    text: note.value,
    value: note.value,
    fields: [{ value: note.value }],
    secret: note.secret,
    score: note.score,
    user: note.user,
    createdAt: note.createdAt,
  };
}
