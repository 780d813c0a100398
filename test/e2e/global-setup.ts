// Builds the app once and serves a private snapshot of the build with a throwaway database; the browser tests get
// its address. Without Debian's chromium they skip with the reason, unless TIERWISE_REQUIRE_BROWSER=1.
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildApp, startBuiltServer } from "../support/built-server";

export const CHROMIUM = "/usr/bin/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    skipReason: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const reason = `browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`;
    if (process.env.TIERWISE_REQUIRE_BROWSER === "1") throw new Error(reason.replace("skipped", "required"));
    console.warn(reason);
    project.provide("skipReason", reason);
    project.provide("baseUrl", "");
    return;
  }
  if (process.env.TIERWISE_E2E_SKIP_BUILD !== "1") buildApp();
  const server = await startBuiltServer();
  project.provide("baseUrl", server.url);
  project.provide("skipReason", "");
  return () => server.stop();
}
