export { wotcScreening } from './wotc';
export { wintroVacancySync } from './wintro-sync';
export { wintroReferral, wintroNotification } from './wintro-referral';
export { techInterviewExport } from './tech-interview';
export { techInterviewStatusReport } from './tech-interview-status';
