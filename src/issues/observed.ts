// What the relay's processes see between evaluations and no visibility count can tell: Lever answering 429,
// partner callbacks refused for a bad signature, a service (Lever or a partner) failing with no answer since.
// Each worker and API sends an `observed` report to the issues workflow once per evaluation interval, and
// only when it has something to say (a healthy relay sends none). The workflow keeps the reports of the
// last observation window with `recordReport`; the evaluation reads them with a query and its detectors
// read them with `failingServices` and `countsIn`. Workflow-safe: types and pure functions only.

/** A service as one process sees it failing: no answer since its first retryable failure (429, 5xx, network). */
export interface ServiceFailing {
  /** Epoch ms of the first retryable failure after this process last saw the service answer. */
  since: number;
  /** The latest failure (epoch ms) and what it was (`503`, `network`). */
  lastAt: number;
  last: string;
}

export interface ObservationReport {
  /** Which process sent it (host, pid and a random tag): its newer report replaces its older view of failures. */
  source: string;
  at: number;
  /** How long reports are kept (the sender's ISSUES_OBSERVATION_WINDOW). */
  windowMs: number;
  /** Lever answered 429 this many times since the process's previous report. */
  leverRateLimited: number;
  /** Partner callbacks refused for a bad signature since the previous report, by integration name. */
  callbacksRefused: Record<string, number>;
  /** Services failing now as this process sees them, by service (`Lever`, `HRLogics`...). */
  failing: Record<string, ServiceFailing>;
  /** Services this process saw answer (after failing, or beside another observation): the latest answer, epoch ms. */
  answered: Record<string, number>;
}

export interface Observed {
  /** The counted observations of the window: Lever 429s and refused callbacks, when reported. */
  counts: { at: number; leverRateLimited: number; callbacksRefused: Record<string, number> }[];
  /** Each process's latest view of the services failing (a process that stops reporting ages out). */
  failing: Record<string, { at: number; services: Record<string, ServiceFailing> }>;
  /** The latest answer any process saw from each service (epoch ms). */
  answered: Record<string, number>;
}

export const NOTHING_OBSERVED: Observed = { counts: [], failing: {}, answered: {} };

/** Whether a report says anything (a process sends none otherwise). */
export function saysSomething(report: ObservationReport): boolean {
  return (
    report.leverRateLimited > 0 ||
    Object.keys(report.callbacksRefused).length > 0 ||
    Object.keys(report.failing).length > 0 ||
    Object.keys(report.answered).length > 0
  );
}

/** The observations with one more report, and without what is older than its window. */
export function recordReport(observed: Observed, report: ObservationReport): Observed {
  const horizon = report.at - report.windowMs;
  const counts = observed.counts.filter((c) => c.at > horizon);
  if (report.leverRateLimited > 0 || Object.keys(report.callbacksRefused).length > 0)
    counts.push({ at: report.at, leverRateLimited: report.leverRateLimited, callbacksRefused: report.callbacksRefused });
  const failing: Observed['failing'] = {};
  for (const [source, view] of Object.entries(observed.failing)) if (view.at > horizon) failing[source] = view;
  if (Object.keys(report.failing).length > 0) failing[report.source] = { at: report.at, services: report.failing };
  else delete failing[report.source];
  const answered = { ...observed.answered };
  for (const [service, at] of Object.entries(report.answered)) answered[service] = Math.max(answered[service] ?? 0, at);
  return { counts, failing, answered };
}

/** Lever 429s and refused callbacks (by integration) reported within `windowMs` before `at`. */
export function countsIn(
  observed: Observed,
  at: number,
  windowMs: number,
): { leverRateLimited: number; callbacksRefused: Record<string, number> } {
  const refused: Record<string, number> = {};
  let leverRateLimited = 0;
  for (const c of observed.counts) {
    if (c.at <= at - windowMs) continue;
    leverRateLimited += c.leverRateLimited;
    for (const [integration, n] of Object.entries(c.callbacksRefused)) refused[integration] = (refused[integration] ?? 0) + n;
  }
  return { leverRateLimited, callbacksRefused: refused };
}

/**
 * Each service failing now, across processes: since the later of a process's first failure and the last answer
 * any process got, as long as that process's latest failure came after that answer; the earliest such start.
 */
export function failingServices(observed: Observed, at: number, windowMs: number): Record<string, ServiceFailing> {
  const result: Record<string, ServiceFailing> = {};
  for (const view of Object.values(observed.failing)) {
    if (view.at <= at - windowMs) continue;
    for (const [service, failing] of Object.entries(view.services)) {
      const answeredAt = observed.answered[service] ?? 0;
      if (failing.lastAt <= answeredAt) continue;
      const since = Math.max(failing.since, answeredAt);
      const known = result[service];
      result[service] = {
        since: known ? Math.min(known.since, since) : since,
        ...(known && known.lastAt > failing.lastAt
          ? { lastAt: known.lastAt, last: known.last }
          : { lastAt: failing.lastAt, last: failing.last }),
      };
    }
  }
  return result;
}
