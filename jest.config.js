/**
 * Four jest projects, so the quick suites run alone (`npm run test:unit`) and `npm test` still runs
 * every suite: `unit`, `officejs` (Microsoft's Excel client library on the in-memory Excel: adapter,
 * pane and host suites), `libreoffice` (recalculation in LibreOffice) and `subprocess` (suites that
 * start processes). A suite is sorted by what its file says (test/support/jest-projects.js), so a
 * new suite lands in its project by itself; jsdom suites keep their `@jest-environment` docblock.
 * `npx jest --selectProjects officejs` runs one project; `npx jest test/x.test.ts` one suite,
 * whatever its project.
 */
const { only } = require('./test/support/jest-projects');

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
  projects: ['unit', 'officejs', 'libreoffice', 'subprocess'].map((name) => ({
    ...common,
    displayName: name,
    testRegex: only(name),
  })),
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
