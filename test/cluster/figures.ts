// Small pure helpers of the cluster test: rates over a request log, and the pass/fail ledger.

/** The most timestamps that fall in any window of `windowMs` (sliding, not calendar seconds). */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  return busiestWindow(times, windowMs).count;
}

/** The busiest window of `windowMs`: how many, and when it starts. */
export function busiestWindow(times: readonly number[], windowMs: number): { count: number; at: number } {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = { count: 0, at: 0 };
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    if (i - j + 1 > peak.count) peak = { count: i - j + 1, at: sorted[j] };
  }
  return peak;
}

/** The most timestamps in one calendar second (what a per-second dashboard would show). */
export function peakPerCalendarSecond(times: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

/** Requests by method and path, ids left out, busiest first: "GET /opportunities/:id x9, POST /opportunities/:id/addTags x6". */
export function requestShapes(requests: readonly { method: string; path: string }[]): string {
  const counts = new Map<string, number>();
  for (const { method, path } of requests) {
    const isId = (part: string) => /\d/.test(part) && !/^v\d+$/.test(part);
    const shape = `${method} ${path
      .split('?')[0]
      .split('/')
      .map((part) => (isId(part) ? ':id' : part))
      .join('/')}`;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([shape, n]) => `${shape} x${n}`)
      .join(', ') || 'none'
  );
}

export class Checks {
  readonly results: { name: string; ok: boolean; detail: string }[] = [];

  check(name: string, ok: boolean, detail = ''): void {
    this.results.push({ name, ok, detail });
  }

  get passed(): number {
    return this.results.filter((r) => r.ok).length;
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  report(): string {
    return this.results.map((r) => `  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.detail ? `: ${r.detail}` : ''}`).join('\n');
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** At most `limit` promises at once, in order of the items. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]);
      }
    }),
  );
  return results;
}
