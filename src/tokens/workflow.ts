// `relay-tokens/<task queue>`: the named API tokens of a deployment, kept by Temporal like the settings.
// An entity workflow that never ends: an admin creates or revokes a token with an Update (audited: who,
// when, through what), and the APIs report when tokens were last used with a signal, in batches. Every
// change is published in the memo, where every API reads the tokens (hashes only) with a describe every
// second: a revoked token is refused everywhere within 2 s, with no worker needed to read.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  makeContinueAsNewFunc,
  setHandler,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import {
  createTokenUpdate,
  EMPTY_TOKENS,
  INVALID_TOKEN_CHANGE,
  revokeTokenUpdate,
  TOKEN_NAME_TAKEN,
  TOKENS_MEMO,
  tokensAuditQuery,
  tokensUsedSignal,
  UNKNOWN_TOKEN,
  type CreateTokenRequest,
  type StoredToken,
  type StoredTokens,
  type TokenAuditEntry,
  type TokensInput,
} from './messages';

/** Changes (including reports of use) per run before continuing as new. */
const CHANGES_PER_RUN = 500;
const AUDIT_LIMIT = 1_000;
/** Tokens in force at once: more is a script that creates tokens in a loop. */
export const MAX_LIVE_TOKENS = 200;
/** A revoked or expired token stays listed this long (the audit log keeps it for longer). */
const LISTED_AFTER_END_MS = 30 * 86_400_000;

const inForce = (token: StoredToken, now: number) => token.revokedAt === undefined && token.expiresAt > now;
const endOf = (token: StoredToken) => Math.min(token.revokedAt ?? Infinity, token.expiresAt);

export async function relayApiTokens(input: TokensInput = {}): Promise<void> {
  let state: StoredTokens = input.tokens ?? EMPTY_TOKENS;
  const audit: TokenAuditEntry[] = input.audit ?? [];
  let changesThisRun = 0;

  const publish = (tokens: StoredToken[]) => {
    state = { version: state.version + 1, tokens };
    upsertMemo({ [TOKENS_MEMO]: state });
    changesThisRun += 1;
  };
  const record = (entry: TokenAuditEntry) => {
    audit.push(entry);
    if (audit.length > AUDIT_LIMIT) audit.splice(0, audit.length - AUDIT_LIMIT);
  };
  const find = (id: string) => state.tokens.find((token) => token.id === id);

  upsertMemo({ [TOKENS_MEMO]: state });
  setHandler(tokensAuditQuery, () => audit.slice().reverse());

  setHandler(
    createTokenUpdate,
    (request) => {
      const now = Date.now();
      const { id, name, role, hash, expiresAt, actor, via } = request;
      const token: StoredToken = { id, name, role, hash, createdBy: actor, createdAt: now, expiresAt };
      const listed = state.tokens.filter((t) => inForce(t, now) || endOf(t) > now - LISTED_AFTER_END_MS);
      publish([...listed, token]);
      record({ at: now, actor, via, action: 'create', tokenId: id, name, role, expiresAt });
      return { tokens: state, token };
    },
    { validator: (request) => refuseBadCreation(request, state.tokens, Date.now()) },
  );

  setHandler(
    revokeTokenUpdate,
    ({ id, actor, via }) => {
      const token = find(id)!;
      // Revoking again changes nothing: a repeated request is harmless.
      if (token.revokedAt !== undefined) return { tokens: state, token };
      const now = Date.now();
      const { hash: _dropped, ...kept } = token;
      const revoked: StoredToken = { ...kept, revokedBy: actor, revokedAt: now };
      publish(state.tokens.map((t) => (t.id === id ? revoked : t)));
      record({ at: now, actor, via, action: 'revoke', tokenId: id, name: token.name, role: token.role, expiresAt: token.expiresAt });
      return { tokens: state, token: revoked };
    },
    {
      validator: ({ id, actor }) => {
        if (typeof actor !== 'string' || actor === '') invalid('a revocation names who made it');
        if (!find(id)) throw ApplicationFailure.create({ type: UNKNOWN_TOKEN, message: `no API token ${id}`, nonRetryable: true });
      },
    },
  );

  setHandler(tokensUsedSignal, (uses) => {
    let changed = false;
    const tokens = state.tokens.map((token) => {
      const at = uses[token.id];
      if (typeof at !== 'number' || at <= (token.lastUsedAt ?? 0)) return token;
      changed = true;
      return { ...token, lastUsedAt: at };
    });
    if (changed) publish(tokens);
  });

  await condition(() => changesThisRun >= CHANGES_PER_RUN || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  // The memo goes along, so readers never see a run without the tokens.
  await makeContinueAsNewFunc<typeof relayApiTokens>({ memo: { [TOKENS_MEMO]: state } })({ tokens: state, audit });
}

function invalid(message: string): never {
  throw ApplicationFailure.create({ type: INVALID_TOKEN_CHANGE, message, nonRetryable: true });
}

/** Throws when a creation cannot be accepted (the API has already checked each field; this is the last guard). */
function refuseBadCreation(request: CreateTokenRequest, tokens: StoredToken[], now: number): void {
  for (const field of ['id', 'name', 'role', 'hash', 'actor', 'via'] as const)
    if (typeof request[field] !== 'string' || request[field] === '') invalid(`${field} must be given`);
  if (typeof request.expiresAt !== 'number' || request.expiresAt <= now) invalid('expiresAt must be in the future');
  if (tokens.some((t) => t.id === request.id)) invalid(`a token with the id ${request.id} exists`);
  const live = tokens.filter((t) => inForce(t, now));
  if (live.some((t) => t.name === request.name))
    throw ApplicationFailure.create({
      type: TOKEN_NAME_TAKEN,
      message: `an API token named "${request.name}" is in force: revoke it first, or choose another name`,
      nonRetryable: true,
    });
  if (live.length >= MAX_LIVE_TOKENS) invalid(`${MAX_LIVE_TOKENS} API tokens are in force: revoke some first`);
}
