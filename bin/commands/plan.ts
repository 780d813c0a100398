// `tierwise plan <scenario.json | -> [--format json|md|pdf] [--out FILE] [--lang zh|en] [--no-llm]`
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput, type FieldError, type ScenarioInput } from "~/domain/scenario";
import { readLlmConfig, type LlmConfigResult } from "~/llm/config.server";
import { choiceFlag, EXIT_OK, parseCommand, printFieldErrors, readAll, type CliIo, type Command } from "../cli-io";

/** A workshop's batch, not a data dump: beyond this the run would take minutes and the output would be unreadable. */
export const MAX_BATCH = 500;

const USAGE = `usage: tierwise plan <scenario.json | -> [--format json|md|pdf] [--out FILE] [--lang zh|en] [--no-llm]

  Reads one ScenarioInput object, or an array of them, from a file or stdin (-) and prints the DecisionPlan
  (or an array, in the same order).

  --format json|md|pdf   json (default): the plan; md: the decision memo; pdf: the decision PDF (needs --out)
  --out FILE             where the PDF goes (a batch writes FILE-1.pdf, FILE-2.pdf…)
  --lang zh|en           language of the memo or PDF (default: the scenario's)
  --no-llm               plan without the LLM even when OPENAI_API_KEY is set

  Bad input exits 2 with one line per problem on stderr, naming the field.
`;

const FLAGS = { format: { type: "string" }, out: { type: "string" }, lang: { type: "string" }, "no-llm": { type: "boolean" } } as const;

const PlanFlags = z
  .object({
    format: choiceFlag(["json", "md", "pdf"]).default("json"),
    out: z.string().min(1, "needs a file name").optional(),
    lang: choiceFlag(["zh", "en"]).optional(),
    "no-llm": z.boolean().default(false),
  })
  .superRefine((f, ctx) => {
    if (f.format === "pdf" && !f.out) ctx.addIssue({ code: "custom", path: ["out"], message: "is required with --format pdf" });
  });

/** Validates one scenario or an array of them; errors of item i are prefixed `[i].`. Stops collecting after a page of problems. */
export function parseScenarioBatch(
  raw: unknown,
): { ok: true; inputs: ScenarioInput[]; isArray: boolean } | { ok: false; errors: FieldError[] } {
  if (Array.isArray(raw) && raw.length === 0)
    return { ok: false, errors: [{ path: "(root)", message: "is an empty array: give at least one scenario" }] };
  if (Array.isArray(raw) && raw.length > MAX_BATCH)
    return { ok: false, errors: [{ path: "(root)", message: `has ${raw.length} scenarios; at most ${MAX_BATCH} in one run` }] };
  const items: unknown[] = Array.isArray(raw) ? raw : [raw];
  const inputs: ScenarioInput[] = [];
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const r = parseScenarioInput(item);
    if (r.ok) inputs.push(r.value);
    // A loop, not push(...spread): an object with 300,000 bad keys must not overflow the call stack.
    else
      for (const e of r.errors)
        errors.push({ path: Array.isArray(raw) ? `[${i}]${e.path === "(root)" ? "" : "." + e.path}` : e.path, message: e.message });
  });
  return errors.length ? { ok: false, errors } : { ok: true, inputs, isArray: Array.isArray(raw) };
}

async function planOne(input: ScenarioInput, llm: LlmConfigResult | null, io: CliIo): Promise<DecisionPlan> {
  if (!llm) return buildPlan(input);
  const { planWithLlm } = await import("~/llm/plan-with-llm.server");
  // Answers are cached in the database the environment names, if any, so re-running a batch does not pay twice.
  const database = io.env.DATABASE_URL ? { url: io.env.DATABASE_URL } : io.env.DATABASE_PATH ? { path: io.env.DATABASE_PATH } : undefined;
  return planWithLlm(input, { llm, database });
}

function outIsDirectory(out: string | undefined): boolean {
  try {
    return out !== undefined && statSync(out).isDirectory();
  } catch {
    return false;
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, FLAGS, PlanFlags, { min: 1, max: 1, name: "scenario" });
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const { format, out, lang } = parsed.flags;
  if (outIsDirectory(out)) return printFieldErrors(io, [{ path: "--out", message: `${out} is a folder: give a file name` }]);
  const source = parsed.positionals[0];

  let text: string;
  try {
    text = source === "-" ? await readAll(io.stdin) : (await readFile(source, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    return printFieldErrors(io, [
      { path: "scenario", message: `cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return printFieldErrors(io, [{ path: "(root)", message: `is not valid JSON (${(err as Error).message})` }]);
  }
  const batch = parseScenarioBatch(raw);
  if (!batch.ok) return printFieldErrors(io, batch.errors);

  // The LLM runs when OPENAI_API_KEY is set, unless --no-llm; a bad LLM variable turns the step off with a notice.
  const llmConfig = readLlmConfig(io.env);
  const llm = parsed.flags["no-llm"] || llmConfig.status === "off" ? null : llmConfig;
  const plans: DecisionPlan[] = [];
  for (const input of batch.inputs) plans.push(await planOne(input, llm, io));

  if (format === "json") {
    io.stdout(JSON.stringify(batch.isArray ? plans : plans[0], null, 2) + "\n");
  } else if (format === "md") {
    const { renderPlanMarkdown } = await import("~/report/markdown");
    io.stdout(plans.map((p) => renderPlanMarkdown(p, lang ?? p.locale)).join("\n\n---\n\n"));
  } else {
    const { writePlanPdfs } = await import("~/report/cli-pdf.server");
    const written = await writePlanPdfs(plans, String(out), lang);
    for (const file of written) io.stderr(`wrote ${file}\n`);
  }
  return EXIT_OK;
}

export const planCommand: Command = {
  name: "plan",
  summary: "plan one scenario or a batch (JSON, Markdown memo or PDF)",
  usage: USAGE,
  run,
};
