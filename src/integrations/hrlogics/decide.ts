// Whether HRLogics has anything to do about an opportunity, from one snapshot. Pure.
//
// A survey goes to a new application with an email, once: the screening process is started when none has
// run for it (or the last one ended before sending anything), and is handed every later snapshot that
// matters to it (archived, hired, deleted) while it runs.
import { decision, isNews, type Decision, type DecisionInput } from '../kit/definition';
import { WOTC_RESTARTABLE, type WotcSettings, type WotcStatus } from './messages';

export function decideWotc(input: DecisionInput<WotcSettings>): Decision {
  const { snapshot, process } = input;
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
    if (!snapshot.contact) return decision.nothing('no email: no survey until one is added');
    return decision.need('process');
  }
  if (process.state === 'running') return decision.nothing('the screening is under way');
  if (process.state === 'closed' && !WOTC_RESTARTABLE.includes(process.status as WotcStatus)) {
    return decision.nothing(`screened already (${process.status ?? 'ended'})`);
  }
  if (!isNews(snapshot.application.createdAt, input)) return decision.nothing('the application is older than this trigger: not news');
  if (!snapshot.contact) return decision.nothing('no email: no survey until one is added');
  return decision.start('a new application with an email');
}
