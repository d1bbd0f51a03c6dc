// End to end through HTTP only: the sandbox plays Lever, HRLogics and the humans; the relay's API,
// worker and Temporal do the rest. Assertions read the sandbox's state back over its control API.
import { randomUUID } from 'node:crypto';
import { SANDBOX_LEVER_API_KEY } from '../../../src/config/sandbox-defaults';
import { basicAuth } from '../../../src/http/json-client';
import { hrlogicsControl, type HrlogicsControl } from '../../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../../src/integrations/hrlogics/tags';
import { SandboxControl, type LoggedRequest } from '../../../src/sandbox/control-client';
import { callbackHeaders } from '../../harness/callbacks';
import { http, waitFor } from '../../harness/http';
import { explainWorkflow, resultOnceStarted } from '../../harness/temporal';
import { integrationProcessId } from '../../../src/temporal/workflow-ids';
import { startTestRelay, type TestRelay } from '../../harness/relay';

let relay: TestRelay;
let control: SandboxControl;
let hrlogics: HrlogicsControl;

beforeAll(async () => {
  relay = await startTestRelay();
  control = new SandboxControl(relay.sandbox.baseUrl);
  hrlogics = hrlogicsControl(control);
});
afterAll(() => relay.stop());

const email = () => `e2e-${randomUUID()}@example.com`;
const wotcTags = (tags: string[]) => tags.filter((t) => t.startsWith('HRLogics-WOTC:'));

async function screeningOf(opportunityId: string) {
  return waitFor(async () => (await hrlogics.screenings(opportunityId))[0], { what: `a screening for ${opportunityId}` });
}

async function tagsSettled(opportunityId: string, tag: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const { tags } = await control.opportunity(opportunityId);
      return tags.includes(tag) && wotcTags(tags).length === 1 ? tags : undefined;
    },
    { what: `${tag} on ${opportunityId}`, timeoutMs, explain: () => explainScreening(opportunityId) },
  );
}

/** Where a screening's result stands: its process, HRLogics' callbacks for it, and Lever's answers for it. */
async function explainScreening(opportunityId: string): Promise<string> {
  const [process, screenings, callbacks, log] = await Promise.all([
    explainWorkflow(relay.client, integrationProcessId('hrlogics', opportunityId)),
    hrlogics.screenings(opportunityId),
    control.partnerCallbacks('hrlogics'),
    control.leverRequests(),
  ]);
  const ids = new Set(screenings.map((s) => s.screeningId));
  const ours = callbacks.filter((c) => [...ids].some((id) => c.body.includes(id)));
  const lever = log.filter((r) => r.path.includes(opportunityId)).map((r) => `${r.method} ${r.path} ${r.status}`);
  return [
    process,
    `callbacks: ${JSON.stringify(ours.map(({ delivered, attempts }) => ({ delivered, attempts })))}`,
    `lever: ${lever.join('; ')}`,
  ].join('\n');
}

const tagWrites = (log: LoggedRequest[], opportunityId: string) =>
  log.filter((r) => r.path === `/opportunities/${opportunityId}/addTags` && r.status < 300).length;

/** The most Lever requests that fall in any window of `windowMs`. */
function peakInWindow(log: LoggedRequest[], windowMs: number): number {
  const times = log.map((r) => r.at).sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe('HRLogics WOTC end to end', () => {
  it('candidate applies -> survey sent -> survey submitted -> exactly one WOTC tag on the opportunity', async () => {
    const { opportunityId } = await control.apply({ name: 'Ada Applicant', email: email() });
    const screening = await screeningOf(opportunityId);
    expect(screening.status).toBe('sent');
    // A stale tag from an earlier screening must give way to the new result.
    const stale = await http(
      'POST',
      `${relay.sandbox.baseUrl}/lever/v1/opportunities/${opportunityId}/addTags`,
      { tags: [WOTC_TAGS.notQualified] },
      { authorization: basicAuth(SANDBOX_LEVER_API_KEY) },
    );
    expect(stale.status).toBe(200);
    const callback = await hrlogics.completeSurvey(screening.screeningId, 'pre_qualified');
    expect(callback.status).toBe(200);
    const tags = await tagsSettled(opportunityId, WOTC_TAGS.preQualified);
    expect(wotcTags(tags)).toEqual([WOTC_TAGS.preQualified]);
  });

  it('the same webhook delivered 5 times concurrently makes one screening and one tag write', async () => {
    const { opportunityId } = await control.apply({ name: 'Dupe Delivery', email: email() });
    const [delivery] = await waitFor(
      async () => {
        const list = await control.deliveries({ event: 'applicationCreated', opportunityId });
        return list.length > 0 && list[0].delivered ? list : undefined;
      },
      { what: 'the applicationCreated delivery' },
    );
    const { statuses } = await control.redeliver(delivery.deliveryId, 5);
    // Each is accepted (202): one trigger each, in which the opportunity process finds nothing new.
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    const screening = await screeningOf(opportunityId);
    const completed = await hrlogics.completeSurvey(screening.screeningId, 'not_qualified');
    // The partner delivering its callback again is harmless too.
    const again = await hrlogics.redeliverCallback(completed.callbackId, 3);
    expect(again.statuses.every((s) => s === 200)).toBe(true);
    await tagsSettled(opportunityId, WOTC_TAGS.notQualified);
    // The screening process has ended with its result: nothing more can write for it.
    expect(await resultOnceStarted(relay.client, integrationProcessId('hrlogics', opportunityId))).toMatchObject({
      status: 'not_qualified',
    });
    expect(await hrlogics.screenings(opportunityId)).toHaveLength(1);
    expect(tagWrites(await control.leverRequests(), opportunityId)).toBe(1);
  });

  it('a callback for an unknown screening gets a clear 404', async () => {
    const body = JSON.stringify({
      type: 'screening.completed',
      screeningId: 'scr_nope',
      externalId: randomUUID(),
      result: 'pre_qualified',
    });
    const headers = callbackHeaders('hrlogics', body);
    const answer = await http<{ error: string }>('POST', `${relay.apiUrl}/webhooks/hrlogics`, body, headers);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatch(/unknown screening/);
    const forged = await http('POST', `${relay.apiUrl}/webhooks/hrlogics`, body, { ...headers, 'webhook-signature': 'v1,AAAA' });
    expect(forged.status).toBe(401);
  });

  it('completes every flow through Lever 429s and 5xx and HRLogics outages, without duplicate writes or exceeding the rate limit', async () => {
    await control.faults('lever', { force429: 10, force5xx: 10 });
    await control.faults('hrlogics', { force5xx: 5 });
    const candidates = await Promise.all(Array.from({ length: 8 }, (_, i) => control.apply({ name: `Faulty ${i}`, email: email() })));
    const screenings = await Promise.all(candidates.map(({ opportunityId }) => screeningOf(opportunityId)));
    await control.faults('lever', { errorRate: 0.2 });
    await Promise.all(screenings.map((s, i) => hrlogics.completeSurvey(s.screeningId, i % 2 ? 'pre_qualified' : 'not_qualified')));
    // One in five Lever answers fails at random and Temporal retries after 1, 2, 4, 8, 16 s: five failures
    // in a row on one of a tag's two requests (1 in 3,000) already take 31 s, so the wait allows the
    // retry policy's tail rather than only its usual case.
    await Promise.all(
      candidates.map(({ opportunityId }, i) => tagsSettled(opportunityId, i % 2 ? WOTC_TAGS.preQualified : WOTC_TAGS.notQualified, 90_000)),
    );
    await control.clearFaults('lever');
    await control.clearFaults('hrlogics');

    const log = await control.leverRequests();
    for (const { opportunityId } of candidates) {
      expect(await hrlogics.screenings(opportunityId)).toHaveLength(1);
      expect(tagWrites(log, opportunityId)).toBe(1);
    }
    expect(log.filter((r) => r.status >= 500).length).toBeGreaterThan(0);
    // Exactly the forced 429s: the relay itself never ran into Lever's token bucket (10/s, burst 20).
    expect(log.filter((r) => r.status === 429)).toHaveLength(10);
    // The task queue's limiter is a token bucket whose burst equals its rate: in any window of w seconds
    // at most rate * (w + 1) requests.
    const rate = relay.config.lever.ratePerSecond;
    expect(peakInWindow(log, 1000)).toBeLessThanOrEqual(rate * 2);
    expect(peakInWindow(log, 3000)).toBeLessThanOrEqual(rate * 4);
  }, 180_000);
});
