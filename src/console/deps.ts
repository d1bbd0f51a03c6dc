// What the console's pages need from the settings and Lever's lists, as the API builds them (src/api.ts)
// and tests fake them. Pages never reach Temporal or Lever but through these and the ConsoleDeps.
export { SettingsRejected, type SettingsAccess } from '../settings/access';
export type { LeverChoice, LeverLists, LeverPostingChoice, LeverUserChoice } from '../settings/lever-lists';
