// Whether HRLogics has anything to do about an opportunity, from one snapshot. Pure.
//
// A survey goes to a new application with an email, once: the screening process is started when none has
// run for it (or the last one ended before sending anything), and is handed every later snapshot that
// matters to it (archived, hired, deleted) while it runs. A new application without an email starts it
// too when stop notes are on: it says in Lever that no survey was sent, once (its end is the memory).
import { decision, isNews, type Decision, type DecisionInput } from '../kit/definition';
import { WOTC_RESTARTABLE, type WotcSettings, type WotcStatus } from './messages';

const NO_EMAIL = 'no email: no survey until one is added';

export function decideWotc(input: DecisionInput<WotcSettings>): Decision {
  const { snapshot, process, settings } = input;
  if (snapshot.deleted) {
    if (!process) return decision.need('process');
    return process.state === 'running' ? decision.deliver('deleted in Lever') : decision.nothing('deleted; no screening runs');
  }
  if (!snapshot.application) return decision.nothing('no application');
  if (snapshot.archived) {
    if (snapshot.lookups.hired === undefined) return decision.need('hired');
    if (!process) return decision.need('process');
    if (process.state === 'running') return decision.deliver(snapshot.lookups.hired ? 'hired' : 'archived');
    return decision.nothing(snapshot.lookups.hired ? 'hired; no screening runs' : 'archived; no screening runs');
  }
  if (!process) {
    // Cheap checks first: most triggers about an old candidate end here without a look at the process.
    if (!isNews(snapshot.application.createdAt, input)) return decision.nothing('the application is older than this trigger: not news');
    if (!snapshot.contact && !settings.stopNotes) return decision.nothing(NO_EMAIL);
    return decision.need('process');
  }
  if (process.state === 'running') {
    return decision.nothing(process.status === 'expired' ? 'the survey expired; a late answer still counts' : 'the screening is under way');
  }
  if (process.state === 'closed' && !WOTC_RESTARTABLE.includes(process.status as WotcStatus)) {
    return decision.nothing(`screened already (${process.status ?? 'ended'})`);
  }
  if (!isNews(snapshot.application.createdAt, input)) return decision.nothing('the application is older than this trigger: not news');
  if (!snapshot.contact) {
    if (!settings.stopNotes) return decision.nothing(NO_EMAIL);
    if (process.state === 'closed' && process.status === 'no-email') return decision.nothing(`${NO_EMAIL} (noted in Lever before)`);
    return decision.start(`${NO_EMAIL}: the screening process notes it in Lever`);
  }
  return decision.start('a new application with an email');
}
