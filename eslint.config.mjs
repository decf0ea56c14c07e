import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "out/**", "test-output/**", "**/.cache/**", "*.config.js", "*.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
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
            { group: ["fs", "fs/*", "path", "os", "child_process", "worker_threads", "node:*"], message: "The core knows nothing of Node: take data as arguments." },
            { group: ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-*"], message: "The core knows nothing of Excel, files or UI." },
            { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], message: "The core does not depend on its adapters." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Date", message: "No clock in the core: use _lib/dates with epoch days." }, "process", "Office", "Excel", "window", "document"],
    },
  },
  {
    files: ["src/core/_lib/dates.ts", "src/core/_lib/cells.ts"],
    rules: { "no-restricted-globals": "off" },
  },
);
