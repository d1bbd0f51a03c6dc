// Processes waiting because Lever refused a write for every user the relay may act as (403):
// `RelayStatus = "lever-refused"`. They wait, retrying with growing pauses, until an admin fixes the user.
import type { Facts } from '../facts';
import type { Finding } from '../kinds';
import { LEVER_USER_SETTINGS, uiQuery } from '../links';

export function leverRefusedFindings(facts: Facts): Finding[] {
  const { count, examples } = facts.leverRefused;
  if (count === 0) return [];
  const query = `RelayStatus = "lever-refused" AND ExecutionStatus = "Running"`;
  return [
    {
      id: 'lever-refused',
      kind: 'lever-refused',
      title: `${count} process${count === 1 ? '' : 'es'} wait${count === 1 ? 's' : ''}: Lever refuses the write for every user the relay may act as`,
      fix: "In Lever (Settings -> Users) give the perform-as user (the console's settings of Wintro and the technical interviews) a role that may create candidates and write notes, or pick another user; the waiting processes carry on by themselves",
      examples,
      links: [
        { text: 'Waiting processes in the Temporal UI', href: uiQuery(facts.config, query) },
        { text: 'Lever users', href: LEVER_USER_SETTINGS },
      ],
    },
  ];
}
