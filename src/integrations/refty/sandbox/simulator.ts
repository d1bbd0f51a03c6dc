// The simulated Refty in the sandbox: its API at `/refty`, the candidate and referees at `/_control/refty`.
import type { Simulator } from '../../../sandbox/simulator';
import { reftyApi } from './api';
import { reftyControls } from './controls';
import { ReftyStore } from './store';

export const reftySimulator: Simulator<ReftyStore> = (deps) => {
  const store = new ReftyStore();
  return {
    store,
    api: reftyApi({ store, ...deps }),
    controls: reftyControls({ store, ...deps, reportUrl: (id) => deps.publicUrl(`/reports/${id}`) }),
  };
};
