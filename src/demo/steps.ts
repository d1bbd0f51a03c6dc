// What every demo scenario shares: timestamped steps, waiting for the relay to do something, and the
// sandbox control client.
import type { Config } from '../config';
import type { SandboxControl } from '../sandbox/control-client';

export interface DemoContext {
  config: Config;
  control: SandboxControl;
  step(message: string): void;
  until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs?: number): Promise<T>;
  /** A moment for the audience (and the relay) between human actions. */
  pause(ms?: number): Promise<void>;
  /** Where to look at a workflow in the Temporal UI. */
  uiLink(workflowId: string): string;
}

export function demoContext(config: Config, control: SandboxControl): DemoContext {
  const started = Date.now();
  return {
    config,
    control,
    step: (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`),
    until: async (what, probe, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000}s: is the worker running? (npm start)`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    pause: (ms = 1000) => new Promise((r) => setTimeout(r, ms)),
    uiLink: (workflowId) => `${config.temporal.uiUrl}/namespaces/${config.temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`,
  };
}
