import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit, model, route and CLI tests. Browser tests live in test/e2e and have their own config.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "bin/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/security/**/*.browser.test.ts", "test/security/**/*.http.test.ts", "node_modules/**", "build/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One seed for every property test (FC_SEED=<n>|random to explore).
    setupFiles: ["test/support/fast-check-seed.ts"],
  },
});
