// Partner callbacks against a real Temporal server, no worker: every id a callback carries, and its
// `webhook-id`, must be an id Temporal and Lever can hold, else a 400 naming the field (never a 503 that
// the partner would retry for nothing); a `type` that names an object's built-in property is just an
// unused type; Temporal's own refusals become 400 (its absence is a 503: test/api/lever-ingress.test.ts).
import { randomUUID } from 'node:crypto';
import { TemporalActions } from '../../src/api/temporal-actions';
import { HttpProblem } from '../../src/http/problems';
import { startAction } from '../../src/integrations/kit/callbacks';
import { wintroNotification } from '../../src/integrations/wintro/referral-workflow';
import { opportunityTriggers } from '../../src/opportunity/trigger';
import { CALLBACK_SAMPLES } from '../harness/callback-samples';
import { callbackHeaders } from '../harness/callbacks';
import { useTestApi } from '../harness/api';
import { http } from '../harness/http';

const api = useTestApi();

const BAD_IDS = { 'a NUL character': 'a\u0000b', 'a lone surrogate': 'a\ud800b', '300 characters': 'x'.repeat(300), 'a space': 'a b' };

const post = (integration: string, body: unknown, headers?: Record<string, string>) => {
  const text = JSON.stringify(body);
  return http<{ error: string; fields?: { field: string }[] }>(
    'POST',
    `${api.url}/webhooks/${integration}`,
    text,
    headers ?? callbackHeaders(integration, text),
  );
};

const cases = CALLBACK_SAMPLES.flatMap(({ integration, body, ids }) =>
  ids.flatMap((field) =>
    Object.entries(BAD_IDS).map(([what, value]) => ({
      name: `${integration} ${body.type} ${field} with ${what}`,
      integration,
      body,
      field,
      value,
    })),
  ),
);

describe('partner callback ids', () => {
  it.each(cases)('$name -> 400 naming the field', async ({ integration, body, field, value }) => {
    const answer = await post(integration, { ...body, [field]: value });
    expect(answer.status).toBe(400);
    expect(answer.body.fields?.map((f) => f.field)).toContain(field);
  });

  it.each(['msg with space', 'é'.repeat(3), `msg_${'x'.repeat(300)}`])('webhook-id %j -> 400 naming webhook-id', async (id) => {
    const text = JSON.stringify(CALLBACK_SAMPLES[0].body);
    const answer = await post('hrlogics', CALLBACK_SAMPLES[0].body, callbackHeaders('hrlogics', text, { id }));
    expect(answer.status).toBe(400);
    expect(answer.body.fields?.map((f) => f.field)).toEqual(['webhook-id']);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('type %j is an unused type: 200, ignored', async (type) => {
    const refty = CALLBACK_SAMPLES.find((s) => s.integration === 'refty')!;
    const answer = await post('refty', { ...refty.body, type });
    expect(answer).toMatchObject({ status: 200, body: { status: 'ignored' } });
  });
});

describe("Temporal's answers", () => {
  const actions = () => new TemporalActions(api.client, `test-${randomUUID()}`, opportunityTriggers(api.config));
  const notification = (workflowId: string) =>
    startAction(wintroNotification, {
      workflowId,
      args: [{ callbackId: 'c', opportunityId: 'o', message: 'm' }],
      searchAttributes: [],
    });

  it.each([
    ['over its length limit', 'x'.repeat(2_000)],
    ['not valid UTF-8', `wintro/notification/a\ud800b`],
  ])('an id %s is refused by Temporal: a 400, not a 503', async (_what, workflowId) => {
    const refused = await actions()
      .start(notification(workflowId))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpProblem);
    expect((refused as HttpProblem).status).toBe(400);
  });
});
