// Builds the app once, starts the built server on a random port with a throwaway database, and hands the address
// to the browser tests. Without Debian's chromium the tests skip with a reason, unless TIERWISE_REQUIRE_BROWSER=1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export const CHROMIUM = "/usr/bin/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    skipReason: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited early with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error("the server did not answer /healthz within 60 s");
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
  const root = new URL("../..", import.meta.url).pathname;
  if (process.env.TIERWISE_E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  }
  const dir = mkdtempSync(join(tmpdir(), "tierwise-e2e-"));
  const port = await freePort();
  // No LLM in browser tests: they must pass offline and reproducibly.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|TIERWISE_LLM_)/.test(k)));
  const child = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "e2e.sqlite"), TIERWISE_SKIP_BUILD: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  project.provide("baseUrl", baseUrl);
  project.provide("skipReason", "");
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    rmSync(dir, { recursive: true, force: true });
  };
}
