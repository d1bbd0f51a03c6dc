// A setting in force names something the live Lever account no longer has: a deleted stage or posting, a
// deactivated perform-as user or one whose role may no longer create candidates. Found by each
// integration's checks with the settings in force (`stageExists`, `postingExists`, `performAsUser`).
import type { CheckResult } from '../../doctor/check';
import type { Facts } from '../facts';
import type { Finding, IssueSubject } from '../kinds';
import { LEVER_STAGE_SETTINGS, LEVER_USER_SETTINGS, leverPosting } from '../links';

const PATTERNS: { type: IssueSubject['type']; pattern: RegExp }[] = [
  { type: 'stage', pattern: /^(?<setting>[^:]+): stage "(?<ref>.*)"$/ },
  { type: 'user', pattern: /^(?<setting>[^:]+): Lever user (?<ref>.+)$/ },
  { type: 'posting', pattern: /^(?<setting>[^:]+): posting (?<ref>.+)$/ },
];

function subjectOf(check: CheckResult): { subject: IssueSubject; setting: string } | undefined {
  for (const { type, pattern } of PATTERNS) {
    const groups = pattern.exec(check.name)?.groups;
    if (groups) return { subject: { type, id: groups.ref, name: groups.ref }, setting: groups.setting };
  }
  return undefined;
}

export function settingsStaleFindings(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const check of facts.checks) {
    if (check.ok || check.integration === undefined) continue;
    const found = subjectOf(check);
    if (!found) continue;
    const { subject, setting } = found;
    const href = subject.type === 'stage' ? LEVER_STAGE_SETTINGS : subject.type === 'user' ? LEVER_USER_SETTINGS : leverPosting(subject.id);
    findings.push({
      id: `settings-stale:${check.integration}:${setting}:${subject.type}:${subject.id}`,
      kind: 'settings-stale',
      integration: check.integration,
      title: `${setting} names ${subject.type} ${subject.id}: ${check.detail}`,
      fix: `${check.fix ?? 'pick a value the account has'} (in the console: ${facts.config.api.publicUrl}/console/settings/${check.integration})`,
      subject,
      links: [
        { text: 'Settings in the console', href: `${facts.config.api.publicUrl}/console/settings/${check.integration}` },
        { text: 'Lever', href },
      ],
    });
  }
  return findings;
}
