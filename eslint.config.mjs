import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The office-addins plugin's own rules, as its recommended flat config lists them. That
// config is not spread whole: it also brings @eslint/js, Prettier as a lint rule, and its
// own copy of the TypeScript parser and plugin set to ES6, which would clash with ours.
// Every rule is an error, not the "warn" it gives four of: a warning never fails
// `npm test`, and STYLE.md wants no sync in a loop and no bare load().
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.keys(c.rules ?? {}))
    .filter((rule) => rule.startsWith("office-addins/"))
    .map((rule) => [rule, "error"]),
);

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "out/**",
      "test-output/**",
      "**/.cache/**",
      "*.config.js",
      "*.config.mjs",
      "test/fixtures/corpus/recipes/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The code that calls Office.js (STYLE.md: keep the office-addins rules on).
    files: ["src/adapters/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    // The core is pure: no Excel, files, React or Node (STYLE.md).
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "fs/*", "path", "os", "child_process", "worker_threads", "node:*"],
              message: "The core knows nothing of Node: take data as arguments.",
            },
            {
              group: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-*"],
              message: "The core knows nothing of Excel, files or UI.",
            },
            {
              group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/commands/**"],
              message: "The core does not depend on its adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Date", message: "No clock in the core: use _lib/dates with epoch days." },
        "process",
        "Office",
        "Excel",
        "window",
        "document",
      ],
    },
  },
  {
    files: ["src/core/_lib/dates.ts", "src/core/_lib/cells.ts"],
    rules: { "no-restricted-globals": "off" },
  },
);
