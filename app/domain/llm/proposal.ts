import { z } from "zod";
import type { FeedbackMode, ProfileKey } from "~/domain/profile/types";
import { JURISDICTION_IDS, REGULATED_USE_IDS } from "~/domain/kb/regulations";
import { SAFEGUARD_IDS, STAKE_DRIVER_IDS, VALUE_KIND_IDS } from "~/domain/kb/signals";
import { BusinessSchema, ConstraintsSchema, DataOnHandSchema, LIMITS, ScenarioInputSchema, UsageSchema } from "~/domain/scenario";

// What the LLM may propose, checked with the SAME field schemas as ScenarioInput so a proposal can never carry a
// value the form would refuse. Anything else in the answer (a grade, a score, a verdict, techniques, numbers of the
// plan) has no place here and is stripped: the rules and estimators alone produce those.

export const FEEDBACK_MODES = ["explicit", "implicit", "none"] as const satisfies readonly FeedbackMode[];

/** Limits on what the model writes, so a runaway answer cannot flood the page or the PDF. */
export const PROPOSAL_LIMITS = {
  quotesPerFact: 5,
  quoteMinChars: 2,
  quoteMaxChars: 300,
  risksMax: 8,
  riskMaxChars: 400,
  narrativeMax: 6,
  paragraphMaxChars: 1200,
} as const;

const shape = ScenarioInputSchema.shape;
const business = BusinessSchema.shape;
const constraints = ConstraintsSchema.shape;

function bool() {
  return z.boolean({ invalid_type_error: "must be true or false" });
}

/** A list of known ids, sorted and without duplicates like the input's lists. */
function idList(ids: readonly string[]) {
  return z
    .array(z.enum(ids as [string, ...string[]]))
    .max(LIMITS.listMax)
    .transform((xs) => [...new Set(xs)].sort());
}

/**
 * The profile keys the LLM may propose, each with the field schema it must pass. `locale` is absent on purpose:
 * it selects the prompt's language, so the model cannot be the one to decide it.
 */
export const PROPOSABLE_FACTS = {
  industry: shape.industry.unwrap(),
  market: shape.market.unwrap(),
  tasks: shape.tasks.unwrap(),
  knowledge: shape.knowledge.unwrap(),
  stakes: shape.stakes.unwrap(),
  humanReview: shape.humanReview.unwrap(),
  deployment: shape.deployment.unwrap(),
  replacesSystemOfRecord: shape.replacesSystemOfRecord.unwrap(),
  labeledExamples: DataOnHandSchema.shape.labeledExamples.unwrap(),
  documents: DataOnHandSchema.shape.documents.unwrap(),
  chatLogs: DataOnHandSchema.shape.chatLogs.unwrap(),
  preferencePairs: DataOnHandSchema.shape.preferencePairs.unwrap(),
  users: UsageSchema.shape.users.unwrap(),
  interactionsPerUserPerDay: UsageSchema.shape.interactionsPerUserPerDay.unwrap(),
  feedbackMode: z.enum(FEEDBACK_MODES),
  houseStyle: z.boolean({ invalid_type_error: "must be true or false" }),
  personalData: z.boolean({ invalid_type_error: "must be true or false" }),
  // Business figures and stated constraints (the finance model and constraints[] read them), checked with the same
  // `business.*` / `constraints.*` field schemas. Money is in the currency the quoted words name.
  revenueModel: business.revenueModel.unwrap(),
  pricePerUserMonth: business.pricePerUserMonth.unwrap(),
  contractValuePerYear: business.contractValuePerYear.unwrap(),
  targetCustomers: business.targetCustomers.unwrap(),
  staffAffected: business.staffAffected.unwrap(),
  hoursSavedPerStaffPerWeek: business.hoursSavedPerStaffPerWeek.unwrap(),
  minutesSavedPerUse: business.minutesSavedPerUse.unwrap(),
  loadedHourlyWage: business.loadedHourlyWage.unwrap(),
  adoptionRate: business.adoptionRate.unwrap(),
  conversionRate: business.conversionRate.unwrap(),
  monthlyChurnRate: business.monthlyChurnRate.unwrap(),
  salesCycleMonths: business.salesCycleMonths.unwrap(),
  acquisitionCostPerCustomer: business.acquisitionCostPerCustomer.unwrap(),
  channelFeeShare: business.channelFeeShare.unwrap(),
  marketSize: business.marketSize.unwrap(),
  payingCustomers: business.payingCustomers.unwrap(),
  monthlyReach: business.monthlyReach.unwrap(),
  seatsPerCustomer: business.seatsPerCustomer.unwrap(),
  pricePerUse: business.pricePerUse.unwrap(),
  deflectionRate: business.deflectionRate.unwrap(),
  costPerContact: business.costPerContact.unwrap(),
  constraintTeamSize: constraints.teamSize.unwrap(),
  constraintWeeks: constraints.weeks.unwrap(),
  constraintBudget: constraints.budget.unwrap(),
  // Judgment signals (issue 9), ids from data/signals.json and data/regulations.json. Clearances (a licence held, a
  // filing done) are not proposable: only the description's own words can lift a regulatory gate.
  publicFacing: bool(),
  stakeDrivers: idList(STAKE_DRIVER_IDS),
  safeguards: idList(SAFEGUARD_IDS),
  unmonitored: bool(),
  groundedAnswers: bool(),
  recordLookup: bool(),
  analytics: bool(),
  preferenceSignal: bool(),
  collectionPlanned: bool(),
  lowerTierFailed: bool(),
  skillGap: bool(),
  pretraining: bool(),
  regulatedUses: idList(REGULATED_USE_IDS),
  jurisdictions: idList(JURISDICTION_IDS),
  valueKind: z.enum(VALUE_KIND_IDS as [string, ...string[]]),
} satisfies Partial<Record<ProfileKey, z.ZodTypeAny>>;

export type ProposableKey = keyof typeof PROPOSABLE_FACTS;
export const PROPOSABLE_KEYS = Object.keys(PROPOSABLE_FACTS) as ProposableKey[];

export interface ProposedFact<K extends ProposableKey = ProposableKey> {
  value: z.output<(typeof PROPOSABLE_FACTS)[K]>;
  /** Words of the description that support the value, as the model quoted them (checked again at merge). */
  quotes: string[];
}

export type ProposedFacts = { [K in ProposableKey]?: ProposedFact<K> };

export interface LlmProposal {
  facts: ProposedFacts;
  /** Risks the model raised, plain text in the scenario's language (shown labelled as AI-written). */
  risks: string[];
  /** Narrative paragraphs for the memo (shown labelled as AI-written). */
  narrative: string[];
  /** Facts the answer held that failed validation; carried along so the plan can say what was not used. */
  rejected?: RejectedFact[];
}

/** A proposed fact that did not survive validation, and why: shown to the user so nothing disappears silently. */
export interface RejectedFact {
  key: string;
  reason: string;
}

export type ProposalParseResult = { ok: true; proposal: LlmProposal } | { ok: false; error: string };

const text = (max: number) => z.string().trim().min(1).max(max);

// The envelope must be right for the answer to count at all; a single fact that is wrong is dropped on its own.
const EnvelopeSchema = z.object({
  facts: z.record(z.unknown()),
  risks: z.array(z.unknown()).default([]),
  narrative: z.array(z.unknown()).default([]),
});

const FactEnvelopeSchema = z.object({
  value: z.unknown(),
  quotes: z.array(z.string()).default([]),
});

/**
 * AI text ends up in Markdown exports and PDFs: plain prose only. HTML tags go, and Markdown links and images keep
 * their words but lose their target, so an answer cannot smuggle in a tracking image or a phishing link.
 */
export function plainText(value: string): string {
  return value
    .replace(/<[^>]*>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function keepTexts(items: unknown[], max: number, maxChars: number): string[] {
  const out: string[] = [];
  for (const item of items) {
    // Some models answer risks as {text: ...} objects even when asked for strings; accept the text, drop the rest.
    const raw = typeof item === "object" && item !== null && "text" in item ? (item as { text: unknown }).text : item;
    const candidate = typeof raw === "string" ? plainText(raw) : raw;
    const parsed = text(maxChars).safeParse(candidate);
    if (parsed.success) out.push(parsed.data);
    if (out.length >= max) break;
  }
  return out;
}

function cleanQuotes(quotes: string[]): string[] {
  const out: string[] = [];
  for (const q of quotes) {
    const t = q.trim();
    if (Array.from(t).length < PROPOSAL_LIMITS.quoteMinChars || t.length > PROPOSAL_LIMITS.quoteMaxChars) continue;
    if (!out.includes(t)) out.push(t);
    if (out.length >= PROPOSAL_LIMITS.quotesPerFact) break;
  }
  return out;
}

/**
 * Validates the model's answer (already JSON-parsed). Unknown keys anywhere are ignored; `null` facts mean "not
 * stated" and are skipped; each remaining fact must pass its ScenarioInput field schema or it is rejected alone.
 */
export function parseLlmProposal(raw: unknown): ProposalParseResult {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { ok: false, error: `the answer does not match the schema (${issue.path.join(".") || "(root)"}: ${issue.message})` };
  }
  const facts: Record<string, ProposedFact> = {};
  const rejected: RejectedFact[] = [];
  for (const [key, rawFact] of Object.entries(envelope.data.facts)) {
    if (rawFact === null || rawFact === undefined) continue;
    if (!(key in PROPOSABLE_FACTS)) {
      rejected.push({ key, reason: "is not a fact the LLM may propose" });
      continue;
    }
    const fact = FactEnvelopeSchema.safeParse(rawFact);
    if (!fact.success) {
      rejected.push({ key, reason: "must be {value, quotes}" });
      continue;
    }
    if (fact.data.value === null || fact.data.value === undefined) continue;
    const value = PROPOSABLE_FACTS[key as ProposableKey].safeParse(fact.data.value);
    if (!value.success) {
      rejected.push({ key, reason: value.error.issues[0]?.message ?? "is not a valid value" });
      continue;
    }
    facts[key] = { value: value.data, quotes: cleanQuotes(fact.data.quotes) };
  }
  return {
    ok: true,
    proposal: {
      facts: facts as ProposedFacts,
      risks: keepTexts(envelope.data.risks, PROPOSAL_LIMITS.risksMax, PROPOSAL_LIMITS.riskMaxChars),
      narrative: keepTexts(envelope.data.narrative, PROPOSAL_LIMITS.narrativeMax, PROPOSAL_LIMITS.paragraphMaxChars),
      rejected,
    },
  };
}
