// The simulated Wintro in the sandbox: its API at `/wintro`, employees and notifications at `/_control/wintro`.
import type { Simulator } from '../../../sandbox/simulator';
import { wintroApi } from './api';
import { wintroControls } from './controls';
import { WintroStore } from './store';

export const wintroSimulator: Simulator<WintroStore> = (deps) => {
  const store = new WintroStore();
  return { store, api: wintroApi({ store, ...deps }), controls: wintroControls({ store, ...deps }) };
};
