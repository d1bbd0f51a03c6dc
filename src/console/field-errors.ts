// The messages of a refused change, placed beside the control they are about. A message names a path
// (`triggerStages`, `rules[0].postings`, `rules[1].steps[0].stage`); each control takes the messages of its
// own input name, and whatever no control claimed is shown at the top of its field, so no message is lost.
import type { FieldProblem } from '../http/problems';

export class FieldErrors {
  private readonly byPath = new Map<string, string[]>();
  private readonly claimed = new Set<string>();

  constructor(problems: readonly FieldProblem[] = []) {
    for (const { field, message } of problems) {
      const list = this.byPath.get(field) ?? [];
      list.push(message);
      this.byPath.set(field, list);
    }
  }

  /** Every problem, in the order given. */
  all(): FieldProblem[] {
    return [...this.byPath].flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
  }

  get size(): number {
    return this.byPath.size;
  }

  /**
   * The messages about this path and its items (`triggerStages[1]`: one of the chosen stages), for the
   * control of that path; they are not shown again by `rest`.
   */
  take(path: string): string[] {
    const out: string[] = [];
    for (const [key, messages] of this.byPath) {
      if (key !== path && !(key.startsWith(`${path}[`) && /^\[\d+\]$/.test(key.slice(path.length)))) continue;
      this.claimed.add(key);
      out.push(...messages);
    }
    return out;
  }

  /** Messages under `field` (itself, `field.x`, `field[0]...`) that no control took. */
  rest(field: string): string[] {
    const out: string[] = [];
    for (const [path, messages] of this.byPath) {
      if (this.claimed.has(path)) continue;
      if (path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)) {
        this.claimed.add(path);
        out.push(...messages.map((m) => (path === field ? m : `${path}: ${m}`)));
      }
    }
    return out;
  }

  /** Messages about no field of this form (e.g. the whole change), for the top of the page. */
  unclaimed(): string[] {
    const out: string[] = [];
    for (const [path, messages] of this.byPath) if (!this.claimed.has(path)) out.push(...messages.map((m) => `${path}: ${m}`));
    return out;
  }
}
