// `npm start`: build the app when the build is missing or older than the sources, then serve it.
// One command on a fresh machine (after `npm install`) gives a running app on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const serverEntry = join(root, "build/server/index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ["app", "data", "public"].filter((d) => existsSync(join(root, d)));
const stale =
  !existsSync(serverEntry) ||
  sources.some((d) => newestMtime(join(root, d)) > statSync(serverEntry).mtimeMs) ||
  ["package.json", "vite.config.ts"].some((f) => statSync(join(root, f)).mtimeMs > statSync(serverEntry).mtimeMs);

if (stale && process.env.TIERWISE_SKIP_BUILD !== "1") {
  console.log("tierwise: building the app…");
  const r = spawnSync(process.execPath, [join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [join(root, "node_modules/@remix-run/serve/dist/cli.js"), serverEntry], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
