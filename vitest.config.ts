import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["flowbench-source"] },
  test: {
    include: ["shared/**/*.test.ts", "src-main/**/*.test.ts", "src-renderer/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest 5's persistent transform cache served stale modules here after edits; tests must see the code as it is.
    fsModuleCache: false,
  },
});
