/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores: one Temporal server, and at most two test files with their own workers at once.
  maxWorkers: 2,
  // A jest worker that has finished exits by itself once nothing is left open (measured: at its end only its IPC
  // channel and stdio remain, and its 'exit' event fires within milliseconds), but the process teardown after
  // that took 300-600 ms on this loaded two-core machine, past jest's 500 ms, and jest then killed it and
  // blamed a leak that is not there (jestjs/jest#11354). A real leak still shows: a worker that does not exit
  // within 5 s is killed and reported the same way.
  workerGracefulExitTimeout: 5_000,
  reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
