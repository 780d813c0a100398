// PLACEHOLDER (being replaced by the estimators' command): `tierwise estimate finetune|serve`.
import type { CliIo } from "./cli";

export async function runEstimate(_args: string[], io: CliIo): Promise<number> {
  io.stderr("estimate: not available yet\n");
  return 1;
}
