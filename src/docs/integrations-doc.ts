// docs/integrations.md, written whole from the registry (each integration's `docs`): the variables every
// integration adds to the configuration, and the stop notes it may write in Lever. Nobody edits that file:
// `npm run docs` writes it and a test fails when it differs from what this makes, so an integration cannot
// drift from its documentation, and a new integration changes this generated file, never a hand-written one
// (the README links to it).
import { integrationParts, loadConfig } from '../assembly/config';

/** Where the document lives, from the checkout's root. */
export const INTEGRATIONS_DOC = 'docs/integrations.md';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** An integration's cells are written for the README: its own anchors (`](#notes-in-lever)`) point there. */
const fromDocs = (cell: string) => cell.replaceAll('](#', '](../README.md#');

function parts() {
  // The sandbox configuration: every integration's server part, without any environment.
  return integrationParts(loadConfig({}));
}

/** The integrations' variables, registry order. */
export function configurationTable(): string[] {
  return [
    row(['variable', 'default', 'meaning']),
    '|---|---|---|',
    ...parts().flatMap(({ server }) => server.docs.variables.map((v) => row([v.env, v.default, v.meaning].map(fromDocs)))),
  ];
}

/** The stop notes, registry order. */
export function stopNoteTable(): string[] {
  return [
    row(['integration', 'stop note', 'when', 'marker key']),
    '|---|---|---|---|',
    ...parts().flatMap(({ integration, server }) =>
      (server.docs.stopNotes ?? []).map((n) => row([integration.title, n.note, n.when, n.markerKey].map(fromDocs))),
    ),
  ];
}

/** The whole of docs/integrations.md. */
export function integrationsDoc(): string {
  return [
    '# Integrations: configuration and stop notes',
    '',
    "<!-- Written by `npm run docs` from the registry (each integration's docs.ts); do not edit: test/unit/integrations-doc.test.ts fails when it differs. -->",
    '',
    "What each integration in the registry adds to the relay's configuration and the notes it may write in Lever.",
    'The relay itself is in the [README](../README.md#configuration).',
    '',
    '## Configuration',
    '',
    "Each integration reads only its own `<PREFIX>_*` variables, validated at start-up with the relay's own",
    '(a variable that sets a console field locks it there); secrets may also be given as `<NAME>_FILE`.',
    '',
    ...configurationTable(),
    '',
    '## Stop notes',
    '',
    'When a flow cannot go on, a short note in Lever says why, ending with a marker line',
    '`[lever-relay:<kind>:<opaque id>]` (written once); each integration can switch its notes off with',
    '`<PREFIX>_STOP_NOTES=false`. See [Notes in Lever](../README.md#notes-in-lever).',
    '',
    ...stopNoteTable(),
    '',
  ].join('\n');
}
