// Starts the built app from a private snapshot of build/, for the browser tests and the HTTP bench.
// Why a snapshot: several people build into the same build/ folder; a rebuild empties build/client while a server
// started from it is still running, and its pages then link to CSS and JS that no longer exist.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;

export interface BuiltServer {
  url: string;
  dir: string;
  databasePath: string;
  /** The process that was started (the npm start wrapper with `viaNpmStart`). */
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export function buildApp(): void {
  // vitest sets NODE_ENV=test; inherited by Vite it would bundle React's development build into the client.
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
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

/** Copies build/ into a temp folder (node_modules, migrations and assets linked) and serves it with the project's own server (scripts/serve.mjs; remix-serve for an older checkout without one). */
export async function startBuiltServer({
  env = {},
  databasePath,
  root = ROOT,
  viaNpmStart = false,
  port: givenPort,
}: {
  env?: Record<string, string>;
  databasePath?: string;
  /** The project whose build/ to serve (another checkout, e.g. an older commit for a before/after bench). */
  root?: string;
  /** Start it the way a user does, with `npm start` (scripts/start.mjs, which finds the build current). */
  viaNpmStart?: boolean;
  /** A port chosen beforehand (when PUBLIC_URL must name it, as single sign-on's redirect URI does). */
  port?: number;
} = {}): Promise<BuiltServer> {
  if (!existsSync(join(root, "build/server/index.js"))) throw new Error(`no build in ${root}: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), "tierwise-built-"));
  const app = join(dir, "app");
  mkdirSync(app);
  cpSync(join(root, "build"), join(app, "build"), { recursive: true });
  for (const link of ["node_modules", "migrations", "assets", "data", "package.json"]) {
    if (existsSync(join(root, link))) symlinkSync(join(root, link), join(app, link));
  }
  // Copied, not linked: start.mjs finds the project from its own location, which must be the snapshot.
  if (viaNpmStart) for (const file of ["scripts", "vite.config.ts"]) cpSync(join(root, file), join(app, file), { recursive: true });
  const port = givenPort ?? (await freePort());
  const db = databasePath ?? join(dir, "db.sqlite");
  // No LLM: tests and benches must run offline and reproducibly.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|TIERWISE_LLM_)/.test(k)));
  const server = existsSync(join(root, "scripts/serve.mjs"))
    ? join(root, "scripts/serve.mjs")
    : join(root, "node_modules/@remix-run/serve/dist/cli.js");
  const command = viaNpmStart ? [join(app, "scripts/start.mjs")] : [server, join(app, "build/server/index.js")];
  const child = spawn(process.execPath, command, {
    cwd: app,
    env: {
      ...base,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: db,
      NODE_ENV: "production",
      ...(viaNpmStart ? { TIERWISE_SKIP_BUILD: "1" } : {}),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (err) {
    child.kill("SIGTERM");
    throw err;
  }
  return {
    url,
    dir,
    databasePath: db,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
