// What an integration's `test/integrations/<name>/histories.ts` exports so that `npm run record-histories`
// records its flows: the recorder finds it through the registry, so a new integration needs no line there.
import type { SandboxControl } from '../../src/sandbox/control-client';
import type { TestRelay } from '../harness/relay';

export interface HistoryRecording {
  /** Variables its flows need (e.g. a trigger stage). */
  env?: Record<string, string>;
  /** Plays its flows; `save` waits for a run to end and saves its history as `<name>.json`. */
  record(context: { relay: TestRelay; control: SandboxControl; save(name: string, workflowId: string): Promise<void> }): Promise<void>;
}
