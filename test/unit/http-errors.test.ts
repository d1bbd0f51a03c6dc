import { ApplicationFailure } from '@temporalio/common';
import express from 'express';
import { classifyHttpStatus, HTTP_FAILURE, parseRetryAfter } from '../../src/http/errors';
import { JsonClient } from '../../src/http/json-client';
import { listen } from '../harness/http';

const ctx = { service: 'Lever', method: 'GET', path: '/x', retryAfter: null };

describe('HTTP failure classification', () => {
  it.each([
    [400, HTTP_FAILURE.badRequest, true],
    [401, HTTP_FAILURE.unauthorized, true],
    [403, HTTP_FAILURE.forbidden, true],
    [404, HTTP_FAILURE.notFound, true],
    [422, HTTP_FAILURE.badRequest, true],
    [418, HTTP_FAILURE.clientError, true],
    [408, HTTP_FAILURE.serverError, false],
    [409, HTTP_FAILURE.serverError, false],
    [429, HTTP_FAILURE.rateLimited, false],
    [500, HTTP_FAILURE.serverError, false],
    [502, HTTP_FAILURE.serverError, false],
    [503, HTTP_FAILURE.unavailable, false],
  ])('%i -> %s (non-retryable: %s)', (status, type, nonRetryable) => {
    const failure = classifyHttpStatus({ ...ctx, status });
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.type).toBe(type);
    expect(failure.nonRetryable).toBe(nonRetryable);
  });

  it('honours Retry-After in seconds or as a date, capped', () => {
    expect(classifyHttpStatus({ ...ctx, status: 429, retryAfter: '2' }).nextRetryDelay).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(25_000);
    expect(parseRetryAfter('86400')).toBe(600_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(classifyHttpStatus({ ...ctx, status: 503, retryAfter: null }).nextRetryDelay).toBeUndefined();
  });

  it('classifies real responses and network failures through JsonClient, without leaking error messages', async () => {
    const app = express();
    app.get('/missing', (_req, res) => void res.status(404).json({ code: 'ResourceNotFound', message: 'jane@example.com not found' }));
    app.get('/busy', (_req, res) => void res.status(429).set('retry-after', '3').json({ code: 'TooManyRequests' }));
    app.get('/ok', (req, res) => void res.json({ auth: req.headers.authorization, q: req.query }));
    const { server, url } = await listen(app);
    try {
      const client = new JsonClient({ service: 'Test', baseUrl: url, authorization: 'Bearer k' });
      await expect(client.request({ method: 'GET', path: '/ok', query: { a: ['1', '2'], b: undefined } })).resolves.toEqual({
        auth: 'Bearer k',
        q: { a: ['1', '2'] },
      });
      const notFound = await client.request({ method: 'GET', path: '/missing' }).catch((e: ApplicationFailure) => e);
      expect(notFound).toMatchObject({ type: HTTP_FAILURE.notFound, nonRetryable: true });
      expect((notFound as Error).message).toContain('ResourceNotFound');
      expect((notFound as Error).message).not.toContain('jane@example.com');
      await expect(client.request({ method: 'GET', path: '/busy' })).rejects.toMatchObject({
        type: HTTP_FAILURE.rateLimited,
        nextRetryDelay: 3000,
      });
    } finally {
      server.close();
    }
    const down = new JsonClient({ service: 'Test', baseUrl: 'http://127.0.0.1:9', authorization: 'x', timeoutMs: 2000 });
    await expect(down.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ type: HTTP_FAILURE.network, nonRetryable: false });
  });
});
