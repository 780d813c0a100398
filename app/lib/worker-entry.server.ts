// Where a worker thread's code comes from. A worker needs a JavaScript file of its own, but the app runs in three
// shapes: the built server (one Vite bundle in build/server), vitest and tsx (TypeScript sources). The build emits
// each worker entry as build/server/workers/<name>.mjs (see WORKER_ENTRIES and the plugin in vite.config.ts); from
// sources the entry is bundled on first use with esbuild into node_modules/.cache/tierwise-workers/, named by the hash
// of its content (parallel test processes share the file; a changed source gets a new one). Packages stay external:
// the bundle resolves sqlite3, pdfmake, @napi-rs/canvas… from the project's node_modules like the server does.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Worker entry points: the name of the built file → the source it is bundled from (relative to the project root). */
export const WORKER_ENTRIES = {
  sqlite: "app/models/db-sqlite.worker.ts",
  render: "app/report/render-pool.worker.ts",
  plan: "app/models/plan-pool.worker.ts",
} as const;
export type WorkerName = keyof typeof WORKER_ENTRIES;

const resolved = new Map<WorkerName, Promise<URL>>();

/** The file URL of a worker entry, built or bundled from sources on first use. */
export function workerEntry(name: WorkerName): Promise<URL> {
  let entry = resolved.get(name);
  if (!entry) {
    entry = locate(name);
    resolved.set(name, entry);
    entry.catch(() => resolved.delete(name));
  }
  return entry;
}

async function locate(name: WorkerName): Promise<URL> {
  // The built server: this module is inlined into build/server/index.js and the workers sit beside it.
  // (A variable, not import.meta.url inline: Vite rewrites `new URL("…", import.meta.url)` as an asset reference.)
  const here = import.meta.url;
  const built = new URL(`./workers/${name}.mjs`, here);
  if (built.protocol === "file:" && !here.endsWith(".ts") && existsSync(fileURLToPath(built))) return built;
  const root = projectRoot();
  const source = join(root, WORKER_ENTRIES[name]);
  if (!existsSync(source)) throw new Error(`worker "${name}": neither ${fileURLToPath(built)} nor ${source} exists (run npm run build)`);
  const code = await bundleWorker(root, source);
  const dir = join(root, "node_modules/.cache/tierwise-workers");
  const file = join(dir, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written under a private name, then renamed: another process never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  return pathToFileURL(file);
}

/** The folder holding package.json and app/: upward from this module, else the working directory. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "app"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(process.cwd());
}

/** Writes every worker entry beside a server build (build/server/workers/<name>.mjs); called by vite.config.ts. */
export async function writeWorkers(root: string, serverOutDir: string): Promise<void> {
  mkdirSync(join(serverOutDir, "workers"), { recursive: true });
  for (const [name, source] of Object.entries(WORKER_ENTRIES)) {
    writeFileSync(join(serverOutDir, "workers", `${name}.mjs`), await bundleWorker(root, join(root, source)));
  }
}

/** One worker entry as a single ES module: our code bundled (the `~/` paths from tsconfig), packages left external. */
export async function bundleWorker(root: string, source: string): Promise<string> {
  const esbuild = await import("esbuild");
  const out = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [source],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: join(root, "tsconfig.json"),
    // Bare imports (packages and node: builtins) stay external; `~/…` and `#data/…` are ours, mapped by tsconfig.
    plugins: [
      { name: "packages-external", setup: (b) => b.onResolve({ filter: /^[^.~#/]/ }, (args) => ({ path: args.path, external: true })) },
    ],
    logLevel: "silent",
    legalComments: "none",
  });
  return out.outputFiles[0].text;
}
