// The Temporal runtime of a worker process (`npm run worker`, `npm start`): its logs through ours (warn and
// above), core's own logs at warn, signals left to us (one orderly stop), and the Prometheus endpoint with
// the SDK's metrics and ours.
import { makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import type { RelayConfig } from './config/relay';
import { sdkLogger, type Logger } from './logger';
import { workerMetrics } from './worker-metrics';

/** The Lever worker polls only activities; the SDK says so at every start. */
const HARMLESS = [/No workflows registered/];

export function installWorkerRuntime(relay: Pick<RelayConfig, 'worker'>, logger: Logger) {
  const port = relay.worker.metricsPort;
  Runtime.install({
    shutdownSignals: [],
    logger: sdkLogger(logger, HARMLESS),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      ...(port !== undefined ? { metrics: { prometheus: { bindAddress: `0.0.0.0:${port}`, countersTotalSuffix: true } } } : {}),
    },
  });
  return workerMetrics(Runtime.instance().metricMeter);
}
