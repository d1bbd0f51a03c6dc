// Structured logs. Only opaque ids go in: never names, emails or survey answers (DESIGN rule 6). In a
// terminal they are pretty and short; elsewhere (a log collector) one JSON object per line. The Temporal
// SDK's own logs go through the same logger, at warn and above.
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import pino from 'pino';

const REDACT = { paths: ['*.email', '*.emails', '*.name', '*.phone', 'req.headers.authorization'], censor: '[redacted]' };

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info') {
  // LOG_FORMAT=json forces JSON in a terminal too; pretty printing needs a TTY on stdout.
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return pino({
    name,
    level,
    redact: REDACT,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * The Temporal SDK's logger, writing into ours at warn and above (its routine lines would bury ours).
 * Messages matching `quiet` are dropped: known and harmless, such as an activity-only worker's
 * "No workflows registered".
 */
export function sdkLogger(logger: Logger, quiet: readonly RegExp[] = []): TemporalLogger {
  const sdk = logger.child({ component: 'temporal-sdk' });
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    if (level !== 'WARN' && level !== 'ERROR') return;
    if (quiet.some((pattern) => pattern.test(message))) return;
    if (level === 'WARN') sdk.warn(meta ?? {}, message);
    else sdk.error(meta ?? {}, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
