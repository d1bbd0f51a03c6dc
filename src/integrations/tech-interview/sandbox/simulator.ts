// The simulated technical-interview platform in the sandbox: its API at `/tech-interview`, the interviewer
// at `/_control/tech-interview`.
import type { Simulator } from '../../../sandbox/simulator';
import { techInterviewApi } from './api';
import { techInterviewControls } from './controls';
import { TechInterviewStore } from './store';

export const techInterviewSimulator: Simulator<TechInterviewStore> = (deps) => {
  const store = new TechInterviewStore();
  return { store, api: techInterviewApi({ store, ...deps }), controls: techInterviewControls({ store, ...deps }) };
};
