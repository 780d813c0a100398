// zod schemas of the knowledge base in data/. Each loader parses its file once, at module load: a broken or unsourced
// entry fails loudly at start-up (and in the tests), never halfway through a plan.
import { z } from "zod";
import { KNOWN_FACTS } from "~/domain/engine/facts";
import { OPERATOR_NAMES } from "~/domain/engine/operators";
import { DIMENSIONS, GRADES, VERDICTS } from "~/domain/engine/types";
import { ScenarioInputSchema } from "~/domain/scenario";

export const SourceSchema = z.string().trim().min(8, "every entry needs a source (who says so, where)");

export const LocalizedTextSchema = z
  .object({ zh: z.string().trim().min(1, "needs Chinese text"), en: z.string().trim().min(1, "needs English text") })
  .strict();

export interface LeafCondition {
  fact: string;
  /** "value" (default) compares the fact's value; "source" compares where it came from (user, heuristic, default…). */
  path?: "value" | "source";
  operator: (typeof OPERATOR_NAMES)[number];
  /** Optional only in the type (zod's unknown); the schema requires it. */
  value?: unknown;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

const LeafConditionSchema = z
  .object({
    fact: z.string().refine(
      (f) => KNOWN_FACTS.includes(f),
      (f) => ({ message: `unknown fact "${f}"` }),
    ),
    path: z.enum(["value", "source"]).optional(),
    operator: z.enum(OPERATOR_NAMES),
    value: z.unknown(),
  })
  .strict()
  .refine((c) => c.value !== undefined, { message: "a condition needs a value to compare with" });

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    // An empty `all` always holds: the catalogue uses it for "always start here" (prompt engineering).
    z.object({ all: z.array(ConditionSchema) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    LeafConditionSchema,
  ]),
);

const Dimension = z.enum(DIMENSIONS);
const Verdict = z.enum(VERDICTS);

export const ScoreRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
    kind: z.enum(["score", "gate"]),
    when: ConditionSchema,
    effects: z.array(z.object({ dimension: Dimension, points: z.number().int().min(-50).max(50) }).strict()).default([]),
    capVerdict: Verdict.optional(),
    text: LocalizedTextSchema,
    source: SourceSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === "gate" && !r.capVerdict) ctx.addIssue({ code: "custom", message: `gate ${r.id} needs capVerdict` });
    if (r.kind === "score" && r.effects.length === 0) ctx.addIssue({ code: "custom", message: `rule ${r.id} needs effects` });
  });

export const RiskRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
    when: ConditionSchema,
    severity: z.enum(["low", "medium", "high"]),
    text: LocalizedTextSchema,
    mitigation: LocalizedTextSchema,
    source: SourceSchema,
  })
  .strict();

export const PlanGateSchema = z
  .object({
    id: z.string().regex(/^plan\.[a-z0-9_.-]+$/),
    when: ConditionSchema,
    capVerdict: Verdict.optional(),
    text: LocalizedTextSchema,
    source: SourceSchema,
  })
  .strict();

export const RulesFileSchema = z
  .object({
    version: z.string(),
    source: SourceSchema,
    dimensions: z
      .array(
        z
          .object({
            id: Dimension,
            weight: z.number().positive(),
            base: z.number().min(0).max(100),
            label: LocalizedTextSchema,
            source: SourceSchema,
          })
          .strict(),
      )
      .length(DIMENSIONS.length),
    /** A dimension below `below` caps the verdict: strength elsewhere does not offset a serious gap. */
    weakestLink: z
      .object({ below: z.number().min(0).max(100), capVerdict: Verdict, text: LocalizedTextSchema, source: SourceSchema })
      .strict(),
    grades: z
      .array(z.object({ grade: z.enum(GRADES), minScore: z.number().min(0).max(100), source: SourceSchema }).strict())
      .length(GRADES.length),
    verdicts: z
      .array(
        z
          .object({
            verdict: Verdict,
            minScore: z.number().min(0).max(100),
            maxScore: z.number().min(0).max(100),
            label: LocalizedTextSchema,
            source: SourceSchema,
          })
          .strict(),
      )
      .length(VERDICTS.length),
    rules: z.array(ScoreRuleSchema).min(1),
    risks: z.array(RiskRuleSchema).min(1),
    /**
     * Rules over the plan's own estimates (economics, stated constraints), evaluated after the estimators. A gate with
     * `capVerdict` caps the verdict; one without only adds its reason. Text may hold {npv}, {horizon}, {probability},
     * {valueKind}, {stated} and {planned}, filled in from the plan.
     */
    planGates: z.array(PlanGateSchema).min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = [...f.rules.map((r) => r.id), ...f.risks.map((r) => r.id), ...f.planGates.map((r) => r.id)];
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `duplicate rule id ${dup}` });
  });

export const TechniqueSelectorSchema = z
  .object({
    id: z.string(),
    when: ConditionSchema,
    why: LocalizedTextSchema,
    /**
     * An escalation that waits on an eval result: when only gated selectors fire, the technique is in the plan with
     * this gate and does not raise the primary tier. A selector that fires through a gated technique
     * (`gatedTechniques contains sft`) inherits that technique's gate.
     */
    gate: LocalizedTextSchema.optional(),
    source: SourceSchema,
  })
  .strict();

export const TechniqueSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    kind: z.enum(["llm", "traditional"]),
    name: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    needs: LocalizedTextSchema,
    rightWhen: LocalizedTextSchema,
    effort: z
      .object({ weeksLow: z.number().min(0), weeksHigh: z.number().min(0), people: z.number().min(0), note: LocalizedTextSchema })
      .strict(),
    source: SourceSchema,
    /** Reasons to put it in a plan; the technique is chosen when any of them holds. Evaluated in file order. */
    select: z.array(TechniqueSelectorSchema),
  })
  .strict();

export const TechniquesFileSchema = z
  .object({ version: z.string(), source: SourceSchema, techniques: z.array(TechniqueSchema).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const ids = f.techniques.map((t) => t.id);
    for (const required of [
      "prompt_engineering",
      "few_shot",
      "chain_of_thought",
      "tree_of_thought",
      "rag",
      "text_to_sql",
      "agent",
      "sft",
      "lora",
      "qlora",
      "reward_model",
      "rlhf",
      "dpo",
      "traditional",
    ]) {
      if (!ids.includes(required)) ctx.addIssue({ code: "custom", message: `technique ${required} is missing` });
    }
  });

export const ReferenceCaseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/),
    name: LocalizedTextSchema,
    kind: z.enum([
      "finetune",
      "preference_data",
      "feedback",
      "team",
      "timeline",
      "model_size",
      "business",
      "memory",
      "serving",
      "pretrain",
      "pricing",
    ]),
    /** Published figures, by name (examples, gpus, hours, costUsd…); null when the source does not say. */
    figures: z.record(z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number())])),
    note: z.string().optional(),
    origin: z.enum(["seed", "calibration", "published"]),
    source: SourceSchema,
  })
  .strict();

export const ReferenceCasesFileSchema = z
  .object({ version: z.string(), source: SourceSchema, cases: z.array(ReferenceCaseSchema).min(1) })
  .strict();

export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    input: z.object({ zh: ScenarioInputSchema, en: ScenarioInputSchema }).strict(),
    source: SourceSchema,
  })
  .strict();

export const TemplatesFileSchema = z
  .object({ version: z.string(), source: SourceSchema, templates: z.array(TemplateSchema).min(8) })
  .strict();

// ── signals (data/signals.json) and regulations (data/regulations.json) ──

/** A regular expression source that compiles with the Unicode flag, as the lexicon compiles it. */
const PatternSchema = z
  .string()
  .min(1)
  .refine(
    (p) => {
      try {
        new RegExp(p, "giu");
        return true;
      } catch {
        return false;
      }
    },
    (p) => ({ message: `pattern ${p} does not compile` }),
  );

/** Words that signal an entry, in Chinese and English (regular-expression sources, matched like the lexicon). */
const PatternsShape = { zh: z.array(PatternSchema), en: z.array(PatternSchema) };
const IdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);
const Stakes = z.enum(["low", "medium", "high", "critical"]);

export const StakeDriverSchema = z
  .object({
    id: IdSchema,
    label: LocalizedTextSchema,
    ...PatternsShape,
    /** The least stakes this driver implies when the stakes were not stated. */
    minStakes: Stakes,
    /** The driver raises the stakes only when the output reaches the public (a price quoted to a customer binds the company; one in an analyst's note does not). */
    publicOnly: z.boolean(),
    source: SourceSchema,
  })
  .strict();

export const SafeguardSchema = z
  .object({ id: IdSchema, label: LocalizedTextSchema, ...PatternsShape, mitigates: LocalizedTextSchema, source: SourceSchema })
  .strict();

export const FlagSchema = z.object({ label: LocalizedTextSchema, ...PatternsShape, source: SourceSchema }).strict();

export const SIGNAL_FLAGS = [
  "publicFacing",
  "unmonitored",
  "groundedAnswers",
  "recordLookup",
  "analytics",
  "preferenceSignal",
  "collectionPlanned",
  "lowerTierFailed",
  "skillGap",
  "pretraining",
] as const;
export type SignalFlag = (typeof SIGNAL_FLAGS)[number];

export const SignalsFileSchema = z
  .object({
    version: z.string(),
    source: SourceSchema,
    stakeDrivers: z.array(StakeDriverSchema).min(1),
    safeguards: z.array(SafeguardSchema).min(1),
    flags: z.object(Object.fromEntries(SIGNAL_FLAGS.map((f) => [f, FlagSchema])) as Record<SignalFlag, typeof FlagSchema>).strict(),
    valueKinds: z.array(z.object({ id: IdSchema, label: LocalizedTextSchema, ...PatternsShape, source: SourceSchema }).strict()).min(1),
    /** Labels of the list facts and of the default value kind, for the views. */
    labels: z
      .object({
        facts: z
          .object({
            stakeDrivers: LocalizedTextSchema,
            safeguards: LocalizedTextSchema,
            regulatedUses: LocalizedTextSchema,
            jurisdictions: LocalizedTextSchema,
            clearances: LocalizedTextSchema,
            valueKind: LocalizedTextSchema,
          })
          .strict(),
        financial: LocalizedTextSchema,
        source: SourceSchema,
      })
      .strict(),
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const list of [f.stakeDrivers, f.safeguards, f.valueKinds]) {
      const ids = list.map((x) => x.id);
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) ctx.addIssue({ code: "custom", message: `duplicate id ${dup}` });
    }
  });

export const REGULATION_KINDS = ["prohibited", "licence", "signoff", "high_risk", "filing"] as const;

export const RegulationRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_.-]*$/),
    /** Where the rule applies; empty = everywhere. */
    jurisdictions: z.array(z.string().regex(/^[A-Z]{2}(?:-[A-Z]{2,3})?$/)),
    kind: z.enum(REGULATION_KINDS),
    when: ConditionSchema,
    /** The best verdict allowed once the rule fires; absent = an obligation to plan for, not a limit on the verdict. */
    capVerdict: Verdict.optional(),
    /** The cap applied when the description names no jurisdiction at all (a practice to rethink until markets are known). */
    unknownJurisdictionCap: Verdict.optional(),
    text: LocalizedTextSchema,
    requirement: LocalizedTextSchema,
    source: SourceSchema,
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date, YYYY-MM-DD"),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === "prohibited" && r.capVerdict !== "no_go")
      ctx.addIssue({ code: "custom", message: `prohibited rule ${r.id} must cap at no_go` });
  });

export const RegulationsFileSchema = z
  .object({
    version: z.string(),
    source: SourceSchema,
    jurisdictions: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Z]{2}(?:-[A-Z]{2,3})?$/),
            label: LocalizedTextSchema,
            ...PatternsShape,
            defaultForLocale: z.enum(["zh", "en"]).optional(),
            source: SourceSchema,
          })
          .strict(),
      )
      .min(1),
    uses: z.array(z.object({ id: IdSchema, label: LocalizedTextSchema, ...PatternsShape, source: SourceSchema }).strict()).min(1),
    clearances: z.array(z.object({ id: IdSchema, label: LocalizedTextSchema, ...PatternsShape, source: SourceSchema }).strict()),
    rules: z.array(RegulationRuleSchema).min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = f.rules.map((r) => r.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `duplicate regulation id ${dup}` });
    const known = new Set(f.jurisdictions.map((j) => j.id));
    for (const r of f.rules)
      for (const j of r.jurisdictions)
        if (!known.has(j)) ctx.addIssue({ code: "custom", message: `rule ${r.id}: unknown jurisdiction ${j}` });
  });

export type StakeDriver = z.infer<typeof StakeDriverSchema>;
export type Safeguard = z.infer<typeof SafeguardSchema>;
export type SignalsFile = z.infer<typeof SignalsFileSchema>;
export type RegulationRule = z.infer<typeof RegulationRuleSchema>;
export type RegulationsFile = z.infer<typeof RegulationsFileSchema>;

export type ScoreRule = z.infer<typeof ScoreRuleSchema>;
export type RiskRule = z.infer<typeof RiskRuleSchema>;
export type PlanGate = z.infer<typeof PlanGateSchema>;
export type RulesFile = z.infer<typeof RulesFileSchema>;
export type Technique = z.infer<typeof TechniqueSchema>;
export type TechniqueSelector = z.infer<typeof TechniqueSelectorSchema>;
export type ReferenceCase = z.infer<typeof ReferenceCaseSchema>;
export type ScenarioTemplate = z.infer<typeof TemplateSchema>;

/** Parses a knowledge-base file or throws with every problem and its path, naming the file. */
export function loadOrThrow<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new Error(`knowledge base ${file} is invalid: ${problems}`);
}
