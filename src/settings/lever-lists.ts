// Lever's live lists that settings are picked from and checked against (stages, postings, users), read
// through the rate-limited Lever queue (one read per page) and kept for a short while, so a settings page
// and the save after it cost Lever a few requests, not one per field.
import type { LeverReads } from '../lever/queued-reads';
import type { LeverPage } from '../lever/types';

export interface LeverChoice {
  id: string;
  /** What a person reads: a stage's or posting's name, a user's name. */
  text: string;
}

export interface LeverPostingChoice extends LeverChoice {
  tags: string[];
}

export interface LeverUserChoice extends LeverChoice {
  email: string;
  accessRole?: string;
  deactivated: boolean;
}

export interface LeverLists {
  stages(): Promise<LeverChoice[]>;
  postings(): Promise<LeverPostingChoice[]>;
  users(): Promise<LeverUserChoice[]>;
}

/** Pages read at most per list (100 each): an account with more is shown its first 1,000. */
const MAX_PAGES = 10;

type Reads = Pick<LeverReads, 'listStages' | 'listPostings' | 'listPublishedPostings' | 'listUsers'>;

export function cachedLeverLists(reads: Reads, ttlMs = 60_000, now = () => Date.now()): LeverLists {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<T>(name: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(name);
    if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    cache.set(name, { at: now(), value });
    // A failed read is not kept: the next page view tries again.
    value.catch(() => cache.get(name)?.value === value && cache.delete(name));
    return value;
  }
  return {
    stages: () => cached('stages', async () => (await all((page) => reads.listStages(page))).map(({ id, text }) => ({ id, text }))),
    postings: () =>
      cached('postings', async () => {
        // Lever lists a posting published on internal channels only when asked for those channels.
        const [any, published] = await Promise.all([
          all((page) => reads.listPostings(page)),
          all((page) => reads.listPublishedPostings(page)),
        ]);
        const byId = new Map([...any, ...published].map((p) => [p.id, p]));
        return [...byId.values()].map(({ id, text, tags }) => ({ id, text, tags: tags ?? [] }));
      }),
    users: () =>
      cached('users', async () =>
        (await all((page) => reads.listUsers(page))).map((u) => ({
          id: u.id,
          text: u.name,
          email: u.email,
          ...(u.accessRole ? { accessRole: u.accessRole } : {}),
          deactivated: Boolean(u.deactivatedAt),
        })),
      ),
  };
}

async function all<T>(read: (page: { limit: number; offset?: string }) => Promise<LeverPage<T>>): Promise<T[]> {
  const items: T[] = [];
  let offset: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await read({ limit: 100, ...(offset ? { offset } : {}) });
    items.push(...answer.data);
    if (!answer.hasNext || !answer.next) break;
    offset = answer.next;
  }
  return items;
}
