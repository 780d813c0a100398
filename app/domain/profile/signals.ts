// The judgment signals of a description (issue 9): stake drivers, safeguards, flags the technique ladder reads,
// regulated uses, jurisdictions, clearances and the kind of value. The words live in data/signals.json and
// data/regulations.json (each entry with its source); this module compiles them once and reads a text with them.
import { REGULATIONS } from "~/domain/kb/regulations";
import { SIGNAL_FLAGS, type SignalFlag } from "~/domain/kb/schemas";
import { SIGNALS } from "~/domain/kb/signals";
import type { LexiconEntry } from "~/domain/profile/lexicon";
import { allHits, compileLexicon, firstHit, type Hit } from "~/domain/profile/match";
import { STAKES_ORDER, type HumanReview, type Locale, type Stakes, type Task } from "~/domain/scenario";

const entry = <V>(value: V, e: { zh: string[]; en: string[] }): LexiconEntry<V> => ({ value, zh: e.zh, en: e.en });

const DRIVERS = compileLexicon(SIGNALS.stakeDrivers.map((d) => entry(d.id, d)));
const SAFEGUARDS = compileLexicon(SIGNALS.safeguards.map((s) => entry(s.id, s)));
const VALUE_KINDS = compileLexicon(SIGNALS.valueKinds.map((v) => entry(v.id, v)));
const FLAGS = Object.fromEntries(SIGNAL_FLAGS.map((f) => [f, compileLexicon([entry(true as const, SIGNALS.flags[f])])])) as Record<
  SignalFlag,
  ReturnType<typeof compileLexicon<true>>
>;
const USES = compileLexicon(REGULATIONS.uses.map((u) => entry(u.id, u)));
const CLEARANCES = compileLexicon(REGULATIONS.clearances.map((c) => entry(c.id, c)));
const JURISDICTIONS = compileLexicon(REGULATIONS.jurisdictions.map((j) => entry(j.id, j)));

/** The stake drivers that raise stakes only when the output reaches the public. */
export const PUBLIC_ONLY_DRIVERS: ReadonlySet<string> = new Set(SIGNALS.stakeDrivers.filter((d) => d.publicOnly).map((d) => d.id));
export const DRIVER_MIN_STAKES: ReadonlyMap<string, string> = new Map(SIGNALS.stakeDrivers.map((d) => [d.id, d.minStakes]));
/** Jurisdictions assumed from the description's language when it names none (zh → CN). */
export const DEFAULT_JURISDICTIONS: Record<Locale, string[]> = {
  zh: REGULATIONS.jurisdictions.filter((j) => j.defaultForLocale === "zh").map((j) => j.id),
  en: REGULATIONS.jurisdictions.filter((j) => j.defaultForLocale === "en").map((j) => j.id),
};

export function flagHit(flag: SignalFlag, text: string): Hit<true> | undefined {
  return firstHit(FLAGS[flag], text);
}
export const driverHits = (text: string): Hit<string>[] => allHits(DRIVERS, text);
export const safeguardHits = (text: string): Hit<string>[] => allHits(SAFEGUARDS, text);
export const useHits = (text: string): Hit<string>[] => allHits(USES, text);
export const clearanceHits = (text: string): Hit<string>[] => allHits(CLEARANCES, text);
export const jurisdictionHits = (text: string): Hit<string>[] => allHits(JURISDICTIONS, text);
export const valueKindHit = (text: string): Hit<string> | undefined => firstHit(VALUE_KINDS, text);

/**
 * The least stakes the drivers and the audience imply (data/signals.json): who is affected and what the output
 * commits the company to, and "output the public sees with no one reviewing it is at least high". Undefined when
 * nothing sets a floor. Drivers that matter only in public count only when the output is public.
 */
export function stakesFloor(
  drivers: readonly string[],
  publicFacing: boolean,
  review: HumanReview,
  tasks: readonly Task[],
): { level: Stakes; driver: string } | undefined {
  let floor: { level: Stakes; driver: string } | undefined;
  for (const d of drivers) {
    if (PUBLIC_ONLY_DRIVERS.has(d) && !publicFacing) continue;
    const level = DRIVER_MIN_STAKES.get(d) as Stakes | undefined;
    if (level && (!floor || STAKES_ORDER[level] > STAKES_ORDER[floor.level])) floor = { level, driver: d };
  }
  // The company speaking to the public (answers, conversations, actions) with no one reviewing: at least high. A
  // consumer's own drafts (a writing tool) are reviewed by their author and do not count.
  const speaks = tasks.some((t) => SPEAKING_TASKS.includes(t));
  if (publicFacing && review === "none" && speaks && (!floor || STAKES_ORDER[floor.level] < STAKES_ORDER.high))
    floor = { level: "high", driver: "unreviewed public output" };
  return floor;
}

/** Tasks in which the output is the company's own answer or action toward the person, not their draft. */
export const SPEAKING_TASKS: readonly Task[] = ["qa", "conversation", "agent_workflow"];
