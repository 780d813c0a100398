import { z } from "zod";
import { GPU_IDS } from "~/domain/estimate/kb";
import { validateAssumptionOverrides } from "~/domain/estimate/assumptions/registry";
import { issueCode, type FieldErrorCode, type FieldErrorParams } from "~/domain/field-errors";

// The one input schema: the form, the action, the JSON API, the CLI and the LLM's proposals all use it.
// Only `description` is required; every other field, when absent, is inferred from the description or defaulted.

export const LOCALES = ["zh", "en"] as const;
export const INDUSTRIES = [
  "education",
  "healthcare",
  "finance",
  "legal",
  "retail_ecommerce",
  "manufacturing",
  "government",
  "media",
  "internet",
  "other",
] as const;
export const MARKETS = ["toC", "toB", "internal"] as const;
export const TASKS = [
  "generation",
  "rewriting",
  "classification",
  "extraction",
  "summarization",
  "qa",
  "conversation",
  "text_to_sql",
  "agent_workflow",
  "code",
  "translation",
  "multimodal",
] as const;
export const KNOWLEDGE = ["general", "private_documents", "structured_data", "vertical_expertise", "realtime"] as const;
export const STAKES = ["low", "medium", "high", "critical"] as const;
export const HUMAN_REVIEW = ["always", "sampled", "none"] as const;
export const DEPLOYMENTS = ["cloud_api", "private_cloud", "on_prem"] as const;
export const CURRENCIES = ["CNY", "USD"] as const;
/**
 * How the product makes (or saves) money, which picks the finance model: a consumer or small-team subscription, seats
 * sold to companies, yearly contracts, pay per use, internal savings (time or contacts), or none (a cost-only plan
 * whose value is stated in words: a free public service, a compliance duty).
 */
export const REVENUE_MODELS = ["subscription", "seats", "contract", "usage", "savings", "none"] as const;

export type Locale = (typeof LOCALES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type Market = (typeof MARKETS)[number];
export type Task = (typeof TASKS)[number];
export type Knowledge = (typeof KNOWLEDGE)[number];
export type Stakes = (typeof STAKES)[number];
export type HumanReview = (typeof HUMAN_REVIEW)[number];
export type Deployment = (typeof DEPLOYMENTS)[number];
export type Currency = (typeof CURRENCIES)[number];
export type RevenueModel = (typeof REVENUE_MODELS)[number];

/** Ordered from least to most severe / least to most oversight: the rules and property tests rely on this order. */
export const STAKES_ORDER: Record<Stakes, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const HUMAN_REVIEW_ORDER: Record<HumanReview, number> = { none: 0, sampled: 1, always: 2 };

export const LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  listMax: 12,
  countMax: 1_000_000_000,
  usersMax: 2_000_000_000,
  interactionsPerUserPerDayMax: 10_000,
  moneyMax: 1e12,
  rateMax: 1,
  monthsMax: 120,
  teamSizeMax: 1000,
  weeksMax: 520,
  assumptionKeyMax: 80,
  assumptionsMax: 200,
} as const;

const count = (max: number = LIMITS.countMax) =>
  z
    .number({ invalid_type_error: "must be a number" })
    .finite()
    .min(0, "must not be negative")
    .max(max, `must be at most ${max.toLocaleString("en-US")}`);
const money = () => count(LIMITS.moneyMax);
const rate = () =>
  z.number({ invalid_type_error: "must be a number" }).finite().min(0, "must not be negative").max(1, "must be a fraction between 0 and 1");

function uniqueList<T extends readonly [string, ...string[]]>(values: T) {
  return (
    z
      .array(z.enum(values))
      .max(LIMITS.listMax)
      // Order does not matter and duplicates carry no meaning: normalise so that equal sets give equal plans.
      .transform((list) => [...new Set(list)].sort() as T[number][])
  );
}

export const DataOnHandSchema = z
  .object({
    labeledExamples: count().int("must be a whole number").optional(),
    documents: count().int("must be a whole number").optional(),
    chatLogs: count().int("must be a whole number").optional(),
    preferencePairs: count().int("must be a whole number").optional(),
  })
  .strict();

export const UsageSchema = z
  .object({
    users: count(LIMITS.usersMax).int("must be a whole number").optional(),
    interactionsPerUserPerDay: count(LIMITS.interactionsPerUserPerDayMax).optional(),
    /** Pages of document one use reads (a 150-page contract, a 2-page invoice): priced as tokens, and as OCR when scanned. */
    pagesPerUse: count(100_000).optional(),
    /** Minutes of audio one use transcribes (a 30-minute call): priced as speech-to-text and as transcript tokens. */
    audioMinutesPerUse: count(1440).optional(),
  })
  .strict();

/**
 * Business inputs for the finance models. All money is in `currency` (or the locale's currency when absent).
 * subscription: reach, conversion, price, churn, growth, market size, paying base, CAC, channel fee.
 * seats / contract: customers, seats, contract value, sales cycle, implementation cost, CAC.
 * usage: price per use. savings: staff affected, hours saved, loaded wage, adoption; deflection × cost per contact.
 */
export const BusinessSchema = z
  .object({
    currency: z.enum(CURRENCIES).optional(),
    revenueModel: z.enum(REVENUE_MODELS).optional(),
    // acquisition and channel (every commercial model)
    acquisitionCostPerCustomer: money().optional(),
    channelFeeShare: rate().optional(),
    /** People (subscription) or companies (seats, contract) who could buy at all: the funnel never passes it. */
    marketSize: count(LIMITS.usersMax).optional(),
    /** The paying base the description states, today or as the target: the funnel saturates there. */
    payingCustomers: count(LIMITS.usersMax).optional(),
    // usage
    pricePerUse: money().optional(),
    // seats
    seatsPerCustomer: count().optional(),
    // savings by deflection
    deflectionRate: rate().optional(),
    costPerContact: money().optional(),
    // toC
    monthlyReach: count(LIMITS.usersMax).optional(),
    conversionRate: rate().optional(),
    pricePerUserMonth: money().optional(),
    monthlyChurnRate: rate().optional(),
    monthlyGrowthRate: rate().optional(),
    // toB
    targetCustomers: count().optional(),
    contractValuePerYear: money().optional(),
    salesCycleMonths: count(LIMITS.monthsMax).optional(),
    implementationCostPerCustomer: money().optional(),
    newCustomersPerMonth: count().optional(),
    // internal
    staffAffected: count().optional(),
    hoursSavedPerStaffPerWeek: count(80).optional(),
    /** Minutes one use of the tool saves (a question answered, a draft written): capped by the uses per week. */
    minutesSavedPerUse: count(480).optional(),
    loadedHourlyWage: money().optional(),
    adoptionRate: rate().optional(),
  })
  .strict();

/**
 * What the team must fit in: people, weeks until the first version is in users' hands, a one-off budget in the
 * business currency. Each stated constraint is reported in the plan (`constraints[]`) with what the plan needs.
 */
export const ConstraintsSchema = z
  .object({
    teamSize: count(LIMITS.teamSizeMax).int("must be a whole number").min(1, "must be at least 1").optional(),
    weeks: count(LIMITS.weeksMax).min(0.5, "must be at least half a week").optional(),
    budget: money().optional(),
  })
  .strict();

/** The GPUs a plan may name: the estimators' catalogue (data/gpus.json is checked against it). */
export const GPU_CHOICES = GPU_IDS;

export const HardwareSchema = z
  .object({
    trainingGpu: z.enum(GPU_CHOICES).optional(),
    servingGpu: z.enum(GPU_CHOICES).optional(),
  })
  .strict();

export const AssumptionOverridesSchema = z
  .record(
    z
      .string()
      .max(LIMITS.assumptionKeyMax)
      .regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/, "must be an assumption key such as finance.pricePerUserMonth"),
    z.number({ invalid_type_error: "must be a number" }).finite(),
  )
  .refine((r) => Object.keys(r).length <= LIMITS.assumptionsMax, `at most ${LIMITS.assumptionsMax} overrides`)
  // Unknown keys and out-of-range values are errors naming `assumptions.<key>` (the list lives with the estimators).
  .superRefine((r, ctx) => {
    for (const e of validateAssumptionOverrides(r))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [e.path.slice("assumptions.".length)],
        message: e.message,
        params: { code: e.code, ...e.params },
      });
  });

export const ScenarioInputSchema = z
  .object({
    title: z
      .string({ invalid_type_error: "must be text" })
      .trim()
      .max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`)
      .optional(),
    description: z
      .string({ required_error: "is required", invalid_type_error: "must be text" })
      .trim()
      .min(1, "is required: describe the business scenario")
      .max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax.toLocaleString("en-US")} characters`),
    locale: z.enum(LOCALES).optional(),
    industry: z.enum(INDUSTRIES).optional(),
    market: z.enum(MARKETS).optional(),
    tasks: uniqueList(TASKS).optional(),
    knowledge: uniqueList(KNOWLEDGE).optional(),
    data: DataOnHandSchema.optional(),
    stakes: z.enum(STAKES).optional(),
    humanReview: z.enum(HUMAN_REVIEW).optional(),
    deployment: z.enum(DEPLOYMENTS).optional(),
    /** The LLM would replace a whole system of record (ledger, EMR, ERP) rather than assist people using it. */
    replacesSystemOfRecord: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
    usage: UsageSchema.optional(),
    business: BusinessSchema.optional(),
    constraints: ConstraintsSchema.optional(),
    /** Hardware the team has or must use: GPU ids for fine-tuning and for serving (defaults follow the market). */
    hardware: HardwareSchema.optional(),
    /** Overrides for any assumption of the plan, by key (see `assumptions[].key` in a DecisionPlan). */
    assumptions: AssumptionOverridesSchema.optional(),
  })
  .strict();

export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;
/** What a caller may send before parsing (lists unsorted etc.). */
export type ScenarioInputRaw = z.input<typeof ScenarioInputSchema>;

export interface FieldError {
  /** Dotted path of the field, e.g. `usage.users`; `(root)` for the whole body. */
  path: string;
  /** English, for the API and the CLI. */
  message: string;
  /** The problem as a stable code with its parameters, for views to translate (absent on hand-made errors). */
  code?: FieldErrorCode;
  params?: FieldErrorParams;
}

export type Result<T, E = FieldError[]> = { ok: true; value: T } | { ok: false; errors: E };

export function formatPath(path: (string | number)[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues
    .map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const base = formatPath(issue.path);
        return issue.keys.map((k) => ({
          path: base === "(root)" ? k : `${base}.${k}`,
          message: "is not a known field",
          code: "unknown_field" as const,
        }));
      }
      return [{ path: formatPath(issue.path), message: issue.message, ...issueCode(issue) }];
    })
    .flat();
}

export function parseScenarioInput(raw: unknown): Result<ScenarioInput> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: "(root)", message: "must be a JSON object with at least a description" }] };
  }
  const parsed = ScenarioInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodErrors(parsed.error) };
}
