/**
 * Jest runs in its native ESM mode (`--experimental-vm-modules`, see package.json): Nest 12 ships
 * ES modules only, and Jest's CommonJS loader cannot require them. swc compiles TypeScript with
 * decorator metadata, the same way `nest build` does.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/seeds'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/global-setup.mts',
  globalTeardown: '<rootDir>/test/support/global-teardown.mts',
  testTimeout: 60_000,
  maxWorkers: process.env.CI ? 2 : '50%',
  reporters: process.env.CI ? [['default', { summaryThreshold: 0 }]] : ['default'],
};
