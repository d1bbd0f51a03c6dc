// The Temporal UI's remote codec: the UI posts encrypted payloads to `/codec/decode` and shows what comes
// back, so operators can read a run's inputs and results. It decrypts for whoever can reach it, so it is on
// by default only in sandbox mode; in production enable it only on an API that is not exposed publicly.
import express, { Router, type Response } from 'express';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec, UnknownKeyError, type PayloadKey } from '../temporal/codec';
import { HttpProblem } from '../http/problems';

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

export function codecEndpoint(payloadKeys: PayloadKey[], uiOrigin: string): Router {
  const codec = new EncryptionCodec(payloadKeys);
  const router = Router();
  const cors = (res: Response) => {
    res.setHeader('access-control-allow-origin', uiOrigin);
    res.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, x-namespace, authorization');
    res.setHeader('access-control-allow-credentials', 'true');
  };
  router.options('/{*path}', (_req, res) => {
    cors(res);
    res.sendStatus(204);
  });
  router.use(express.json({ limit: '4mb' }));
  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, async (req, res) => {
      cors(res);
      const payloads = (req.body as { payloads?: unknown })?.payloads;
      if (!Array.isArray(payloads))
        throw new HttpProblem(400, 'body must be {"payloads": [...]}', [{ field: 'payloads', message: 'must be an array' }]);
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
