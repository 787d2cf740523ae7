// The import direction of DEVELOPERS.md, enforced: shared/ is pure and browser-safe,
// src-main/ and src-renderer/ import shared/ but never each other.
import tseslint from "typescript-eslint";

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export const importRules = [
  {
    files: ["shared/**/*.ts"],
    ignores: ["shared/**/*.test.ts"],
    rules: restrict([
      { group: ["**/src-main/**", "**/src-renderer/**"], message: "shared/ must not import src-main/ or src-renderer/." },
      { regex: "^node:", message: "shared/ is browser-safe: no node:* imports (put Node code in src-main/ behind an interface)." },
      { group: ["electron", "electron/*"], message: "shared/ must not import electron." },
      { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "shared/ must not import react." },
      { group: ["better-sqlite3", "fs", "path", "os", "child_process", "worker_threads", "crypto", "util"], message: "shared/ is browser-safe: no Node modules." },
    ]),
  },
  {
    files: ["src-main/**/*.ts", "src-main/**/*.cts"],
    rules: restrict([{ group: ["**/src-renderer/**"], message: "src-main/ must not import src-renderer/: share code through shared/." }]),
  },
  {
    files: ["src-renderer/**/*.ts", "src-renderer/**/*.tsx"],
    rules: restrict([
      { group: ["**/src-main/**"], message: "src-renderer/ must not import src-main/: talk to it through the API client." },
      { regex: "^node:", message: "src-renderer/ runs in a sandboxed page: no node:* imports." },
      { group: ["better-sqlite3", "electron"], message: "src-renderer/ must not import Node or Electron modules." },
    ]),
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test/artifacts/**", "bench/results/**"] },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.cts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...importRules,
);
