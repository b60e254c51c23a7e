import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one browser at a time (the machine has two cores), after the unit tests. The
 * projects run one after another (groupOrder): some browser tests rebuild dist/ to package it.
 */
const browserProject = { environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // Tests beside their subjects, and the cross-cutting ones under tests/unit. Node by default;
          // a DOM test asks for happy-dom with a `// @vitest-environment happy-dom` comment.
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/firefox/**'],
          ...browserProject,
        },
      },
      // Firefox ESR driven by puppeteer-core over WebDriver BiDi, with dist/firefox installed. Its
      // start-up alone took 21 s on the shared two-core machine under load, hence the longer hooks.
      {
        test: {
          name: 'e2e-firefox',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/firefox/**/*.test.ts'],
          ...browserProject,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
