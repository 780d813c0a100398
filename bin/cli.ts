import { readFile } from "node:fs/promises";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput, type FieldError, type ScenarioInput } from "~/domain/scenario";
import { runEstimate } from "./estimate-command";

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  tierwise plan <scenario.json | -> [--format json|md|pdf] [--out FILE] [--lang zh|en] [--no-llm]
  tierwise estimate finetune --params-b 7 --method full|lora|qlora --examples 52000 --tokens-per-example 512 --epochs 3 --gpu a100-80g [--gpus 8] [--format json]
  tierwise estimate serve --params-b 13 --precision fp16|int8|int4 [--context 4096] [--concurrency 8] [--gpu a100-80g] [--format json]
`;

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === "plan") return runPlan(rest, io);
  if (command === "estimate") return runEstimate(rest, io);
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  io.stderr(command ? `command: unknown command "${command}"\n${USAGE}` : USAGE);
  return EXIT_BAD_INPUT;
}

export interface ParsedFlags {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value` and `--flag` (boolean when the next word is another flag or absent). */
export function parseFlags(args: string[], booleanFlags: string[] = []): ParsedFlags {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        flags.set(a.slice(2, eq), a.slice(eq + 1));
      } else if (booleanFlags.includes(a.slice(2)) || i + 1 >= args.length || args[i + 1].startsWith("--")) {
        flags.set(a.slice(2), true);
      } else {
        flags.set(a.slice(2), args[++i]);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function reportErrors(io: CliIo, errors: FieldError[]): number {
  for (const e of errors) io.stderr(`${e.path}: ${e.message}\n`);
  return EXIT_BAD_INPUT;
}

/** Validates one scenario or an array of them; errors of item i are prefixed `[i].`. */
export function parseScenarioBatch(raw: unknown): { ok: true; inputs: ScenarioInput[]; isArray: boolean } | { ok: false; errors: FieldError[] } {
  const items = Array.isArray(raw) ? raw : [raw];
  if (Array.isArray(raw) && raw.length === 0) return { ok: false, errors: [{ path: "(root)", message: "is an empty array: give at least one scenario" }] };
  const inputs: ScenarioInput[] = [];
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const r = parseScenarioInput(item);
    if (r.ok) inputs.push(r.value);
    else errors.push(...r.errors.map((e) => ({ path: Array.isArray(raw) ? `[${i}]${e.path === "(root)" ? "" : "." + e.path}` : e.path, message: e.message })));
  });
  return errors.length ? { ok: false, errors } : { ok: true, inputs, isArray: Array.isArray(raw) };
}

async function runPlan(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseFlags(args, ["no-llm"]);
  const format = flags.get("format") ?? "json";
  const errors: FieldError[] = [];
  if (format !== "json" && format !== "md" && format !== "pdf") errors.push({ path: "--format", message: "must be json, md or pdf" });
  const lang = flags.get("lang");
  if (lang !== undefined && lang !== "zh" && lang !== "en") errors.push({ path: "--lang", message: "must be zh or en" });
  const out = flags.get("out");
  if (out === true) errors.push({ path: "--out", message: "needs a file name" });
  if (format === "pdf" && out === undefined) errors.push({ path: "--out", message: "is required with --format pdf" });
  if (positional.length !== 1) errors.push({ path: "scenario", message: "give one scenario file, or - for stdin" });
  if (errors.length) return reportErrors(io, errors);

  let text: string;
  try {
    text = positional[0] === "-" ? await readAll(io.stdin) : await readFile(positional[0], "utf8");
  } catch (err) {
    return reportErrors(io, [{ path: "scenario", message: `cannot read ${positional[0]}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return reportErrors(io, [{ path: "(root)", message: `is not valid JSON (${(err as Error).message})` }]);
  }
  const batch = parseScenarioBatch(raw);
  if (!batch.ok) return reportErrors(io, batch.errors);

  const useLlm = Boolean(io.env.OPENAI_API_KEY) && !flags.has("no-llm");
  const plans: DecisionPlan[] = [];
  for (const input of batch.inputs) plans.push(await planOne(input, useLlm, io));

  const locale = lang === "zh" || lang === "en" ? lang : undefined;
  if (format === "json") {
    io.stdout(JSON.stringify(batch.isArray ? plans : plans[0], null, 2) + "\n");
  } else if (format === "md") {
    const { renderPlanMarkdown } = await import("~/report/markdown");
    io.stdout(plans.map((p) => renderPlanMarkdown(p, locale ?? p.locale)).join("\n\n---\n\n"));
  } else {
    const { writePlanPdfs } = await import("~/report/cli-pdf.server");
    const written = await writePlanPdfs(plans, String(out), locale);
    for (const file of written) io.stderr(`wrote ${file}\n`);
  }
  return EXIT_OK;
}

async function planOne(input: ScenarioInput, useLlm: boolean, io: CliIo): Promise<DecisionPlan> {
  if (!useLlm) return buildPlan(input);
  const { planWithLlm } = await import("~/llm/plan-with-llm.server");
  return planWithLlm(input, { env: io.env });
}
