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
  reporters: ['default', '<rootDir>/__tests__/support/plain-summary-reporter.cjs']
}
