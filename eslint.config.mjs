// Lint rules that protect the design: workflow code must stay deterministic (no Node built-ins, no I/O
// libraries, only constants and types from the rest of the project), and no promise may float.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'dist/', 'coverage/', '*.config.*', '**/*.js'] },
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
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must be deterministic: no Node built-ins.' })),
          patterns: [
            {
              // Allowed: the workflow SDK, sibling workflow files, and the project's pure constants modules.
              regex: '^(?!@temporalio/workflow$|\\./[\\w-]+$|\\.\\./(workflow-ids|search-attributes|task-queues|lever/tags|lever/note-markers|http/failure-types)$)',
              allowTypeImports: true,
              message: 'Workflow files import only @temporalio/workflow, types and constants modules.',
            },
          ],
        },
      ],
    },
  },
);
