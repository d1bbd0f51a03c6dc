// The Lever key is refused: 401 (revoked, mistyped) or 403 (it lost access or a scope). Found by the
// doctor's "Lever: API key" check, which reads Lever's stages through the Lever queue.
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { LEVER_API_SETTINGS } from '../links';

export function leverKeyFindings(facts: Facts): Finding[] {
  const check = facts.checks.find((c) => c.name === 'Lever: API key');
  if (!check || check.ok) return [];
  const forbidden = /\b403\b|forbidden/i.test(check.detail);
  const invalid = /\b401\b|unauthori[sz]ed/i.test(check.detail);
  if (!forbidden && !invalid) return [];
  const links = [{ text: 'Lever API credentials', href: LEVER_API_SETTINGS }];
  const subject = { type: 'lever-key' as const, id: 'LEVER_API_KEY' };
  if (forbidden)
    return [
      {
        id: 'lever-key-forbidden',
        kind: 'lever-key-forbidden',
        title: `Lever refuses the API key access (403): ${check.detail}`,
        fix: 'In Lever (Settings -> Integrations and API -> API credentials) give the key read access to opportunities, postings, stages, users, write access to tags and notes, and confidential data access if confidential candidates are screened; or set LEVER_API_KEY to a key that has it',
        subject,
        links,
      },
    ];
  return [
    {
      id: 'lever-key-invalid',
      kind: 'lever-key-invalid',
      title: `Lever does not accept the API key (401): ${check.detail}`,
      fix: 'Create a new API key in Lever (Settings -> Integrations and API -> API credentials) and set LEVER_API_KEY (or LEVER_API_KEY_FILE) to it on every API and worker; work waits meanwhile, nothing is lost',
      subject,
      links,
    },
  ];
}
