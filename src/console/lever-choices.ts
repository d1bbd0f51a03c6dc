// The live Lever lists a page offers as choices (stages, postings, users), read only when the page has a
// control that needs them. When Lever cannot be read the page still opens: its controls keep the values in
// force, and the page says why the lists are missing.
import type { LeverChoice, LeverLists, LeverPostingChoice, LeverUserChoice } from './deps';

export interface Choices {
  stages: LeverChoice[];
  postings: LeverPostingChoice[];
  users: LeverUserChoice[];
  /** Why some list could not be read. */
  problem?: string;
}

export async function loadChoices(lever: LeverLists, needs: { stages?: boolean; postings?: boolean; users?: boolean }): Promise<Choices> {
  const problems: string[] = [];
  const read = async <T>(wanted: boolean | undefined, what: string, list: () => Promise<T[]>): Promise<T[]> => {
    if (!wanted) return [];
    try {
      return await list();
    } catch (error) {
      problems.push(`Lever's ${what} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };
  const [stages, postings, users] = await Promise.all([
    read(needs.stages, 'stages', () => lever.stages()),
    read(needs.postings, 'postings', () => lever.postings()),
    read(needs.users, 'users', () => lever.users()),
  ]);
  return { stages, postings, users, ...(problems.length > 0 ? { problem: problems.join('; ') } : {}) };
}

/**
 * The option a stored reference selects: settings from the environment may name a stage by its name
 * rather than its id ("Phone Screen"), and both must show as chosen.
 */
export function matchesChoice(choice: LeverChoice, ref: string): boolean {
  return choice.id === ref || choice.text.trim().toLowerCase() === ref.trim().toLowerCase();
}
