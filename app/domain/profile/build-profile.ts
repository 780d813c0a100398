// ScenarioInput → Profile: every fact the rules need, each with where it came from.
// What the user set wins; otherwise the zh/en lexicon reads the description (source "heuristic", with the matched
// words as evidence); otherwise a stated default. Pure: the LLM step merges its proposals separately, afterwards.
import { findBusinessFigures, type BusinessFindings } from "~/domain/profile/business";
import { businessFigureFacts, mediaFacts, revenueModelFact } from "~/domain/profile/business-facts";
import { findCounts, type CountKey } from "~/domain/profile/counts";
import { findUsageFrequency, WORKING_DAYS_PER_MONTH, WORKING_DAYS_PER_WEEK } from "~/domain/profile/frequency";
import {
  BUSINESS_CASE_LEXICON,
  DEPLOYMENT_LEXICON,
  FEEDBACK_LEXICON,
  HOUSE_STYLE_LEXICON,
  INDUSTRY_LEXICON,
  KNOWLEDGE_LEXICON,
  MARKET_LEXICON,
  PERSONAL_DATA_LEXICON,
  REPLACES_SYSTEM_LEXICON,
  REVIEW_LEXICON,
  STAKES_LEXICON,
  TASK_LEXICON,
} from "~/domain/profile/lexicon";
import { allHits, bestHit, compileLexicon, firstHit, stripDirectives, type Hit } from "~/domain/profile/match";
import {
  clearanceHits,
  DEFAULT_JURISDICTIONS,
  driverHits,
  flagHit,
  jurisdictionHits,
  PUBLIC_ONLY_DRIVERS,
  safeguardHits,
  stakesFloor,
  useHits,
  valueKindHit,
} from "~/domain/profile/signals";
import type { SignalFlag } from "~/domain/kb/schemas";
import type { Fact, FactNoteCode, FactNoteParams, Profile } from "~/domain/profile/types";
import {
  STAKES_ORDER,
  type HumanReview,
  type Industry,
  type Locale,
  type Market,
  type ScenarioInput,
  type Stakes,
  type Task,
} from "~/domain/scenario";

const INDUSTRY = compileLexicon(INDUSTRY_LEXICON);
const MARKET = compileLexicon(MARKET_LEXICON);
const TASKS = compileLexicon(TASK_LEXICON);
const KNOWLEDGE = compileLexicon(KNOWLEDGE_LEXICON);
const STAKES = compileLexicon(STAKES_LEXICON);
const REVIEW = compileLexicon(REVIEW_LEXICON);
const DEPLOYMENT = compileLexicon(DEPLOYMENT_LEXICON);
const FEEDBACK = compileLexicon(FEEDBACK_LEXICON);
const HOUSE_STYLE = compileLexicon(HOUSE_STYLE_LEXICON);
const PERSONAL_DATA = compileLexicon(PERSONAL_DATA_LEXICON);
const REPLACES_SYSTEM = compileLexicon(REPLACES_SYSTEM_LEXICON);
const BUSINESS_CASE = compileLexicon(BUSINESS_CASE_LEXICON);

/** Defaults, named so that the UI and the tests can say where a default value came from. */
export const PROFILE_DEFAULTS = {
  industry: "other" as Industry,
  market: "internal" as Market,
  tasks: ["generation"] as const,
  knowledge: ["general"] as const,
  stakes: "medium" as Stakes,
  humanReview: "sampled" as const,
  deployment: "cloud_api" as const,
  /** Users when the description gives no count: a team tool, a first B2B rollout, a small consumer launch. */
  usersByMarket: { internal: 50, toB: 200, toC: 1000 } as Record<Market, number>,
  interactionsPerUserPerDay: 5,
};

/** Industries where a wrong answer is costly by nature: with no stakes words, assume high rather than medium. */
const HIGH_STAKES_INDUSTRIES: readonly Industry[] = ["healthcare", "finance", "legal", "government"];

/** Tasks that transform a given text; documents they mention are their input. */
const TRANSFORM_TASKS: readonly Task[] = ["translation", "summarization", "rewriting", "extraction", "classification"];

/** The system looks things up in a collection rather than only transforming the text it is given. */
const RETRIEVAL = /检索|搜索|查找相关|召回|retriev\w*|look(?:s|ing)? up\b|searches\b/iu;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/** zh when Chinese characters are at least as many as Latin words: a Chinese text quoting "RAG" or "SQL" stays zh. */
export function detectLocale(text: string): Locale {
  return scriptCounts(text).locale;
}

function scriptCounts(text: string): { locale: Locale; evidence: string } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  return { locale: cjk > 0 && cjk >= words ? "zh" : "en", evidence: `${cjk} Chinese characters, ${words} Latin words` };
}

function user<T>(value: T): Fact<T> {
  return { value, source: "user" };
}
/** A coded note and its parameters (FACT_NOTE_CODES): the views word it in the reader's language. */
type Note = { code: FactNoteCode; params?: FactNoteParams };
function noted(note?: Note): Pick<Fact<unknown>, "note" | "noteParams"> {
  if (!note) return {};
  return note.params ? { note: note.code, noteParams: note.params } : { note: note.code };
}
function heuristic<T>(value: T, evidence: string[], note?: Note): Fact<T> {
  return { value, source: "heuristic", evidence, ...noted(note) };
}
function byDefault<T>(value: T, note?: Note): Fact<T> {
  return { value, source: "default", ...noted(note) };
}
function fromHit<T>(hit: Hit<T> | undefined, fallback: T): Fact<T> {
  return hit ? heuristic(hit.value, hit.words) : byDefault(fallback);
}

/**
 * Facts a caller may fix before the rest is inferred from them (a "what if" for `confirm[]`): each replaces what the
 * wording says, as if the user had stated it, so the facts that depend on it (stakes, review) follow.
 */
export interface AssumedFacts {
  publicFacing?: boolean;
  personalData?: boolean;
  jurisdictions?: string[];
  valueKind?: string;
}

/**
 * What the wording alone says, kept for one description while profiles are rebuilt with other stated fields or
 * assumed facts (`confirm[]` builds up to fifteen profiles of the same text). Every reading stored here depends on
 * the text only, never on the input's fields; the stored values are shared, so buildProfile never mutates them.
 */
export class TextReadings {
  private raw: string | undefined;
  private readonly values = new Map<string, unknown>();

  /** Starts over when the description differs from the last one. */
  forText(raw: string): this {
    if (raw !== this.raw) {
      this.raw = raw;
      this.values.clear();
    }
    return this;
  }

  get<T>(key: string, read: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = read();
    this.values.set(key, value);
    return value;
  }
}

export function buildProfile(input: ScenarioInput, assume: AssumedFacts = {}, readings?: TextReadings): Profile {
  const raw = input.title ? `${input.title}\n${input.description}` : input.description;
  const memo = readings?.forText(raw);
  /** A reading of the text alone: computed once per description when `readings` is given. */
  const read = <T>(key: string, f: () => T): T => (memo ? memo.get(key, f) : f());
  const text = read("text", () => stripDirectives(raw).text);

  const script = read("script", () => scriptCounts(text));
  const locale: Fact<Locale> = input.locale ? user(input.locale) : heuristic(script.locale, [script.evidence]);
  const industry: Fact<Industry> = input.industry
    ? user(input.industry)
    : fromHit(
        read("industry", () => bestHit(INDUSTRY, text)),
        PROFILE_DEFAULTS.industry,
      );
  // An amount written without a currency is read in the currency of the language it is written in.
  const figures = read("figures", () => findBusinessFigures(text, script.locale === "zh" ? "CNY" : "USD"));
  const market: Fact<Market> = input.market
    ? user(input.market)
    : fromHit(read("market", () => bestHit(MARKET, text)) ?? marketFromFigures(figures), PROFILE_DEFAULTS.market);

  const found = read("counts", () => findCounts(text));
  const flagOf = (f: SignalFlag) => read(`flag:${f}`, () => flagHit(f, text));
  const signal = (f: SignalFlag): Fact<boolean> => {
    const hit = flagOf(f);
    return hit ? heuristic(true, hit.words) : byDefault(false);
  };
  const lexFlag = (key: string, entries: ReturnType<typeof compileLexicon<true>>): Fact<boolean> =>
    read(`lex:${key}`, () => flag(entries, text));
  const recordLookup = signal("recordLookup");
  const analytics = signal("analytics");
  // "SQL" said about one customer's order is a parameterised lookup (a tool call), not free text-to-SQL: without an
  // analytics question the heuristic does not read it as a text-to-SQL task.
  const taskHits = read("tasks", () => allHits(TASKS, text)).filter(
    (h) => !(h.value === "text_to_sql" && recordLookup.value && !analytics.value),
  );
  const tasks = input.tasks?.length ? user(input.tasks) : listFact(taskHits, [...PROFILE_DEFAULTS.tasks]);
  const knowledgeHits = [...read("knowledge", () => allHits(KNOWLEDGE, text))];
  // One customer's records live in a system of record: structured data, looked up by key.
  if (recordLookup.value && !knowledgeHits.some((h) => h.value === "structured_data")) {
    knowledgeHits.push({ value: "structured_data", words: recordLookup.evidence ?? [] });
  }
  // Questions answered "about our 5,000 pages": counted documents that questions are asked about are private knowledge.
  const documentsOnHand = input.data?.documents ?? found.counts.documents?.value ?? 0;
  // So are counted documents the system is said to search ("检索相关段落", "retrieves the relevant passages").
  const retrieval = read("retrieval", () => RETRIEVAL.exec(text));
  const looksUp = tasks.value.includes("qa") || retrieval !== null;
  if (documentsOnHand > 0 && looksUp && !knowledgeHits.some((h) => h.value === "private_documents")) {
    const evidence = input.data?.documents !== undefined ? `data.documents=${input.data.documents}` : found.counts.documents!.evidence;
    knowledgeHits.push({ value: "private_documents", words: [evidence] });
  }
  // "Translate / summarise / extract from our manuals": the documents are the input to transform, not knowledge to
  // look answers up in, so they do not call for retrieval.
  const transformOnly = retrieval === null && tasks.value.every((t) => TRANSFORM_TASKS.includes(t));
  const knowledge = input.knowledge?.length
    ? user(input.knowledge)
    : listFact(transformOnly ? knowledgeHits.filter((h) => h.value !== "private_documents") : knowledgeHits, [
        ...PROFILE_DEFAULTS.knowledge,
      ]);

  const unmonitored = signal("unmonitored");
  const marketPublic = market.value === "toC" ? [`market=toC`] : undefined;
  const publicHit = flagOf("publicFacing");
  const publicFacing: Fact<boolean> =
    assume.publicFacing !== undefined
      ? user(assume.publicFacing)
      : publicHit
        ? heuristic(true, publicHit.words)
        : marketPublic
          ? {
              value: true,
              source: market.source === "user" ? "heuristic" : market.source,
              evidence: market.evidence ?? marketPublic,
              note: "public_from_market",
            }
          : byDefault(false);
  const humanReview = input.humanReview
    ? user(input.humanReview)
    : inferReview(
        read("review", () => firstHit(REVIEW, text)),
        publicFacing,
        unmonitored,
        tasks,
      );
  // Drivers that matter only in public (a price quoted to a customer binds the company; one in an analyst's note does not).
  const drivers = read("drivers", () => driverHits(text)).filter((h) => publicFacing.value || !PUBLIC_ONLY_DRIVERS.has(h.value));
  const stakeDrivers = listFact(drivers, []);
  const stakes: Fact<Stakes> = input.stakes
    ? statedStakes(input.stakes, drivers, publicFacing, humanReview, tasks)
    : inferStakes(
        read("stakes", () => firstHit(STAKES, text)),
        industry,
        drivers,
        publicFacing,
        humanReview,
        tasks,
      );
  const jurisdictionFound = read("jurisdictions", () => jurisdictionHits(text));
  const jurisdictions = assume.jurisdictions
    ? user(assume.jurisdictions)
    : jurisdictionFound.length
      ? listFact(jurisdictionFound, [])
      : // Assumed from the description's language (zh → CN) when it names no market; no note: notes are shown as written.
        byDefault(DEFAULT_JURISDICTIONS[script.locale]);
  const valueHit = read("valueKind", () => valueKindHit(text));
  const deployment = input.deployment
    ? user(input.deployment)
    : fromHit(
        read("deployment", () => firstHit(DEPLOYMENT, text)),
        PROFILE_DEFAULTS.deployment,
      );
  const replacesSystemOfRecord =
    input.replacesSystemOfRecord !== undefined ? user(input.replacesSystemOfRecord) : lexFlag("replacesSystem", REPLACES_SYSTEM);

  const count = (key: CountKey, userValue: number | undefined): Fact<number> => {
    if (userValue !== undefined) return user(userValue);
    const f = found.counts[key];
    return f ? heuristic(f.value, [f.evidence]) : byDefault(0);
  };
  const users: Fact<number> =
    input.usage?.users !== undefined
      ? user(input.usage.users)
      : found.counts.users
        ? heuristic(found.counts.users.value, [found.counts.users.evidence])
        : byDefault(PROFILE_DEFAULTS.usersByMarket[market.value], { code: "users_default", params: { market: market.value } });
  const interactionsPerUserPerDay = inferInteractions(
    input.usage?.interactionsPerUserPerDay,
    found,
    users.value,
    read("frequency", () => findUsageFrequency(text)),
  );

  const feedbackMode: Profile["feedbackMode"] = fromHit(
    read("feedback", () => firstHit(FEEDBACK, text)),
    "none",
  );
  const business = businessFigureFacts(input, figures, locale.value);

  return {
    locale,
    industry,
    market,
    tasks,
    knowledge,
    stakes,
    humanReview,
    deployment,
    replacesSystemOfRecord,
    labeledExamples: count("labeledExamples", input.data?.labeledExamples),
    documents: count("documents", input.data?.documents),
    chatLogs: count("chatLogs", input.data?.chatLogs),
    preferencePairs: count("preferencePairs", input.data?.preferencePairs),
    users,
    interactionsPerUserPerDay,
    feedbackMode,
    houseStyle: lexFlag("houseStyle", HOUSE_STYLE),
    personalData: assume.personalData !== undefined ? user(assume.personalData) : lexFlag("personalData", PERSONAL_DATA),
    businessCase: businessCaseFact(input, () => lexFlag("businessCase", BUSINESS_CASE), figures),
    publicFacing,
    stakeDrivers,
    safeguards: listFact(
      read("safeguards", () => safeguardHits(text)),
      [],
    ),
    unmonitored,
    groundedAnswers: signal("groundedAnswers"),
    recordLookup,
    analytics,
    preferenceSignal: signal("preferenceSignal"),
    collectionPlanned: signal("collectionPlanned"),
    lowerTierFailed: signal("lowerTierFailed"),
    skillGap: signal("skillGap"),
    pretraining: signal("pretraining"),
    regulatedUses: listFact(
      read("uses", () => useHits(text)),
      [],
    ),
    jurisdictions,
    clearances: listFact(
      read("clearances", () => clearanceHits(text)),
      [],
    ),
    valueKind:
      assume.valueKind !== undefined
        ? user(assume.valueKind)
        : valueHit
          ? heuristic(valueHit.value, valueHit.words)
          : byDefault("financial"),
    ...business,
    revenueModel: revenueModelFact(input, business, market.value, text),
    ...mediaFacts(text, business),
  };
}

/**
 * Review as the words say it; with none, a live answer to the public is not reviewed before it is seen (a chatbot
 * answers at once), and "no staff will monitor it" means no review at all. Otherwise the default (sampled).
 */
function inferReview(
  hit: Hit<HumanReview> | undefined,
  publicFacing: Fact<boolean>,
  unmonitored: Fact<boolean>,
  tasks: Fact<Task[]>,
): Fact<HumanReview> {
  if (hit) return heuristic(hit.value, hit.words);
  if (unmonitored.value) return heuristic<HumanReview>("none", unmonitored.evidence ?? [], { code: "review_unmonitored" });
  const live = tasks.value.some((t) => t === "conversation" || t === "qa");
  if (publicFacing.value && publicFacing.source !== "default" && live) {
    return heuristic<HumanReview>("none", publicFacing.evidence ?? [], { code: "review_live_public" });
  }
  return byDefault(PROFILE_DEFAULTS.humanReview);
}

function listFact<T extends string>(hits: Hit<T>[], fallback: T[]): Fact<T[]> {
  if (hits.length === 0) return byDefault(fallback);
  // Sorted like the schema sorts user lists, so the same set always reads the same.
  const values = [...new Set(hits.map((h) => h.value))].sort();
  return heuristic(
    values,
    hits.flatMap((h) => h.words),
  );
}

function flag(entries: ReturnType<typeof compileLexicon<true>>, text: string): Fact<boolean> {
  const hit = firstHit(entries, text);
  return hit ? heuristic(true, hit.words) : byDefault(false);
}

/**
 * Stakes as the user stated them, unless who is affected or what the output commits to sets a higher floor (a PM's
 * "low" for a public bot that quotes refunds, "medium" for a chat with teenagers in crisis): then the floor, with a
 * note naming the stated value, so the page shows the change and asks to confirm it. Stakes are the cost of a wrong
 * answer, a fact the rules read; PMs under-read them (issue 9), and a floor from stated facts is not a guess.
 */
function statedStakes(
  stated: Stakes,
  drivers: Hit<string>[],
  publicFacing: Fact<boolean>,
  review: Fact<HumanReview>,
  tasks: Fact<Task[]>,
): Fact<Stakes> {
  const floor = stakesFloor(
    drivers.map((d) => d.value),
    publicFacing.value,
    review.value,
    tasks.value,
  );
  if (!floor || STAKES_ORDER[stated] >= STAKES_ORDER[floor.level]) return user(stated);
  const words = drivers.find((d) => d.value === floor.driver)?.words ?? [...(publicFacing.evidence ?? []), ...(review.evidence ?? [])];
  return heuristic(floor.level, words.slice(0, 6), {
    code: "stakes_stated_floor",
    params: { stated, driver: floor.driver, level: floor.level },
  });
}

function inferStakes(
  stakesHit: Hit<Stakes> | undefined,
  industry: Fact<Industry>,
  drivers: Hit<string>[],
  publicFacing: Fact<boolean>,
  review: Fact<HumanReview>,
  tasks: Fact<Task[]>,
): Fact<Stakes> {
  const byWords = wordStakes(stakesHit, industry);
  // Who is affected and what the output commits the company to set a floor the wording cannot lower: minors, people
  // in crisis, patients, advice to the public, prices and refunds told to customers; and output the public sees with
  // no one reviewing it is at least high (data/signals.json).
  const floor = stakesFloor(
    drivers.map((d) => d.value),
    publicFacing.value,
    review.value,
    tasks.value,
  );
  if (!floor || STAKES_ORDER[byWords.value] >= STAKES_ORDER[floor.level]) return byWords;
  const words = drivers.find((d) => d.value === floor.driver)?.words ?? [...(publicFacing.evidence ?? []), ...(review.evidence ?? [])];
  const params: FactNoteParams = {
    driver: floor.driver,
    level: floor.level,
    ...(byWords.source === "default" ? {} : { read: byWords.value }),
  };
  return heuristic(floor.level, [...words, ...(byWords.evidence ?? [])].slice(0, 6), { code: "stakes_floor", params });
}

function wordStakes(hit: Hit<Stakes> | undefined, industry: Fact<Industry>): Fact<Stakes> {
  const riskyIndustry = HIGH_STAKES_INDUSTRIES.includes(industry.value);
  // "Drafts" at a law firm or a hospital still carry that industry's stakes: a low-stakes word lifts only to medium.
  if (hit?.value === "low" && riskyIndustry) {
    return heuristic<Stakes>("medium", hit.words, {
      code: "stakes_industry_medium",
      params: { quote: hit.words[0] ?? "", industry: industry.value },
    });
  }
  if (hit) return heuristic(hit.value, hit.words);
  if (riskyIndustry) {
    return heuristic<Stakes>("high", industry.evidence ?? [`industry=${industry.value}`], {
      code: "stakes_industry_high",
      params: { industry: industry.value },
    });
  }
  return byDefault(PROFILE_DEFAULTS.stakes);
}

function inferInteractions(
  userValue: number | undefined,
  found: ReturnType<typeof findCounts>,
  users: number,
  freq: ReturnType<typeof findUsageFrequency>,
): Fact<number> {
  if (userValue !== undefined) return user(userValue);
  if (found.perUserPerDay) return heuristic(round2(found.perUserPerDay.value), [found.perUserPerDay.evidence]);
  // "每人每周问一两次", "a few times a week": a person's habit, per working day.
  if (freq) {
    const note: Note | undefined =
      freq.period === "day"
        ? undefined
        : {
            code: "per_period",
            params: { period: freq.period, days: freq.period === "week" ? WORKING_DAYS_PER_WEEK : WORKING_DAYS_PER_MONTH },
          };
    return heuristic(round2(freq.perDay), [freq.evidence], note);
  }
  if (found.totalPerDay && users > 0) {
    return heuristic(round2(found.totalPerDay.value / users), [found.totalPerDay.evidence], {
      code: "total_over_users",
      params: { total: round2(found.totalPerDay.value), users },
    });
  }
  return byDefault(PROFILE_DEFAULTS.interactionsPerUserPerDay);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const BUSINESS_INPUTS = [
  "pricePerUserMonth",
  "contractValuePerYear",
  "hoursSavedPerStaffPerWeek",
  "monthlyReach",
  "targetCustomers",
  "staffAffected",
] as const;

/**
 * With no market words, the money the description names says who pays: a price per user per month is paid by
 * consumers or small buyers, a yearly contract by companies, hours saved at a wage are an internal saving.
 */
function marketFromFigures(figures: BusinessFindings): Hit<Market> | undefined {
  if (figures.pricePerUserMonth) return { value: "toC", words: [figures.pricePerUserMonth.evidence] };
  if (figures.contractValuePerYear) return { value: "toB", words: [figures.contractValuePerYear.evidence] };
  return undefined;
}

function businessCaseFact(input: ScenarioInput, lexicon: () => Fact<boolean>, figures: BusinessFindings): Fact<boolean> {
  const stated = BUSINESS_INPUTS.filter((k) => input.business?.[k] !== undefined);
  if (stated.length) return { value: true, source: "user", evidence: stated.map((k) => `business.${k}`) };
  const hit = lexicon();
  if (hit.value) return hit;
  // A stated price, contract, wage or time saving is a business case even when no lexicon word matched.
  const money = (["pricePerUserMonth", "contractValuePerYear", "hoursSavedPerStaffPerWeek"] as const).filter((k) => figures[k]);
  return money.length
    ? heuristic(
        true,
        money.map((k) => figures[k]!.evidence),
      )
    : hit;
}
