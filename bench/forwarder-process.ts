// The floor under the API's cost per webhook: a node:http server that makes the same signal-with-start
// with the same client, connection and data converter, and nothing else (no signature, no validation, no
// replay guard, no metrics). The bench runs it as its own process, like the API, so the two differ only in
// the API's own work: `API CPU per webhook - forwarder CPU per webhook`.
import { createServer } from 'node:http';
import { loadConfig } from '../src/assembly/config';
import { webhookTrigger } from '../src/opportunity/messages';
import { opportunityTriggers } from '../src/opportunity/trigger';
import { createTemporalClient } from '../src/temporal/connection';

const config = loadConfig();
const client = createTemporalClient(config);
const triggers = opportunityTriggers(config);

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { event, triggeredAt, data } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    triggers.trigger(client, data.opportunityId, webhookTrigger(event, triggeredAt)).then(
      (handle) => {
        const body = JSON.stringify({ status: 'triggered', workflowId: handle.workflowId, runId: handle.signaledRunId });
        res.writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => res.writeHead(503).end(error.message),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.API_PORT), '127.0.0.1');
