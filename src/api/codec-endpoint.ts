// The Temporal UI's remote codec: the UI posts encrypted payloads to `/codec/decode` and shows what comes
// back, so operators can read a run's inputs and results. Decrypted payloads are candidate data, so it answers
// only a person or script whose role allows it (operator or admin; a viewer gets 403), known by the console's
// session cookie (the UI's `codec.includeCredentials`) or `Authorization: Bearer`: a script's token, or the OIDC
// access token of a person (the UI's `codec.passAccessToken`, checked with the provider's userinfo); anyone else
// gets 401 and the UI keeps showing the payloads encrypted. CORS names only the Temporal
// UI's origin, and a browser request from any other origin is refused. Each call is logged with who asked and
// how many payloads (never their contents).
import express, { Router, type Request, type Response } from 'express';
import type { Payload } from '@temporalio/common';
import type { Logger } from '../logger';
import { EncryptionCodec, UnknownKeyError, type PayloadKey } from '../temporal/codec';
import { HttpProblem } from '../http/problems';
import { bearerOf, identify, type Actor } from '../console/auth';
import type { AccessTokenPeople } from '../console/oidc/access-tokens';
import { requireRole } from '../console/roles';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});

const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  ...(p.data ? { data: Buffer.from(p.data).toString('base64') } : {}),
});

export interface CodecEndpointOptions {
  payloadKeys: PayloadKey[];
  /** The Temporal UI's origin (`TEMPORAL_UI_URL`): the only one CORS names. */
  uiOrigin: string;
  adminToken: string;
  /** People known by an OIDC access token, when the console signs people in through OIDC. */
  accessTokens?: AccessTokenPeople;
  logger: Logger;
  now?: () => number;
}

export function codecEndpoint({ payloadKeys, uiOrigin, adminToken, accessTokens, logger, now = Date.now }: CodecEndpointOptions): Router {
  const codec = new EncryptionCodec(payloadKeys);
  // No CSRF token: decoding changes nothing, and the origin check already refused other pages.
  const whoAsks = async (req: Request): Promise<Actor> => {
    try {
      return identify(req, adminToken, now(), { csrf: false });
    } catch (error) {
      // A bearer that is none of the relay's own tokens may be a person's access token from the provider.
      const bearer = bearerOf(req);
      if (!accessTokens || !bearer || !(error instanceof HttpProblem) || error.status !== 401) throw error;
      return accessTokens.actorOf(bearer);
    }
  };
  const router = Router();
  // Only the UI's exact origin is echoed, with credentials: a page of any other origin can neither send the
  // session along (the browser refuses the preflight) nor read an answer.
  const cors = (req: Request, res: Response) => {
    res.setHeader('vary', 'origin');
    if (req.get('origin') !== uiOrigin) return;
    res.setHeader('access-control-allow-origin', uiOrigin);
    res.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, x-namespace, authorization');
    res.setHeader('access-control-allow-credentials', 'true');
  };
  router.options('/{*path}', (req, res) => {
    cors(req, res);
    res.sendStatus(204);
  });
  router.use(express.json({ limit: '4mb' }));
  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, async (req, res) => {
      cors(req, res);
      // A script sends no Origin; a browser always does on a cross-origin POST, and only the UI's is welcome.
      const origin = req.get('origin');
      if (origin !== undefined && origin !== uiOrigin) throw new HttpProblem(403, `the codec answers only the Temporal UI at ${uiOrigin}`);
      const actor = await whoAsks(req);
      requireRole(actor.role, 'operator');
      const payloads = (req.body as { payloads?: unknown })?.payloads;
      if (!Array.isArray(payloads))
        throw new HttpProblem(400, 'body must be {"payloads": [...]}', [{ field: 'payloads', message: 'must be an array' }]);
      // Who read candidate data, and how much: never what.
      logger.info({ actor: actor.id, via: actor.via, role: actor.role, direction, payloads: payloads.length }, `codec ${direction}`);
      try {
        const result = await codec[direction]((payloads as JsonPayload[]).map(fromJson));
        res.json({ payloads: result.map(toJson) });
      } catch (error) {
        if (error instanceof UnknownKeyError) throw new HttpProblem(400, error.message);
        throw new HttpProblem(400, `payloads could not be ${direction}d with this relay's keys`);
      }
    });
  }
  return router;
}
