const { ESM_PACKAGES } = require('./test/harness/esm-to-cjs');

/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // ESM-only packages in node_modules, as CommonJS (test/harness/esm-to-cjs.js says why).
    '^.+\\.m?js$': '<rootDir>/test/harness/esm-to-cjs.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores: one Temporal server, and at most two test files with their own workers at once.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
