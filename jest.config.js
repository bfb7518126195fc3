import { availableParallelism } from 'node:os'

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // The contract test needs a running real Postiz backend: npm run test:postiz-real runs it.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/postiz-real/'],
  testTimeout: 30000,
  // Most tests wait on child processes and loopback sockets, not on the CPU: half again as many
  // workers as cores keeps every core busy (jest's own default, one less than the cores, runs a
  // 2-core machine's tests one file at a time). A number: jest reads "150%" as 150 workers.
  maxWorkers: Math.ceil(availableParallelism() * 1.5),
  reporters: ['default', '<rootDir>/__tests__/support/plain-summary-reporter.cjs']
}
