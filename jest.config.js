/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  // Generous: the browser flows and the 100,000-row runs must not fail on a busy 2-core machine.
  testTimeout: 300000,
  // toEqual's fast path for equal values (test/support/fastToEqual.ts).
  setupFilesAfterEnv: ["<rootDir>/test/support/fastToEqual.ts"],
  // Both cores: Jest's default leaves one of two idle.
  maxWorkers: 2,
};
