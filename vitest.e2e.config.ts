import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Browser tests: real headless Chromium (Debian's) driven by playwright-core against the built server.
// Also the HTTP tests of test/security (*.http.test.ts) that need the built server but no browser.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/e2e/**/*.test.ts", "test/security/**/*.browser.test.ts", "test/security/**/*.http.test.ts"],
    // Builds once and starts the built server for every browser test file (test/e2e/global-setup.ts).
    globalSetup: ["test/e2e/global-setup.ts"],
    // One seed for every property test (FC_SEED=<n>|random to explore).
    setupFiles: ["test/support/fast-check-seed.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
  },
});
