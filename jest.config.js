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
  // A finished jest worker exits by itself once nothing is left open (replays go through
  // test/harness/temporal.ts's replayHistory, which shuts its replay worker down: Worker.runReplayHistory
  // left the Temporal runtime running and the process with it). Its teardown alone then took 0.3-1.1 s on
  // this loaded two-core machine, past jest's 500 ms, and jest killed it and blamed a leak that is not there
  // (jestjs/jest#11354); a real leak still shows, as a worker not gone within 5 s.
  workerGracefulExitTimeout: 5_000,
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
