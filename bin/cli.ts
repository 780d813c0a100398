// The dispatcher: picks the command and runs it. Commands live in bin/commands/*, what they share in bin/cli-io.ts;
// the program's entry is bin/tierwise.ts, which nothing imports.
import { EXIT_OK, EXIT_BAD_INPUT, printFieldErrors, type CliIo, type Command } from "./cli-io";
import { adminCommand } from "./commands/admin";
import { estimateCommand } from "./commands/estimate";
import { planCommand } from "./commands/plan";

export const COMMANDS: readonly Command[] = [planCommand, estimateCommand, adminCommand];

function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return `usage: tierwise <command> [flags]   (tierwise <command> --help for its flags)\n\n${COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join("\n")}\n`;
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command.run(rest, io);
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return EXIT_OK;
  }
  printFieldErrors(io, [{ path: "command", message: name ? `"${name}" is not a command` : "is missing" }]);
  io.stderr(usage());
  return EXIT_BAD_INPUT;
}
