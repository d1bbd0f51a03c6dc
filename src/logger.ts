// Structured logs. Only opaque ids go in: never names, emails or survey answers (DESIGN rule 6).
import pino from 'pino';

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    name,
    level,
    redact: { paths: ['*.email', '*.emails', '*.name', '*.phone', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

export type Logger = ReturnType<typeof createLogger>;
