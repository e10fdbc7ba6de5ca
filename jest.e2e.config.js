/**
 * Browser tests (real Chromium through playwright-core) against the built admin panel served on
 * 127.0.0.1. Run with `npm run test:e2e`; the global setup builds the app and the admin first.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  testTimeout: 300000,
};
