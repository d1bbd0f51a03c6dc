export { wotcScreening } from './wotc';
export { stageChange } from './stage-change';
export { willoInterview } from './willo';
export { reftyReferences } from './refty';
export { wintroVacancySync } from './wintro-sync';
export { wintroReferral, wintroNotification } from './wintro-referral';
export { techInterviewExport } from './tech-interview';
export { techInterviewStatusReport } from './tech-interview-status';
