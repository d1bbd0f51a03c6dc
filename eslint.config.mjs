// Lint rules that protect the design: workflow-side code (everything the workflow bundle contains) must stay
// deterministic, with no Node built-ins, no I/O libraries and no Node-side module of ours, and no promise
// may float.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

/** The files the workflow bundle is made of (see src/workflows.ts): workflows, decisions, messages, constants. */
const workflowSide = [
  'src/workflows.ts',
  'src/opportunity/workflow.ts',
  'src/opportunity/messages.ts',
  'src/opportunity/decide.ts',
  'src/opportunity/bulk.ts',
  'src/integrations/index.ts',
  'src/integrations/*/index.ts',
  'src/integrations/*/decide.ts',
  'src/integrations/*/*workflow.ts',
  'src/integrations/*/messages.ts',
  'src/integrations/*/tags.ts',
  'src/integrations/*/rules.ts',
  'src/integrations/*/report-back.ts',
  'src/integrations/kit/definition.ts',
  'src/integrations/kit/process.ts',
  'src/integrations/kit/process-status.ts',
  'src/integrations/kit/activity-proxies.ts',
  'src/integrations/kit/lever-writes.ts',
  'src/integrations/kit/stop-notes.ts',
  'src/integrations/kit/messages.ts',
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
];

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'dist/', 'coverage/', '.scratch/', '*.config.*', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: workflowSide,
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
              // Our Node-side modules: configuration, clients, activities, callbacks, simulators, demos.
              regex:
                '(^|/)(server|config|client|activities|lever-activities|callbacks|demo|schedule|bundle|connection|codec|lookups|env|relay|partner|sandbox)(/.*)?$',
              allowTypeImports: true,
              message: 'Workflow-side files import only types from Node-side modules.',
            },
          ],
        },
      ],
    },
  },
);
