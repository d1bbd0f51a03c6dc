// Lever reference data that rarely changes (stage names, hired archive reasons, a posting's tags), kept in
// the worker's memory for a stated time so that an event costs one Lever read, not three. Each worker
// process has its own cache: a miss costs one request, at most once per worker per entry per TTL.
import type { LiveOpportunity, SnapshotLookups } from './snapshot';

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T): void {
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }
}

const ALL = 'all';

export class LeverLookupCache {
  /** Stage id -> name, filled from a whole `GET /stages` page at once. */
  readonly stageNames: TtlCache<Map<string, string>>;
  /** Ids of archive reasons of type `hired`. */
  readonly hiredReasons: TtlCache<string[]>;
  /** Posting id -> its tags. */
  readonly postingTags: TtlCache<string[]>;

  constructor(
    readonly ttlMs: number,
    now: () => number = Date.now,
  ) {
    this.stageNames = new TtlCache(ttlMs, now);
    this.hiredReasons = new TtlCache(ttlMs, now);
    this.postingTags = new TtlCache(ttlMs, now);
  }

  stageName(stageId: string): string | undefined {
    return this.stageNames.get(ALL)?.get(stageId);
  }

  setStages(stages: { id: string; text: string }[]): void {
    this.stageNames.set(ALL, new Map(stages.map((s) => [s.id, s.text])));
  }

  hiredReasonIds(): string[] | undefined {
    return this.hiredReasons.get(ALL);
  }

  setHiredReasonIds(ids: string[]): void {
    this.hiredReasons.set(ALL, ids);
  }

  /** Every lookup the cache can fill for this opportunity; what it cannot is left out. */
  fill(snapshot: LiveOpportunity): SnapshotLookups {
    const lookups: SnapshotLookups = {};
    const stageName = this.stageName(snapshot.stage.stageId);
    if (stageName !== undefined) lookups.stageName = stageName;
    const hired = this.hiredReasonIds();
    if (snapshot.archived && hired) lookups.hired = snapshot.archived.reasonId !== null && hired.includes(snapshot.archived.reasonId);
    const postingTags = snapshot.postingId ? this.postingTags.get(snapshot.postingId) : undefined;
    if (postingTags) lookups.postingTags = postingTags;
    return lookups;
  }
}
