// The API tokens workflow's messages and what it keeps: shared by the workflow, every API (which reads the
// memo to check a bearer token) and tests. Workflow-safe: types and Temporal definitions only. No secret
// ever reaches Temporal: a token is created with the SHA-256 of its secret, computed by the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Role } from '../console/roles';

export interface StoredToken {
  /** Public and random: the part of the token string a lookup uses (`lrt_<id>_<secret>`). */
  id: string;
  /** Unique among tokens still in force; the audit log names changes made with it `token:<name>`. */
  name: string;
  role: Role;
  /** SHA-256 (hex) of the whole token string; dropped when the token is revoked. */
  hash?: string;
  createdBy: string;
  /** Epoch ms (workflow time). */
  createdAt: number;
  expiresAt: number;
  /** The last request that used it, as the APIs reported it (in batches, about once a minute). */
  lastUsedAt?: number;
  revokedBy?: string;
  revokedAt?: number;
}

/** The memo every API reads every second: `version` is bumped by each change. */
export interface StoredTokens {
  version: number;
  tokens: StoredToken[];
}

export const EMPTY_TOKENS: StoredTokens = { version: 0, tokens: [] };

/** The memo key that holds the StoredTokens. */
export const TOKENS_MEMO = 'apiTokens';

export interface CreateTokenRequest {
  id: string;
  name: string;
  role: Role;
  hash: string;
  expiresAt: number;
  actor: string;
  /** `api`, `console`. */
  via: string;
}

export interface RevokeTokenRequest {
  id: string;
  actor: string;
  via: string;
}

export interface TokenChangeResult {
  tokens: StoredTokens;
  token: StoredToken;
}

/** One creation or revocation: who, when, through what, which token. */
export interface TokenAuditEntry {
  at: number;
  actor: string;
  via: string;
  action: 'create' | 'revoke';
  tokenId: string;
  name: string;
  role: Role;
  expiresAt: number;
}

/** By token id: the epoch ms of its last use that an API saw. */
export type TokenUses = Record<string, number>;

/** The failure types of a refused change. */
export const TOKEN_NAME_TAKEN = 'ApiTokenNameTaken';
export const UNKNOWN_TOKEN = 'UnknownApiToken';
export const INVALID_TOKEN_CHANGE = 'InvalidApiTokenChange';

export const createTokenUpdate = defineUpdate<TokenChangeResult, [CreateTokenRequest]>('createApiToken');
export const revokeTokenUpdate = defineUpdate<TokenChangeResult, [RevokeTokenRequest]>('revokeApiToken');
export const tokensUsedSignal = defineSignal<[TokenUses]>('apiTokensUsed');
export const tokensAuditQuery = defineQuery<TokenAuditEntry[]>('apiTokensAudit');

/** Carried across continue-as-new. */
export interface TokensInput {
  tokens?: StoredTokens;
  audit?: TokenAuditEntry[];
}
