// The simulated Lever account in memory: reference data, opportunities, contacts, notes, tags and sources.
// Both the Data API and the control API change it only through these methods, so a rule such as
// "a matching email reuses the contact" holds whoever creates the opportunity.
import { randomUUID } from 'node:crypto';
import type {
  CreateOpportunityBody,
  LeverArchiveReason,
  LeverArchived,
  LeverOrigin,
  LeverStage,
  LeverStageChange,
  LeverUser,
} from '../../lever/types';
import { SimProblem } from '../http';
import { SEED_ARCHIVE_REASONS, SEED_STAGES, SEED_USERS, seedPostings, type SimPosting } from './seed';

export interface SimApplication {
  id: string;
  opportunityId: string;
  /** null: an application not tied to a posting. */
  posting: string | null;
  type: 'posting';
  createdAt: number;
}

export interface SimNote {
  id: string;
  value: string;
  secret: boolean;
  score: number | null;
  user: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SimOpportunity {
  id: string;
  name: string;
  headline: string;
  contact: string;
  emails: string[];
  phones: { type?: string; value: string }[];
  links: string[];
  location: string;
  stage: string;
  stageChanges: LeverStageChange[];
  archived: LeverArchived | null;
  tags: string[];
  sources: string[];
  origin: LeverOrigin;
  sourcedBy: string | null;
  owner: string | null;
  followers: string[];
  /** At most one, as in Lever. */
  applications: SimApplication[];
  createdAt: number;
  updatedAt: number;
  lastInteractionAt: number;
  lastAdvancedAt: number;
}

export interface NewOpportunity extends Omit<CreateOpportunityBody, 'postings'> {
  sourcedBy?: string;
  followers?: string[];
  postingId?: string;
  /** An application even without a posting (someone applying in general). */
  withApplication?: boolean;
  createdAt?: number;
  archived?: { reason: string; archivedAt?: number };
  contact?: string;
}

export interface Change<T> {
  from: T;
  to: T;
}

const canonical = (email: string) => email.trim().toLowerCase();

export class LeverStore {
  readonly users: LeverUser[] = Object.values(SEED_USERS).map((u) => ({ ...u }));
  readonly stages: LeverStage[] = SEED_STAGES.map((s) => ({ ...s }));
  readonly archiveReasons: LeverArchiveReason[] = SEED_ARCHIVE_REASONS.map((r) => ({ ...r }));
  readonly postings: SimPosting[] = seedPostings();
  /** Insertion order is list order. */
  readonly opportunities = new Map<string, SimOpportunity>();
  readonly notes = new Map<string, SimNote[]>();
  /** contact id -> canonical emails of that person. */
  readonly contacts = new Map<string, Set<string>>();
  /** Tags and sources ever used: Lever keeps them (count 0) after the last opportunity drops them. */
  readonly tagNames = new Set<string>();
  readonly sourceNames = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  opportunity(id: string): SimOpportunity {
    const found = this.opportunities.get(id);
    if (!found) throw new SimProblem('notFound', `opportunity ${id} not found`);
    return found;
  }

  posting(id: string): SimPosting {
    const found = this.postings.find((p) => p.id === id);
    if (!found) throw new SimProblem('notFound', `posting ${id} not found`);
    return found;
  }

  stage(id: string): LeverStage {
    const found = this.stages.find((s) => s.id === id);
    if (!found) throw new SimProblem('notFound', `stage ${id} not found`);
    return found;
  }

  user(id: string): LeverUser {
    const found = this.users.find((u) => u.id === id);
    if (!found) throw new SimProblem('notFound', `user ${id} not found`);
    return found;
  }

  archiveReason(id: string): LeverArchiveReason {
    const found = this.archiveReasons.find((r) => r.id === id);
    if (!found) throw new SimProblem('notFound', `archive reason ${id} not found`);
    return found;
  }

  /** A reference inside a request body: unknown is the caller's mistake (400), not a missing resource. */
  referenced<T>(lookup: () => T): T {
    try {
      return lookup();
    } catch (error) {
      if (error instanceof SimProblem) throw new SimProblem('badRequest', error.message);
      throw error;
    }
  }

  addPosting(posting: SimPosting): SimPosting {
    if (this.postings.some((p) => p.id === posting.id)) throw new SimProblem('conflict', `posting ${posting.id} exists`);
    this.postings.push(posting);
    return posting;
  }

  createOpportunity(input: NewOpportunity): SimOpportunity {
    const now = this.now();
    const { postingId, owner, sourcedBy, archived } = input;
    const stage = this.referenced(() => this.stage(input.stage ?? 'lead-new'));
    if (postingId !== undefined) this.referenced(() => this.posting(postingId));
    if (owner !== undefined) this.referenced(() => this.user(owner));
    if (sourcedBy !== undefined) this.referenced(() => this.user(sourcedBy));
    for (const follower of input.followers ?? []) this.referenced(() => this.user(follower));
    if (archived) this.referenced(() => this.archiveReason(archived.reason));
    if (input.contact !== undefined && !this.contacts.has(input.contact))
      throw new SimProblem('badRequest', `contact ${input.contact} not found`);
    if (input.createdAt !== undefined && input.createdAt > now) throw new SimProblem('badRequest', 'createdAt must be in the past');

    const emails = input.emails ?? [];
    const contact = input.contact ?? this.contactFor(emails) ?? randomUUID();
    const known = this.contacts.get(contact) ?? new Set<string>();
    for (const email of emails) known.add(canonical(email));
    this.contacts.set(contact, known);

    const id = randomUUID();
    const createdAt = input.createdAt ?? now;
    // Lever copies the posting's tags onto a new opportunity (that is how `Willo:<Interview>-<Account>` reaches it).
    const tags = unique([...(postingId === undefined ? [] : this.posting(postingId).tags), ...(input.tags ?? [])]);
    const sources = unique(input.sources ?? []);
    tags.forEach((t) => this.tagNames.add(t));
    sources.forEach((s) => this.sourceNames.add(s));
    const opportunity: SimOpportunity = {
      id,
      name: input.name ?? '',
      headline: input.headline ?? '',
      contact,
      emails: [...emails],
      phones: (input.phones ?? []).map((p) => ({ ...p })),
      links: [...(input.links ?? [])],
      location: input.location ?? '',
      stage: stage.id,
      stageChanges: [{ toStageId: stage.id, toStageIndex: this.stageIndex(stage.id), userId: input.owner ?? null, updatedAt: createdAt }],
      archived: input.archived ? { reason: input.archived.reason, archivedAt: input.archived.archivedAt ?? now } : null,
      tags,
      sources,
      origin: input.origin ?? 'sourced',
      sourcedBy: input.sourcedBy ?? null,
      owner: input.owner ?? null,
      followers: unique(input.followers ?? []),
      applications:
        input.postingId === undefined && !input.withApplication
          ? []
          : [{ id: randomUUID(), opportunityId: id, posting: input.postingId ?? null, type: 'posting', createdAt }],
      createdAt,
      updatedAt: now,
      lastInteractionAt: now,
      lastAdvancedAt: createdAt,
    };
    this.opportunities.set(id, opportunity);
    this.notes.set(id, []);
    return opportunity;
  }

  moveStage(opportunity: SimOpportunity, stageId: string, userId: string | null = null): Change<string> {
    const stage = this.referenced(() => this.stage(stageId));
    const from = opportunity.stage;
    const now = this.now();
    opportunity.stage = stage.id;
    opportunity.stageChanges.push({ toStageId: stage.id, toStageIndex: this.stageIndex(stage.id), userId, updatedAt: now });
    opportunity.lastAdvancedAt = now;
    this.touch(opportunity);
    return { from, to: stage.id };
  }

  /** `reasonId` null unarchives. */
  setArchived(opportunity: SimOpportunity, reasonId: string | null): Change<LeverArchived | null> {
    if (reasonId !== null) this.referenced(() => this.archiveReason(reasonId));
    const from = opportunity.archived;
    opportunity.archived = reasonId === null ? null : { archivedAt: this.now(), reason: reasonId };
    this.touch(opportunity);
    return { from, to: opportunity.archived };
  }

  addEmail(opportunity: SimOpportunity, email: string): void {
    if (!opportunity.emails.some((e) => canonical(e) === canonical(email))) opportunity.emails.push(email);
    (this.contacts.get(opportunity.contact) ?? this.contacts.set(opportunity.contact, new Set()).get(opportunity.contact)!).add(
      canonical(email),
    );
    this.touch(opportunity);
  }

  addTags(opportunity: SimOpportunity, tags: string[]): void {
    tags.forEach((t) => this.tagNames.add(t));
    opportunity.tags = unique([...opportunity.tags, ...tags]);
    this.touch(opportunity);
  }

  removeTags(opportunity: SimOpportunity, tags: string[]): void {
    opportunity.tags = opportunity.tags.filter((t) => !tags.includes(t));
    this.touch(opportunity);
  }

  /** An opportunity on a confidential posting is confidential itself. */
  isConfidential(opportunity: SimOpportunity): boolean {
    return opportunity.applications.some((a) => a.posting !== null && this.posting(a.posting).confidentiality === 'confidential');
  }

  addPostingTags(posting: SimPosting, tags: string[]): void {
    tags.forEach((t) => this.tagNames.add(t));
    posting.tags = unique([...posting.tags, ...tags]);
  }

  addSources(opportunity: SimOpportunity, sources: string[]): void {
    sources.forEach((s) => this.sourceNames.add(s));
    opportunity.sources = unique([...opportunity.sources, ...sources]);
    this.touch(opportunity);
  }

  removeSources(opportunity: SimOpportunity, sources: string[]): void {
    opportunity.sources = opportunity.sources.filter((s) => !sources.includes(s));
    this.touch(opportunity);
  }

  /** With `noteId`, replaces that note's text (Lever lets API-created notes be edited). */
  saveNote(
    opportunity: SimOpportunity,
    note: { value: string; secret?: boolean; score?: number; user?: string; createdAt?: number },
    noteId?: string,
  ): SimNote {
    const { user } = note;
    if (user !== undefined) this.referenced(() => this.user(user));
    const notes = this.notesOf(opportunity.id);
    const now = this.now();
    if (noteId !== undefined) {
      const existing = notes.find((n) => n.id === noteId);
      if (!existing) throw new SimProblem('notFound', `note ${noteId} not found`);
      Object.assign(existing, {
        value: note.value,
        secret: note.secret ?? existing.secret,
        score: note.score ?? existing.score,
        updatedAt: now,
      });
      return existing;
    }
    const created: SimNote = {
      id: randomUUID(),
      value: note.value,
      secret: note.secret ?? false,
      score: note.score ?? null,
      user: note.user ?? null,
      createdAt: note.createdAt ?? now,
      updatedAt: now,
    };
    notes.push(created);
    this.touch(opportunity);
    return created;
  }

  notesOf(opportunityId: string): SimNote[] {
    return this.notes.get(opportunityId) ?? [];
  }

  remove(opportunity: SimOpportunity): void {
    this.opportunities.delete(opportunity.id);
    this.notes.delete(opportunity.id);
  }

  /** `{text, count}` as `GET /tags` answers, counting live opportunities. */
  tagCounts(): { text: string; count: number }[] {
    return [...this.tagNames].map((text) => ({ text, count: this.count((o) => o.tags.includes(text)) }));
  }

  sourceCounts(): { text: string; count: number }[] {
    return [...this.sourceNames].map((text) => ({ text, count: this.count((o) => o.sources.includes(text)) }));
  }

  private contactFor(emails: string[]): string | undefined {
    const wanted = new Set(emails.map(canonical));
    for (const [contact, known] of this.contacts) {
      for (const email of known) if (wanted.has(email)) return contact;
    }
    return undefined;
  }

  private stageIndex(stageId: string): number {
    return this.stages.findIndex((s) => s.id === stageId);
  }

  private count(match: (o: SimOpportunity) => boolean): number {
    let n = 0;
    for (const o of this.opportunities.values()) if (match(o)) n += 1;
    return n;
  }

  private touch(opportunity: SimOpportunity): void {
    opportunity.updatedAt = this.now();
    opportunity.lastInteractionAt = opportunity.updatedAt;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
