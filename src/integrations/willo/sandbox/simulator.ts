// The simulated Willo in the sandbox: its Integration API at `/willo`, the candidate and the reviewer at
// `/_control/willo`.
import type { Simulator } from '../../../sandbox/simulator';
import { willoApi } from './api';
import { willoControls } from './controls';
import { WilloStore } from './store';

export const willoSimulator: Simulator<WilloStore> = (deps) => {
  const store = new WilloStore();
  return {
    store,
    api: willoApi({ store, ...deps }),
    controls: willoControls({ store, ...deps, responsesUrl: (key) => deps.publicUrl(`/responses/${key}`) }),
  };
};
