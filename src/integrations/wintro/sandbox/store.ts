// What the simulated Wintro holds: the vacancy list the relay last sent and each vacancy's exclusions
// (hashes only: Wintro never sees an applicant's email).
import type { WintroVacancy } from '../client';
import { SimProblem } from '../../../sandbox/http';

export class WintroStore {
  /** externalId -> vacancy, in the order last sent. */
  readonly vacancies = new Map<string, WintroVacancy>();
  readonly exclusions = new Map<string, string[]>();
  /** How many times each endpoint was used, for tests of "one sync, one vacancy PUT". */
  vacancyPuts = 0;

  replaceVacancies(vacancies: WintroVacancy[]): { upserted: number; removed: number } {
    const incoming = new Set(vacancies.map((v) => v.externalId));
    let removed = 0;
    for (const id of this.vacancies.keys()) {
      if (!incoming.has(id)) {
        this.vacancies.delete(id);
        this.exclusions.delete(id);
        removed += 1;
      }
    }
    for (const vacancy of vacancies) this.vacancies.set(vacancy.externalId, { ...vacancy });
    this.vacancyPuts += 1;
    return { upserted: vacancies.length, removed };
  }

  replaceExclusions(externalId: string, emailHashes: string[]): number {
    if (!this.vacancies.has(externalId)) throw new SimProblem('notFound', `vacancy ${externalId} not found`);
    const unique = [...new Set(emailHashes)];
    this.exclusions.set(externalId, unique);
    return unique.length;
  }

  list() {
    return [...this.vacancies.values()].map((v) => ({ ...v, exclusions: this.exclusions.get(v.externalId) ?? null }));
  }
}
