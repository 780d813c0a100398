#!/usr/bin/env -S npx tsx
// The command line: `tierwise plan <file|-> [--format json|md|pdf] [--out FILE] [--no-llm]`
// and `tierwise estimate finetune|serve ...`. Bad input: exit 2, one line per problem naming the field, nothing on stdout.
import { EXIT_FAILURE, runCli } from "./cli";

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
