// Lint rules that protect the design: workflow-side code (everything the workflow bundle contains) must stay
// deterministic, with no Node built-ins, no I/O libraries and no Node-side module of ours, and no promise
// may float.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

/** The relay's own files the workflow bundle is made of (see src/workflows.ts): workflows, decisions, messages, constants. */
const workflowSide = [
  'src/workflows.ts',
  'src/opportunity/workflow.ts',
  'src/opportunity/messages.ts',
  'src/opportunity/decide.ts',
  'src/opportunity/bulk.ts',
  'src/lever/snapshot.ts',
  'src/lever/read-workflow.ts',
  'src/lever/note-markers.ts',
  'src/temporal/workflow-ids.ts',
  'src/temporal/search-attributes.ts',
  'src/temporal/task-queues.ts',
  'src/temporal/retry.ts',
  'src/http/failure-types.ts',
  'src/issues/workflow.ts',
  'src/issues/evaluation-workflow.ts',
  'src/issues/messages.ts',
  'src/issues/kinds.ts',
  'src/issues/lifecycle.ts',
  'src/tokens/workflow.ts',
  'src/tokens/messages.ts',
  'src/issues/observed.ts',
];

/**
 * Integrations by convention, not by name: every file of an integration folder (and of kit/) is
 * workflow-side except the Node-side kinds below, so a new integration's files are checked as they appear.
 */
const integrationFiles = ['src/integrations/**/*.ts'];
const integrationNodeSide = [
  'src/integrations/**/server.ts',
  'src/integrations/**/config.ts',
  'src/integrations/**/*-config.ts',
  'src/integrations/**/client.ts',
  'src/integrations/**/activities.ts',
  'src/integrations/**/*-activities.ts',
  'src/integrations/**/callbacks.ts',
  'src/integrations/**/callback-samples.ts',
  'src/integrations/**/checks.ts',
  'src/integrations/**/demo.ts',
  'src/integrations/**/docs.ts',
  'src/integrations/**/schedule.ts',
  'src/integrations/*/sandbox/**',
];

/**
 * The floors of the README's "Layout", lowest first. A module may import from its own floor or one below,
 * never from one above: the rule below fails lint on an import back up a floor (test/dev/lint-floors.test.ts
 * proves it). Floors are whole folders, with no file excepted: what puts the relay together from the
 * registry (the configuration with every section, the sandbox with every simulator) lives in src/assembly/.
 */
// Every entry a glob (the rule wants `from` all globs or none): `index.?s` is the one file.
const floors = {
  base: ['src/http/**', 'src/lever/**', 'src/temporal/**', 'src/config/**', 'src/sandbox/**'],
  kit: ['src/integrations/kit/**'],
  integration: ['src/integrations/!(kit)/**'],
  registry: ['src/integrations/index.?s'],
  above: [
    'src/opportunity/**',
    'src/assembly/**',
    'src/{api,worker,start,sandbox-cli}.ts',
    'src/api/**',
    'src/console/**',
    'src/demo/main.?s',
  ],
};
const order = Object.keys(floors);
const floorZones = order.slice(0, -1).map((floor, i) => ({
  target: floors[floor],
  from: order.slice(i + 1).flatMap((higher) => floors[higher]),
  message: `${floor} is a lower floor: nothing imports from a higher floor (README, Layout).`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'dist/', 'coverage/', '.scratch/', '*.config.*', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // Our modules are TypeScript: parse them to follow imports (no-cycle).
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: floorZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...[{ files: workflowSide }, { files: integrationFiles, ignores: integrationNodeSide }].map((scope) => ({
    ...scope,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must be deterministic: no Node built-ins.' })),
          patterns: [
            {
              // Packages: only the workflow SDK and the SDK's common constants.
              regex: '^(?!\\.|@temporalio/workflow$|@temporalio/common$)',
              allowTypeImports: true,
              message: 'Workflow-side files import only @temporalio/workflow, types and constants.',
            },
            {
              // Our Node-side modules: configuration, clients, activities, callbacks, simulators, demos, assembly.
              regex:
                '(^|/)(server|config|[\\w-]+-config|client|activities|[\\w-]+-activities|callbacks|callback-samples|checks|demo|schedule|bundle|connection|codec|lookups|env|relay|partner|sandbox|assembly)(/.*)?$',
              allowTypeImports: true,
              message: 'Workflow-side files import only types from Node-side modules.',
            },
          ],
        },
      ],
    },
  })),
);
