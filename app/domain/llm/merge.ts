import { PROPOSABLE_KEYS, type LlmProposal, type ProposableKey } from "~/domain/llm/proposal";
import type { LlmFactOutcome, LlmNotice } from "~/domain/plan-types";
import { llmNoticeText } from "~/i18n/llm-notice";
import { translator } from "~/i18n/translate";
import { stakesFloor } from "~/domain/profile/signals";
import type { Fact, FactNoteCode, FactNoteParams, Profile } from "~/domain/profile/types";
import { HUMAN_REVIEW_ORDER, STAKES_ORDER, type ScenarioInput, type Task } from "~/domain/scenario";

// The LLM proposes, the rules decide. This merge is the only door a proposal has into the plan, and it opens onto
// the profile alone: what the user set wins; a proposal fills the rest only when the words it quotes really occur
// in the description; and where it disagrees with a strong heuristic signal the more cautious value stays.

export interface MergeResult {
  profile: Profile;
  outcomes: LlmFactOutcome[];
  /** One line for the plan when something the LLM proposed was not used as proposed; absent otherwise. */
  notice?: string;
  /** The same as a code (worded in the reader's language by the views). */
  notices?: LlmNotice[];
}

/** Higher = more cautious. Keys absent here have no caution order (the LLM's reading wins, with a note). */
const CAUTION: Partial<Record<ProposableKey, (v: unknown) => number>> = {
  stakes: (v) => STAKES_ORDER[v as keyof typeof STAKES_ORDER],
  humanReview: (v) => HUMAN_REVIEW_ORDER[v as keyof typeof HUMAN_REVIEW_ORDER],
  deployment: (v) => ({ cloud_api: 0, private_cloud: 1, on_prem: 2 })[v as string] ?? 0,
  // Regulated industries bring compliance rules; between two of the same kind neither is more cautious.
  industry: (v) => (["healthcare", "finance", "legal", "government"].includes(v as string) ? 1 : 0),
  replacesSystemOfRecord: (v) => (v ? 1 : 0),
  personalData: (v) => (v ? 1 : 0),
  houseStyle: (v) => (v ? 1 : 0),
  // Counting on feedback that never comes is the optimistic error.
  feedbackMode: (v) => ({ explicit: 0, implicit: 1, none: 2 })[v as string] ?? 0,
  // Assuming data or users that are not there is the optimistic error: fewer is more cautious.
  labeledExamples: (v) => -(v as number),
  documents: (v) => -(v as number),
  chatLogs: (v) => -(v as number),
  preferencePairs: (v) => -(v as number),
  users: (v) => -(v as number),
  interactionsPerUserPerDay: (v) => -(v as number),
  // Judgment signals (issue 9). Reading the output as public, unmonitored, needing grounding or planning to pretrain
  // raises care; a claimed eval failure, skill gap, preference data or collection plan escalates technique, so
  // reading it where the heuristic did not is the optimistic error; calling the value non-financial lifts the
  // economic caps, so "financial" is the cautious reading.
  publicFacing: (v) => (v ? 1 : 0),
  unmonitored: (v) => (v ? 1 : 0),
  groundedAnswers: (v) => (v ? 1 : 0),
  pretraining: (v) => (v ? 1 : 0),
  lowerTierFailed: (v) => (v ? 0 : 1),
  skillGap: (v) => (v ? 0 : 1),
  preferenceSignal: (v) => (v ? 0 : 1),
  collectionPlanned: (v) => (v ? 0 : 1),
  valueKind: (v) => (v === "financial" ? 1 : 0),
};

/** Lists joined with the heuristic's: more needs, more stake drivers, more regulated uses and jurisdictions is more care. */
const LIST_KEYS = new Set<ProposableKey>(["tasks", "knowledge", "stakeDrivers", "regulatedUses", "jurisdictions"]);
/**
 * Safeguards lower risk, so the cautious join is the other way round: where the heuristic found some, only the
 * safeguards both readings share stay; where it found none, the AI's (with their quotes checked) are used.
 */
const SHRINK_KEYS = new Set<ProposableKey>(["safeguards"]);

/** Case, width and spacing differences are not different words: "ＲＡＧ  系统" quotes "rag 系统". */
export function normaliseForQuote(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

const QUOTE_EDGES =
  /^[\s"'“”‘’「」『』《》()（）[\]【】.,;:!?。，；：！？、…-]+|[\s"'“”‘’「」『』《》()（）[\]【】.,;:!?。，；：！？、…-]+$/gu;

/** The quotes that really occur in the description (after normalising), in the model's order. */
export function verifiedQuotes(quotes: string[], description: string): string[] {
  const haystack = normaliseForQuote(description);
  return quotes.filter((q) => {
    const needle = normaliseForQuote(q).replace(QUOTE_EDGES, "");
    return Array.from(needle).length >= 2 && haystack.includes(needle);
  });
}

/** Strong = the heuristic matched actual words of the description; a bare guess is not a signal. */
function isStrongHeuristic(fact: Fact<unknown>): boolean {
  return fact.source === "heuristic" && (fact.evidence?.length ?? 0) > 0;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  return a === b;
}

/** A coded note (FACT_NOTE_CODES) for the fact and its outcome: the views word it in the reader's language. */
function aiNote(code: FactNoteCode, params: FactNoteParams): { note: FactNoteCode; noteParams: FactNoteParams } {
  return { note: code, noteParams: params };
}

/** A value as a note parameter: lists and ids as they are, anything else as text. */
function param(v: unknown): string | number | boolean | string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Applies a validated proposal to a heuristic profile. Pure: the same profile, proposal and input give the same
 * result. Only profile facts can change; scores, grades, verdicts, techniques and numbers are computed afterwards
 * by the rules and estimators from this profile.
 */
export function mergeLlmProposal(profile: Profile, proposal: LlmProposal, input: ScenarioInput): MergeResult {
  const locale = profile.locale.value;
  const next: Record<string, Fact<unknown>> = { ...(profile as unknown as Record<string, Fact<unknown>>) };
  const outcomes: LlmFactOutcome[] = [];
  let cautious = 0;
  let dropped = 0;

  for (const key of PROPOSABLE_KEYS) {
    const proposed = proposal.facts[key];
    if (!proposed) continue;
    // A profile built before a fact existed lacks it: read it as a default the proposal may fill.
    const current = next[key] ?? { value: undefined, source: "default" };
    const llmValue: unknown = proposed.value;
    const quotes = verifiedQuotes(proposed.quotes, input.description);

    if (current.source === "user") {
      outcomes.push({ key, outcome: "user", proposed: llmValue, kept: current.value, quotes });
      continue;
    }
    if (quotes.length === 0) {
      dropped++;
      outcomes.push({ key, outcome: "dropped", proposed: llmValue, kept: current.value, quotes: [], note: "ai_dropped" });
      continue;
    }
    const fromLlm: Fact<unknown> = { value: llmValue, source: "llm", evidence: quotes };
    if (!isStrongHeuristic(current)) {
      next[key] = fromLlm;
      outcomes.push({ key, outcome: "applied", proposed: llmValue, kept: llmValue, quotes });
      continue;
    }
    if (same(current.value, llmValue)) {
      outcomes.push({ key, outcome: "agreed", proposed: llmValue, kept: current.value, quotes });
      continue;
    }
    const words = current.evidence ?? [];
    if (SHRINK_KEYS.has(key)) {
      const shared = (current.value as string[]).filter((x) => (llmValue as string[]).includes(x));
      cautious++;
      const note = aiNote("ai_cautious_kept", { key, llm: param(llmValue), kept: shared, words });
      next[key] = { ...current, value: shared, ...note };
      outcomes.push({ key, outcome: "cautious", proposed: llmValue, kept: shared, quotes, ...note });
      continue;
    }
    if (LIST_KEYS.has(key)) {
      const union = [...new Set([...(current.value as string[]), ...(llmValue as string[])])].sort();
      const note = aiNote("ai_merged", { key, llm: param(llmValue), heuristic: param(current.value) });
      next[key] = { value: union, source: "llm", evidence: [...quotes, ...(current.evidence ?? [])], ...note };
      outcomes.push({ key, outcome: "merged", proposed: llmValue, kept: union, quotes, ...note });
      continue;
    }
    const rank = CAUTION[key];
    const llmRank = rank?.(llmValue) ?? 0;
    const heuristicRank = rank?.(current.value) ?? 0;
    if (rank && heuristicRank > llmRank) {
      cautious++;
      const note = aiNote("ai_cautious_kept", { key, llm: param(llmValue), kept: param(current.value), words });
      next[key] = { ...current, ...note };
      outcomes.push({ key, outcome: "cautious", proposed: llmValue, kept: current.value, quotes, ...note });
    } else if (rank && llmRank > heuristicRank) {
      const note = aiNote("ai_cautious_taken", { key, llm: param(llmValue), heuristic: param(current.value), words });
      next[key] = { ...fromLlm, ...note };
      outcomes.push({ key, outcome: "applied", proposed: llmValue, kept: llmValue, quotes, ...note });
    } else {
      const note = aiNote("ai_unordered", { key, llm: param(llmValue), heuristic: param(current.value), words });
      next[key] = { ...fromLlm, ...note };
      outcomes.push({ key, outcome: "applied", proposed: llmValue, kept: llmValue, quotes, ...note });
    }
  }

  // Stakes follow from who is affected: drivers or an audience the AI added (with quotes that check out) can raise an
  // unstated stakes level to its floor, never lower it.
  const stakes = next.stakes as Fact<keyof typeof STAKES_ORDER>;
  const drivers = (next.stakeDrivers?.value as string[] | undefined) ?? [];
  const floor = stakesFloor(
    drivers,
    next.publicFacing?.value === true,
    next.humanReview.value as "always" | "sampled" | "none",
    next.tasks.value as Task[],
  );
  const fromLlm = ["stakeDrivers", "publicFacing", "humanReview", "tasks"].some((k) => next[k]?.source === "llm");
  if (floor && fromLlm && STAKES_ORDER[floor.level] > STAKES_ORDER[stakes.value]) {
    const note = aiNote("ai_stakes_floor", { driver: floor.driver, level: floor.level });
    next.stakes = { value: floor.level, source: "llm", evidence: next.stakeDrivers?.evidence ?? [], ...note };
    outcomes.push({
      key: "stakes",
      outcome: "applied",
      proposed: floor.level,
      kept: floor.level,
      quotes: next.stakeDrivers?.evidence ?? [],
      ...note,
    });
  }

  const rejected = proposal.rejected ?? [];
  for (const r of rejected) outcomes.push({ key: r.key, outcome: "rejected", quotes: [], note: r.reason });

  const counts = { cautious, dropped, rejected: rejected.length };
  return {
    profile: next as unknown as Profile,
    outcomes,
    notice: cautious || dropped || rejected.length ? llmNoticeText([{ code: "facts_not_used", ...counts }], translator(locale)) : undefined,
    ...(cautious || dropped || rejected.length ? { notices: [{ code: "facts_not_used" as const, ...counts }] } : {}),
  };
}
