// `npm start`: build the app when the build is missing or older than the sources (quietly: the build's output is
// shown only if it fails), then serve it in this same process (scripts/serve.mjs). One process, so there is nothing
// to orphan: a signal reaches the server itself, and when the server dies `npm start` ends with it, non-zero.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
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

function isStale() {
  if (!existsSync(serverEntry)) return true;
  const built = statSync(serverEntry).mtimeMs;
  const sources = ["app", "data", "public"].filter((d) => existsSync(join(root, d)));
  return (
    sources.some((d) => newestMtime(join(root, d)) > built) ||
    ["package.json", "vite.config.ts"].some((f) => statSync(join(root, f)).mtimeMs > built)
  );
}

/** Runs `remix vite:build`, its output kept unless it fails. Resolves to the exit code. */
function build() {
  return new Promise((ok) => {
    const started = Date.now();
    process.stdout.write("tierwise: building the app (about a minute the first time)…\n");
    const child = spawn(process.execPath, [join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    const output = [];
    child.stdout.on("data", (c) => output.push(c));
    child.stderr.on("data", (c) => output.push(c));
    // Stopped while building: stop the build too, and leave with the signal's code.
    const forward = (signal) => () => {
      child.kill(signal);
      process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    };
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
    child.on("close", (code, signal) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      if (code === 0) {
        process.stdout.write(`tierwise: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
        ok(0);
        return;
      }
      process.stderr.write(Buffer.concat(output));
      process.stderr.write(`tierwise: the build failed (${signal ?? `exit ${code}`})\n`);
      ok(code || 1);
    });
  });
}

process.env.NODE_ENV ??= "production";
if (process.env.TIERWISE_SKIP_BUILD !== "1" && isStale()) {
  const code = await build();
  if (code !== 0) process.exit(code);
}
const { serve } = await import("./serve.mjs");
await serve({ buildPath: serverEntry });
