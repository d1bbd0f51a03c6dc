export { wotcScreening } from './wotc';
