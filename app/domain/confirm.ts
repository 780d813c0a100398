// Ask before deciding on a guess: the inferred facts (read from the wording, or defaults) that would change the
// verdict, the primary tier or the one-off cost by more than a fifth if they were wrong. Each candidate fact is tried
// with its plausible other values; the plan is re-judged with only what is needed (the profile, the rules and the
// estimators' base case, `estimateCore`, without sensitivity or Monte Carlo, judged on the median like the full plan's
// economic gates) and compared with the same quick judgement of the plan as it stands. The base case is re-estimated
// only when an alternative changes what the estimators read; otherwise the last one is reused.
import { assess, type Assessment } from "~/domain/engine/assess";
import { buildContext } from "~/domain/engine/facts";
import { judgeWithPlan } from "~/domain/engine/plan-gates";
import type { Tier, Verdict } from "~/domain/engine/types";
import { estimateCore } from "~/domain/estimate/pipeline";
import { HORIZON_MONTHS } from "~/domain/estimate/finance/params";
import { mergeLlmProposal } from "~/domain/llm/merge";
import type { LlmProposal } from "~/domain/llm/proposal";
import type { ConfirmEffect, ConfirmItem } from "~/domain/plan-types";
import { buildProfile, TextReadings, type AssumedFacts } from "~/domain/profile/build-profile";
import type { BusinessFact, Fact, Profile } from "~/domain/profile/types";
import { HUMAN_REVIEW, MARKETS, STAKES, STAKES_ORDER, type Currency, type ScenarioInput } from "~/domain/scenario";

/** A change of more than a fifth in the one-off cost is worth asking about (issue 9). */
export const COST_CHANGE_SHARE = 0.2;
/** At most this many questions: the views put them first, and a long list is not read. */
export const CONFIRM_MAX = 8;

interface Judgement {
  verdict: Verdict;
  primaryTier: Tier;
  oneOffTotal: number;
}

interface Candidate {
  key: string;
  fact: Fact<unknown>;
  alternatives: { value: unknown; input?: ScenarioInput; assume?: AssumedFacts }[];
}

type Core = ReturnType<typeof estimateCore>;

/**
 * What the estimators read: the input's usage, business figures and overrides, the profile facts they use, and the
 * techniques the plan commits to. Two variants with the same key have the same base case.
 */
function estimateKey(input: ScenarioInput, profile: Profile, committed: string[], tier: Tier): string {
  const p = profile as unknown as Record<string, Fact<unknown> | undefined>;
  const read = Object.keys(p)
    .filter((k) => !JUDGMENT_ONLY.has(k))
    .map((k) => [k, p[k]?.value]);
  return JSON.stringify([input.usage, input.business, input.assumptions, input.constraints, read, committed, tier]);
}

/** Profile facts only the rules read (stakes, review, audience, regulation…): a change there cannot move the estimate. */
// (locale, stakes, humanReview and valueKind are read by the estimators since issue 10: model choice, the quality
// bar, review time and feedback, the value in words.)
const JUDGMENT_ONLY = new Set([
  "industry",
  "replacesSystemOfRecord",
  "houseStyle",
  "personalData",
  "businessCase",
  "publicFacing",
  "stakeDrivers",
  "safeguards",
  "unmonitored",
  "groundedAnswers",
  "recordLookup",
  "analytics",
  "preferenceSignal",
  "collectionPlanned",
  "lowerTierFailed",
  "skillGap",
  "pretraining",
  "regulatedUses",
  "jurisdictions",
  "clearances",
]);

/** One confirm run's shared work: the base cases by what the estimators read, and the readings of the one text. */
interface Memo {
  cores: Map<string, Core>;
  readings: TextReadings;
}

function judge(input: ScenarioInput, assume: AssumedFacts, proposal: LlmProposal | undefined, currency: Currency, memo: Memo): Judgement {
  const heuristicProfile = buildProfile(input, assume, memo.readings);
  const profile = proposal ? mergeLlmProposal(heuristicProfile, proposal, input).profile : heuristicProfile;
  return judgeAssessed(input, profile, assess(profile), currency, memo);
}

/** The quick judgement of a profile already assessed: the base case (re-estimated only when what it reads changed). */
function judgeAssessed(input: ScenarioInput, profile: Profile, assessment: Assessment, currency: Currency, memo: Memo): Judgement {
  const committed = assessment.techniques.filter((t) => !t.gate).map((t) => t.id);
  const key = estimateKey(input, profile, committed, assessment.primaryTier);
  let e = memo.cores.get(key);
  if (!e) {
    e = estimateCore({ input, profile, assessment, currency });
    memo.cores.set(key, e);
  }
  const f = judgeWithPlan(assessment.feasibility, buildContext(profile), {
    currency,
    horizonMonths: e.finance.horizonMonths ?? HORIZON_MONTHS,
    breakEvenMonth: e.finance.breakEvenMonth,
    npv: e.finance.npv,
  });
  return { verdict: f.verdict, primaryTier: assessment.primaryTier, oneOffTotal: e.cost.oneOffTotal };
}

const inferred = (f: Fact<unknown> | undefined): f is Fact<unknown> & { source: "heuristic" | "default" } =>
  f !== undefined && (f.source === "heuristic" || f.source === "default");

function withUsage(input: ScenarioInput, patch: Partial<NonNullable<ScenarioInput["usage"]>>): ScenarioInput {
  return { ...input, usage: { ...input.usage, ...patch } };
}

/** The facts worth asking about, each with the plausible values it might really have. */
function candidates(input: ScenarioInput, profile: Profile, economicsCapped: boolean): Candidate[] {
  const out: Candidate[] = [];
  const add = (key: string, fact: Fact<unknown> | undefined, alternatives: Candidate["alternatives"]) => {
    if (inferred(fact) && alternatives.length) out.push({ key, fact, alternatives });
  };
  const level = STAKES_ORDER[profile.stakes.value];
  add(
    "stakes",
    profile.stakes,
    STAKES.filter((s) => Math.abs(STAKES_ORDER[s] - level) === 1).map((s) => ({ value: s, input: { ...input, stakes: s } })),
  );
  add(
    "humanReview",
    profile.humanReview,
    HUMAN_REVIEW.filter((r) => r !== profile.humanReview.value).map((r) => ({ value: r, input: { ...input, humanReview: r } })),
  );
  add(
    "market",
    profile.market,
    MARKETS.filter((m) => m !== profile.market.value).map((m) => ({ value: m, input: { ...input, market: m } })),
  );
  const deployment = profile.deployment.value === "cloud_api" ? "on_prem" : "cloud_api";
  add("deployment", profile.deployment, [{ value: deployment, input: { ...input, deployment } }]);
  // One alternative per volume fact (each costs a re-estimate): a default user count is usually a guess on the low
  // side; a count read from the wording is more often a misread on the high side (a hotline's name, a year).
  const users = profile.users.value;
  const otherUsers = profile.users.source === "default" ? users * 10 : Math.max(1, Math.round(users / 10));
  add("users", profile.users, [{ value: otherUsers, input: withUsage(input, { users: otherUsers }) }]);
  // A usage rate read from the wording ("30 a day over 200 users" misread as 0.15): the other side by a factor of five.
  if (profile.interactionsPerUserPerDay.source === "heuristic") {
    const perDay = profile.interactionsPerUserPerDay.value;
    const other = Math.round((perDay < 1 ? perDay * 5 : perDay / 5) * 100) / 100;
    add("interactionsPerUserPerDay", profile.interactionsPerUserPerDay, [
      { value: other, input: withUsage(input, { interactionsPerUserPerDay: other }) },
    ]);
  }
  const examples = profile.labeledExamples.value > 0 ? 0 : 5000;
  add("labeledExamples", profile.labeledExamples, [
    { value: examples, input: { ...input, data: { ...input.data, labeledExamples: examples } } },
  ]);
  const docs = profile.knowledge.value.includes("private_documents");
  const knowledge = docs
    ? profile.knowledge.value.filter((k) => k !== "private_documents")
    : [...profile.knowledge.value.filter((k) => k !== "general"), "private_documents" as const];
  add("knowledge", profile.knowledge, [
    { value: knowledge.length ? knowledge : ["general"], input: { ...input, knowledge: knowledge.length ? knowledge : ["general"] } },
  ]);
  add("publicFacing", profile.publicFacing, [
    { value: !profile.publicFacing?.value, assume: { publicFacing: !profile.publicFacing?.value } },
  ]);
  add("personalData", profile.personalData, [
    { value: !profile.personalData.value, assume: { personalData: !profile.personalData.value } },
  ]);
  const where = profile.jurisdictions;
  if (where?.source === "default" && where.value.length) add("jurisdictions", where, [{ value: [], assume: { jurisdictions: [] } }]);
  // A public body's project may not be meant to pay back at all: asked only when the economics capped the verdict.
  if (economicsCapped && profile.industry.value === "government") {
    add("valueKind", profile.valueKind, [{ value: "public_service", assume: { valueKind: "public_service" } }]);
  }
  // Business figures read from the wording with a span ("几十元"): the low end of what the words allow.
  for (const key of [
    "pricePerUserMonth",
    "contractValuePerYear",
    "hoursSavedPerStaffPerWeek",
    "targetCustomers",
    "staffAffected",
  ] as const) {
    const f: BusinessFact | undefined = profile[key];
    if (!f || f.source !== "heuristic" || f.value === null) continue;
    const low = f.range?.low ?? f.value / 2;
    if (f.currency && input.business?.currency && f.currency !== input.business.currency) continue;
    add(key, f, [
      { value: low, input: { ...input, business: { ...input.business, ...(f.currency ? { currency: f.currency } : {}), [key]: low } } },
    ]);
  }
  return out;
}

function changes(base: Judgement, alt: Judgement): ConfirmEffect[] {
  const out: ConfirmEffect[] = [];
  if (alt.verdict !== base.verdict) out.push("verdict");
  if (alt.primaryTier !== base.primaryTier) out.push("primaryTier");
  const scale = Math.max(Math.abs(base.oneOffTotal), 1);
  if (Math.abs(alt.oneOffTotal - base.oneOffTotal) / scale > COST_CHANGE_SHARE) out.push("oneOffCost");
  return out;
}

const WEIGHT: Record<ConfirmEffect, number> = { verdict: 4, primaryTier: 2, oneOffCost: 1 };
const weight = (effects: ConfirmEffect[]) => effects.reduce((s, e) => s + WEIGHT[e], 0);

/**
 * The facts to confirm, most consequential first (verdict, then tier, then cost), at most CONFIRM_MAX.
 * `economicsCapped`: the plan's economics capped its verdict (then "is the value financial?" is asked too).
 */
export function confirmFacts(
  input: ScenarioInput,
  profile: Profile,
  currency: Currency,
  options: { proposal?: LlmProposal; economicsCapped?: boolean; base?: Core; assessment?: Assessment; readings?: TextReadings } = {},
): ConfirmItem[] {
  const cache = new Map<string, Core>();
  const memo: Memo = { cores: cache, readings: options.readings ?? new TextReadings() };
  // The full plan's base case is the estimate of the input as it stands: seed the cache with it.
  if (options.base) {
    const assessment = options.assessment ?? assess(profile);
    cache.set(
      estimateKey(
        input,
        profile,
        assessment.techniques.filter((t) => !t.gate).map((t) => t.id),
        assessment.primaryTier,
      ),
      options.base,
    );
  }
  // The plan as it stands: its own profile and assessment when the caller has them (`profile` is then what
  // buildProfile and the proposal make of `input`, so re-reading it would give the same judgement).
  const base = options.assessment
    ? judgeAssessed(input, profile, options.assessment, currency, memo)
    : judge(input, {}, options.proposal, currency, memo);
  const items: (ConfirmItem & { rank: number; order: number })[] = [];
  candidates(input, profile, options.economicsCapped ?? false).forEach((c, order) => {
    let best: { value: unknown; effects: ConfirmEffect[]; result: Judgement } | undefined;
    for (const a of c.alternatives) {
      const result = judge(a.input ?? input, a.assume ?? {}, options.proposal, currency, memo);
      const effects = changes(base, result);
      if (effects.length && (!best || weight(effects) > weight(best.effects))) best = { value: a.value, effects, result };
    }
    if (!best) return;
    const alternative: ConfirmItem["alternative"] = { value: best.value };
    if (best.effects.includes("verdict")) alternative.verdict = best.result.verdict;
    if (best.effects.includes("primaryTier")) alternative.primaryTier = best.result.primaryTier;
    if (best.effects.includes("oneOffCost")) alternative.oneOffTotal = best.result.oneOffTotal;
    items.push({
      key: c.key,
      value: c.fact.value,
      source: c.fact.source as "heuristic" | "default",
      ...(c.fact.evidence?.length ? { evidence: c.fact.evidence } : {}),
      affects: best.effects,
      alternative,
      rank: weight(best.effects),
      order,
    });
  });
  items.sort((a, b) => b.rank - a.rank || a.order - b.order);
  return items.slice(0, CONFIRM_MAX).map(({ rank: _rank, order: _order, ...item }) => item);
}
