// The simulated HRLogics in the sandbox: its API at `/hrlogics`, the applicant at `/_control/hrlogics`.
import type { Simulator } from '../../../sandbox/simulator';
import { hrlogicsApi } from './api';
import { hrlogicsControls } from './controls';
import { HrlogicsStore } from './store';

export const hrlogicsSimulator: Simulator<HrlogicsStore> = (deps) => {
  const store = new HrlogicsStore((screeningId) => deps.publicUrl(`/survey/${screeningId}`));
  return {
    store,
    api: hrlogicsApi({ store, ...deps }),
    controls: hrlogicsControls({ store, ...deps }),
  };
};
