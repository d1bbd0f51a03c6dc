// Every integration's sample callbacks (declared beside its routes, `callbacks.samples`), from the
// registry: the starting point of tests that break one field at a time (ingress validation, the fuzz test).
import { eachIntegration } from '../../src/integrations';
import type { CallbackSample as Sample } from '../../src/integrations/kit/callbacks';

export interface CallbackSample extends Sample {
  integration: string;
}

export const CALLBACK_SAMPLES: readonly CallbackSample[] = eachIntegration().flatMap(([, integration]) =>
  (integration.server().callbacks?.samples ?? []).map((sample) => ({ integration: integration.name, ...sample })),
);
