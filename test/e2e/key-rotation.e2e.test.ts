// Payload keys rotate without losing a run: a WOTC screening starts under key A; key B is added and made
// first (a new worker); the screening finishes, and its whole history still decodes with [B, A]. A payload
// under a key that is not configured fails with a message naming its id, and the doctor names the key an
// open run still needs.
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { payloadKeyChecks } from '../../src/doctor/payload-keys';
import { hrlogicsControl } from '../../src/integrations/hrlogics/sandbox/control-client';
import { WOTC_TAGS } from '../../src/integrations/hrlogics/tags';
import { SandboxControl } from '../../src/sandbox/control-client';
import { EncryptionCodec, keyIdOf, type PayloadKey } from '../../src/temporal/codec';
import { dataConverter } from '../../src/temporal/connection';
import { integrationProcessId } from '../../src/temporal/workflow-ids';
import { waitFor } from '../harness/http';
import { startTestRelay, type TestRelay } from '../harness/relay';

const keyA: PayloadKey = { id: 'rotation-a', key: Buffer.alloc(32, 0xa1) };
const keyB: PayloadKey = { id: 'rotation-b', key: Buffer.alloc(32, 0xb2) };
const asEnv = (keys: PayloadKey[]) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({ env: { PAYLOAD_ENCRYPTION_KEYS: asEnv([keyA]) } });
});
afterAll(() => relay.stop());

async function clientWith(keys: PayloadKey[]): Promise<Client> {
  const connection = await Connection.connect({ address: relay.config.temporal.address });
  return new Client({ connection, dataConverter: dataConverter({ payloadKey: keys[0].key, payloadKeys: keys }) });
}

it('a run started under key A finishes after key B became first, and its history still decodes', async () => {
  const control = new SandboxControl(relay.sandbox.baseUrl);
  const hrlogics = hrlogicsControl(control);
  const { opportunityId } = await control.apply({ name: 'Rota Tion', email: `rotation-${randomUUID()}@example.com` });
  const screening = await waitFor(async () => (await hrlogics.screenings(opportunityId))[0], { what: 'a screening' });
  const workflowId = integrationProcessId('hrlogics', opportunityId);

  // The doctor, run with only key B, names key A: an open run started under it.
  const onlyB = await clientWith([keyB]);
  try {
    const checks = await payloadKeyChecks({ payloadKeys: [keyB], temporal: relay.config.temporal }, onlyB);
    expect(checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: `Payload key ${keyA.id}`, ok: false })]));
  } finally {
    await onlyB.connection.close();
  }

  // Rotation, step 2 (B was added everywhere first): B becomes first on a new worker.
  await relay.stopWorker();
  relay.config.payloadKeys = [keyB, keyA];
  relay.config.payloadKey = keyB.key;
  await relay.startWorker();

  await hrlogics.completeSurvey(screening.screeningId, 'not_qualified');
  await waitFor(async () => (await control.opportunity(opportunityId)).tags.includes(WOTC_TAGS.notQualified) || undefined, {
    what: 'the result tag',
  });
  const rotated = await clientWith([keyB, keyA]);
  try {
    const handle = rotated.workflow.getHandle(workflowId);
    expect(await handle.result()).toMatchObject({ status: 'not_qualified' });
    const events = (await handle.fetchHistory()).events ?? [];
    const payloads = events.flatMap((e) => [
      ...(e.workflowExecutionStartedEventAttributes?.input?.payloads ?? []),
      ...(e.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
      ...(e.activityTaskCompletedEventAttributes?.result?.payloads ?? []),
      ...(e.workflowExecutionSignaledEventAttributes?.input?.payloads ?? []),
      ...(e.workflowExecutionCompletedEventAttributes?.result?.payloads ?? []),
    ]);
    const ids = new Set(payloads.map((p) => keyIdOf(p)));
    // Written before and after the rotation: both keys are in this one history.
    expect(ids).toEqual(new Set([keyA.id, keyB.id]));
    await expect(new EncryptionCodec([keyB, keyA]).decode(payloads)).resolves.toHaveLength(payloads.length);
    await expect(new EncryptionCodec([keyB]).decode(payloads)).rejects.toThrow(`key id "${keyA.id}"`);
  } finally {
    await rotated.connection.close();
  }
});
