export { wotcScreening } from './wotc';
export { stageChange } from './stage-change';
export { willoInterview } from './willo';
export { reftyReferences } from './refty';
