// The Lever key has no confidential access: Lever hides confidential postings and their candidates from it,
// so a webhook about a confidential candidate reads as a deleted one and nobody is screened, invited or
// exported. Found by the doctor's "Lever: confidential access" check; not claimed while the key itself
// fails (lever-key-invalid/-forbidden say more).
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { LEVER_API_SETTINGS } from '../links';

export function leverConfidentialFindings(facts: Facts): Finding[] {
  const key = facts.checks.find((c) => c.name === 'Lever: API key');
  const check = facts.checks.find((c) => c.name === 'Lever: confidential access');
  if (!check || check.ok || (key && !key.ok)) return [];
  return [
    {
      id: 'lever-key-confidential',
      kind: 'lever-key-confidential',
      title: `The Lever key has no confidential access: confidential candidates are invisible to the relay (${check.detail})`,
      fix:
        check.fix ??
        "In Lever (Settings -> Integrations and API -> API credentials) edit the relay's key and allow access to confidential data",
      subject: { type: 'lever-key', id: 'LEVER_API_KEY' },
      links: [{ text: 'Lever API credentials', href: LEVER_API_SETTINGS }],
    },
  ];
}
