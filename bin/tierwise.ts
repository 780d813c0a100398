#!/usr/bin/env -S npx tsx
// The program: `tierwise <command> …` (usage: `tierwise --help`). Nothing imports this file.
import { runCli } from "./cli";
import { EXIT_FAILURE } from "./cli-io";

// `tierwise plan ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tierwise: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
