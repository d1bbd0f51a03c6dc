// The simulated Lever Data API over real HTTP: auth, envelopes, pagination, the create rules Lever
// enforces (perform_as, one posting, merge by email), the per-key token bucket and injected faults.
import { basicAuth } from '../../src/http/json-client';
import { SANDBOX_LEVER_API_KEY, SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY } from '../../src/config/sandbox-defaults';
import { SEED_POSTING_IDS, SEED_USERS } from '../../src/sandbox/lever/seed';
import { startSandbox, type Sandbox } from '../../src/assembly/sandbox';
import { http } from '../harness/http';

const RITA = SEED_USERS.rita.id;
const auth = { authorization: basicAuth(SANDBOX_LEVER_API_KEY) };

interface Page<T> {
  data: T[];
  next?: string;
  hasNext: boolean;
}
interface Opportunity {
  id: string;
  contact: string;
  stage: string;
  tags: string[];
  applications: (string | { id: string; posting: string | null; type: string })[];
  stageChanges: { toStageId: string }[];
  archived: { reason: string; archivedAt: number } | null;
  postings?: unknown;
  confidentiality: string;
}

describe('sandbox: Lever Data API', () => {
  let sandbox: Sandbox;
  let base: string;
  const lever = <T = unknown>(method: string, path: string, body?: unknown) => http<T>(method, `${base}${path}`, body, auth);
  const create = async (body: Record<string, unknown>) => {
    const res = await lever<{ data: Opportunity }>('POST', `/opportunities?perform_as=${RITA}`, body);
    expect(res.status).toBe(201);
    return res.body.data;
  };

  beforeAll(async () => {
    // No webhook is sent by the Data API, so the relay URL is never called here.
    sandbox = await startSandbox({ port: 0, relayUrl: 'http://127.0.0.1:9', leverRate: { perSecond: 1000, burst: 1000 } });
    base = `${sandbox.baseUrl}/lever/v1`;
  });
  afterAll(() => sandbox.close());

  it('refuses a missing key, a wrong key and a non-empty password with 401 Unauthorized, and logs them', async () => {
    sandbox.state.lever.requests.clear();
    const refused: Record<string, string>[] = [
      {},
      { authorization: basicAuth('wrong-key') },
      { authorization: basicAuth(SANDBOX_LEVER_API_KEY, 'secret') },
    ];
    for (const headers of refused) {
      const res = await http<{ code: string }>('GET', `${base}/stages`, undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('Unauthorized');
    }
    const log = await http<{ path: string; status: number; apiKey?: string }[]>('GET', `${sandbox.baseUrl}/_control/lever/requests`);
    expect(log.body.map((e) => [e.path, e.status, e.apiKey])).toEqual([
      ['/stages', 401, undefined],
      ['/stages', 401, 'wrong-key'],
      ['/stages', 401, SANDBOX_LEVER_API_KEY],
    ]);
  });

  it('wraps one item in {data} and pages lists with an opaque next passed back as offset', async () => {
    const tag = `paging-${Date.now()}`;
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await create({ name: `Page Person ${i}`, tags: [tag] }));

    const one = await lever<{ data: Opportunity }>('GET', `/opportunities/${created[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.data.id).toBe(created[0].id);

    const pages: Page<Opportunity>[] = [];
    let offset: string | undefined;
    do {
      const res = await lever<Page<Opportunity>>('GET', `/opportunities?tag=${tag}&limit=2${offset ? `&offset=${offset}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      offset = res.body.next;
    } while (offset);
    expect(pages.map((p) => [p.data.length, p.hasNext])).toEqual([
      [2, true],
      [2, true],
      [1, false],
    ]);
    expect(pages[0].next).not.toMatch(/^\d+$/);
    expect(pages.flatMap((p) => p.data.map((o) => o.id))).toEqual(created.map((o) => o.id));

    for (const bad of ['limit=0', 'limit=101', 'limit=x', 'offset=garbage']) {
      const res = await lever<{ code: string }>('GET', `/opportunities?${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'BadRequest']);
    }
  });

  it('requires a known perform_as user to create', async () => {
    for (const query of ['', '?perform_as=user-nobody']) {
      const res = await lever<{ code: string; message: string }>('POST', `/opportunities${query}`, { name: 'No Actor' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BadRequest');
    }
  });

  it('refuses perform_as for a user whose access role may not create opportunities: 403 Forbidden, nothing created', async () => {
    const before = sandbox.state.lever.store.opportunities.size;
    const refused = await lever<{ code: string }>('POST', `/opportunities?perform_as=${SEED_USERS.ivan.id}`, { name: 'By Ivan' });
    expect([refused.status, refused.body.code]).toEqual([403, 'Forbidden']);
    expect(sandbox.state.lever.store.opportunities.size).toBe(before);
    // A team member may; the interviewer may still write notes.
    const o = (await lever<{ data: Opportunity }>('POST', `/opportunities?perform_as=${SEED_USERS.harry.id}`, { name: 'By Harry' })).body
      .data;
    expect((await lever('POST', `/opportunities/${o.id}/notes?perform_as=${SEED_USERS.ivan.id}`, { value: 'feedback' })).status).toBe(201);
  });

  it('rejects more than one posting, an unknown posting and an unknown stage', async () => {
    const { backendEngineer, warehouseAssociate } = SEED_POSTING_IDS;
    for (const body of [{ postings: [backendEngineer, warehouseAssociate] }, { postings: ['posting-nope'] }, { stage: 'stage-nope' }]) {
      const res = await lever<{ code: string }>('POST', `/opportunities?perform_as=${RITA}`, { name: 'Too Many', ...body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BadRequest');
    }
  });

  it('merges by email: a matching email (any case) reuses the contact, another email does not', async () => {
    const email = `merge-${Date.now()}@example.com`;
    const first = await create({ name: 'Mia Merge', emails: [email], postings: [SEED_POSTING_IDS.backendEngineer] });
    const second = await create({ name: 'Mia Merge', emails: [email.toUpperCase()], postings: [SEED_POSTING_IDS.warehouseAssociate] });
    const other = await create({ name: 'Mia Other', emails: [`other-${email}`] });
    expect(second.id).not.toBe(first.id);
    expect(second.contact).toBe(first.contact);
    expect(other.contact).not.toBe(first.contact);

    const byEmail = await lever<Page<Opportunity>>('GET', `/opportunities?email=${encodeURIComponent(email)}`);
    expect(byEmail.body.data.map((o) => o.id)).toEqual([first.id, second.id]);
    const byContact = await lever<Page<Opportunity>>(
      'GET',
      `/opportunities?contact_id=${first.contact}&posting_id=${SEED_POSTING_IDS.warehouseAssociate}`,
    );
    expect(byContact.body.data.map((o) => o.id)).toEqual([second.id]);
  });

  it('shows the posting only through expand=applications, and defaults the stage to lead-new', async () => {
    const o = await create({ name: 'Exa Expand', postings: [SEED_POSTING_IDS.backendEngineer] });
    expect(o.stage).toBe('lead-new');
    expect(o.applications).toEqual([expect.any(String)]);
    expect(o.postings).toBeUndefined();
    const expanded = await lever<{ data: Opportunity }>('GET', `/opportunities/${o.id}?expand=applications`);
    expect(expanded.body.data.applications).toEqual([
      expect.objectContaining({ id: o.applications[0], posting: SEED_POSTING_IDS.backendEngineer, type: 'posting' }),
    ]);
  });

  it('edits tags, notes, stage and archive state, and answers 404 ResourceNotFound for unknown ids', async () => {
    const o = await create({ name: 'Ed Edit', tags: ['Keep'] });
    const added = await lever<{ data: Opportunity }>('POST', `/opportunities/${o.id}/addTags`, { tags: ['HRLogics-WOTC:Pre Qualified'] });
    expect(added.body.data.tags).toEqual(['Keep', 'HRLogics-WOTC:Pre Qualified']);
    const removed = await lever<{ data: Opportunity }>('POST', `/opportunities/${o.id}/removeTags`, { tags: ['Keep'] });
    expect(removed.body.data.tags).toEqual(['HRLogics-WOTC:Pre Qualified']);

    const note = await lever<{ data: { noteId: string } }>('POST', `/opportunities/${o.id}/notes?perform_as=${RITA}`, {
      value: 'screened',
      secret: true,
    });
    expect(note.status).toBe(201);
    const notes = await lever<Page<{ id: string; value: string; secret: boolean; createdAt: number }>>(
      'GET',
      `/opportunities/${o.id}/notes`,
    );
    expect(notes.body.data).toEqual([
      expect.objectContaining({ id: note.body.data.noteId, value: 'screened', secret: true, createdAt: expect.any(Number) }),
    ]);
    expect((await lever('POST', `/opportunities/${o.id}/notes`, { secret: true })).status).toBe(400);

    const moved = await lever<{ data: Opportunity }>('PUT', `/opportunities/${o.id}/stage`, { stage: 'phone-screen' });
    expect(moved.body.data.stage).toBe('phone-screen');
    expect(moved.body.data.stageChanges.map((c) => c.toStageId)).toEqual(['lead-new', 'phone-screen']);
    const archived = await lever<{ data: Opportunity }>('PUT', `/opportunities/${o.id}/archived`, { reason: 'reason-withdrew' });
    expect(archived.body.data.archived).toEqual({ reason: 'reason-withdrew', archivedAt: expect.any(Number) });
    const unarchived = await lever<{ data: Opportunity }>('PUT', `/opportunities/${o.id}/archived`, { reason: null });
    expect(unarchived.body.data.archived).toBeNull();

    for (const [method, path] of [
      ['GET', '/opportunities/nope'],
      ['POST', '/opportunities/nope/addTags'],
      ['GET', '/stages/nope'],
      ['GET', '/postings/nope'],
    ]) {
      const res = await lever<{ code: string }>(method, path, method === 'POST' ? { tags: ['x'] } : undefined);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'ResourceNotFound']);
    }
  });

  it('lists published postings of the public site unless both channels are asked for', async () => {
    const ids = async (query: string) => (await lever<Page<{ id: string }>>('GET', `/postings?${query}`)).body.data.map((p) => p.id);
    const { backendEngineer, warehouseAssociate, supportLead, closed } = SEED_POSTING_IDS;
    expect(await ids('state=published')).toEqual([backendEngineer, warehouseAssociate]);
    expect(await ids('state=published&distributionChannel=public&distributionChannel=internal')).toEqual([
      backendEngineer,
      warehouseAssociate,
      supportLead,
    ]);
    expect(await ids('state=closed')).toEqual([closed]);
  });

  it('finds users by exact email and archive reasons by type', async () => {
    const users = await lever<Page<{ id: string; name: string }>>('GET', '/users?email=RITA@example.com');
    expect(users.body.data).toEqual([expect.objectContaining({ id: RITA, name: 'Rita Recruiter' })]);
    expect((await lever<Page<unknown>>('GET', '/users?email=rita@example')).body.data).toEqual([]);
    const hired = await lever<Page<{ id: string }>>('GET', '/archive_reasons?type=hired');
    expect(hired.body.data.map((r) => r.id)).toEqual(['reason-hired']);
  });

  it('hides confidential postings and their opportunities from a key without confidential access', async () => {
    const control = `${sandbox.baseUrl}/_control/lever`;
    const bulk = await http<{ postings: { id: string }[] }>('POST', `${control}/postings/bulk`, { count: 1, applicantsPerPosting: 1 });
    const secret = bulk.body.postings[0].id;
    expect((await http('PUT', `${control}/postings/${secret}/confidentiality`, { confidentiality: 'confidential' })).status).toBe(200);
    // The relay's key has confidential access: it sees them, marked confidential.
    const [o] = (await lever<Page<Opportunity>>('GET', `/opportunities?posting_id=${secret}`)).body.data;
    expect(o.confidentiality).toBe('confidential');

    const limited = <T = unknown>(method: string, path: string, body?: unknown) =>
      http<T>(method, `${base}${path}`, body, { authorization: basicAuth(SANDBOX_LEVER_NON_CONFIDENTIAL_API_KEY) });
    const both = 'state=published&distributionChannel=public&distributionChannel=internal';
    const listed = (await limited<Page<{ id: string }>>('GET', `/postings?${both}`)).body.data.map((p) => p.id);
    expect(listed).not.toContain(secret);
    expect(listed).toContain(SEED_POSTING_IDS.backendEngineer);
    expect((await limited('GET', `/postings/${secret}`)).status).toBe(404);
    expect((await limited<Page<Opportunity>>('GET', `/opportunities?posting_id=${secret}`)).body.data).toEqual([]);
    expect((await limited('GET', `/opportunities/${o.id}`)).status).toBe(404);
    expect((await limited('POST', `/opportunities/${o.id}/notes`, { value: 'x' })).status).toBe(404);
    expect((await limited('POST', `/opportunities?perform_as=${RITA}`, { name: 'Sly', postings: [secret] })).status).toBe(400);
    expect((await limited('GET', `/postings/${SEED_POSTING_IDS.backendEngineer}`)).status).toBe(200);

    // Asked for confidential postings, that key is refused (how a doctor check tells); the relay's key gets them only.
    expect((await limited('GET', '/postings?confidentiality=confidential')).status).toBe(403);
    const only = (await lever<Page<{ id: string; confidentiality: string }>>('GET', '/postings?confidentiality=confidential')).body.data;
    expect(only.map((p) => p.id)).toContain(secret);
    expect(only.every((p) => p.confidentiality === 'confidential')).toBe(true);
    // An admin takes the relay key's confidential access away, and gives it back.
    expect((await http('PUT', `${control}/confidential-access`, { confidential: false })).status).toBe(200);
    expect((await lever('GET', '/postings?confidentiality=confidential')).status).toBe(403);
    expect((await lever('GET', `/postings/${secret}`)).status).toBe(404);
    expect((await http('PUT', `${control}/confidential-access`, { confidential: 'no' })).status).toBe(400);
    expect((await http('PUT', `${control}/confidential-access`, { confidential: true })).status).toBe(200);
    expect((await lever('GET', `/postings/${secret}`)).status).toBe(200);
  });

  it('injects faults: forced 429 then 503, then normal; faulted requests are logged with their status', async () => {
    const faults = `${sandbox.baseUrl}/_control/faults/lever`;
    expect((await http('PUT', faults, { force429: 1, force5xx: 1 })).status).toBe(200);
    sandbox.state.lever.requests.clear();
    const first = await http<{ code: string }>('GET', `${base}/stages`, undefined, auth);
    expect([first.status, first.body.code]).toEqual([429, 'TooManyRequests']);
    const second = await lever<{ code: string }>('GET', '/stages');
    expect([second.status, second.body.code]).toEqual([503, 'ServiceUnavailable']);
    expect((await lever('GET', '/stages')).status).toBe(200);

    await http('PUT', faults, { errorRate: 1 });
    expect((await lever('GET', '/stages')).status).toBe(500);
    expect((await http('DELETE', faults)).status).toBe(200);
    expect((await lever('GET', '/stages')).status).toBe(200);
    expect(sandbox.state.lever.requests.entries.map((e) => e.status)).toEqual([429, 503, 200, 500, 200]);
    expect((await http('PUT', faults, { errorRate: 2 })).status).toBe(400);
  });
});

describe('sandbox: Lever rate limit', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, relayUrl: 'http://127.0.0.1:9', leverRate: { perSecond: 2, burst: 5 } });
  });
  afterAll(() => sandbox.close());

  it('answers 429 TooManyRequests with Retry-After past the burst, then refills', async () => {
    const call = () => fetch(`${sandbox.baseUrl}/lever/v1/stages`, { headers: auth });
    const answers = await Promise.all(Array.from({ length: 8 }, call));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const limited = answers.find((r) => r.status === 429)!;
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual(expect.objectContaining({ code: 'TooManyRequests' }));

    await new Promise((r) => setTimeout(r, 600));
    expect((await call()).status).toBe(200);
  });
});
