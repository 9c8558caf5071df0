/**
 * Four jest projects, one a folder of test/, so the quick suites run alone (`npm run test:unit`) and
 * `npm test` still runs every suite: `unit/`, `officejs/` (Microsoft's Excel client library on the
 * in-memory Excel: adapter, pane and host suites), `libreoffice/` (recalculation in LibreOffice) and
 * `subprocess/` (suites that start processes). A new suite goes in the folder of what it runs
 * (test/support/jest-projects.js says which; test/unit/jest-projects.test.ts fails when a suite is in
 * another); jsdom suites keep their `@jest-environment` docblock. `npx jest --selectProjects
 * officejs` (or `npm run test:officejs`) runs one project; `npx jest test/unit/x.test.ts` one suite.
 */
const { PROJECTS, testMatch } = require('./test/support/jest-projects');

const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    '\\.(css|svg|png)$': '<rootDir>/test/support/asset-stub.js',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: PROJECTS.map((name) => ({
    ...common,
    displayName: name,
    testMatch: testMatch(name),
  })),
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
