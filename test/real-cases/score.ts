import { parseScenarioInput, type ScenarioInput } from "~/domain/scenario";
import type { Need, RealCase, TechniqueId } from "./types";

// Scores a planner's plans against the expected judgments of the real cases. Pure: no engine import, so the same
// code scores the engine, the trivial baseline or any other planner.

/** What scoring reads from a plan; a DecisionPlan is one. */
export interface PlanLike {
  feasibility: { verdict: string };
  primaryTier: number;
  techniques: readonly { id: string; gate?: unknown }[];
  profile: { stakes: { value: string } };
}

export type Planner = (input: ScenarioInput) => PlanLike;

/** `fields`: the whole input as the PM filled the form. `text`: only title, description and locale. */
export type Mode = "fields" | "text";
export const MODES: readonly Mode[] = ["fields", "text"];

export const PARTS = ["verdict", "tier", "needs", "mustNotLead", "stakes"] as const;
export type Part = (typeof PARTS)[number];

export interface CaseScore {
  id: string;
  mode: Mode;
  parts: Record<Part, boolean>;
  /** All five parts agree. */
  strict: boolean;
  got: { verdict: string; tier: number; stakes: string; committed: string[]; gated: string[] };
  /** Needs the plan did not commit to (an any-of group is shown joined with `|`). */
  missing: string[];
  /** Techniques the plan committed to although they must not lead. */
  forbidden: string[];
}

export interface Totals {
  n: number;
  strict: number;
  parts: Record<Part, number>;
}

/** The input a planner sees in a mode; throws if the fixture's input does not parse (the fixture test guards this). */
export function inputFor(c: RealCase, mode: Mode): ScenarioInput {
  const raw = mode === "fields" ? c.input : { title: c.input.title, description: c.input.description, locale: c.input.locale };
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(`${c.id}: input does not parse: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
  return parsed.value;
}

/** A technique carrying a gate is an escalation taken only if an eval result is missed: it is not committed. */
function isGated(t: { gate?: unknown }): boolean {
  return t.gate !== undefined && t.gate !== null && t.gate !== "" && t.gate !== false;
}

function needMet(need: Need, committed: ReadonlySet<string>): boolean {
  return typeof need === "string" ? committed.has(need) : need.some((id) => committed.has(id));
}

function needLabel(need: Need): string {
  return typeof need === "string" ? need : need.join("|");
}

export function scoreCase(c: RealCase, plan: PlanLike, mode: Mode): CaseScore {
  const committedList = plan.techniques.filter((t) => !isGated(t)).map((t) => t.id);
  const gated = plan.techniques.filter(isGated).map((t) => t.id);
  const committed = new Set(committedList);
  const { expected } = c;
  const missing = expected.needs.filter((n) => !needMet(n, committed)).map(needLabel);
  const forbidden = expected.mustNotLead.filter((id: TechniqueId) => committed.has(id));
  const parts: Record<Part, boolean> = {
    verdict: plan.feasibility.verdict === expected.verdict,
    tier: plan.primaryTier === expected.primaryTier,
    needs: missing.length === 0,
    mustNotLead: forbidden.length === 0,
    stakes: plan.profile.stakes.value === expected.stakes,
  };
  return {
    id: c.id,
    mode,
    parts,
    strict: PARTS.every((p) => parts[p]),
    got: { verdict: plan.feasibility.verdict, tier: plan.primaryTier, stakes: plan.profile.stakes.value, committed: committedList, gated },
    missing,
    forbidden,
  };
}

export function scoreAll(cases: readonly RealCase[], planner: Planner, mode: Mode): CaseScore[] {
  return cases.map((c) => scoreCase(c, planner(inputFor(c, mode)), mode));
}

export function totals(scores: readonly CaseScore[]): Totals {
  const parts = Object.fromEntries(PARTS.map((p) => [p, scores.filter((s) => s.parts[p]).length])) as Record<Part, number>;
  return { n: scores.length, strict: scores.filter((s) => s.strict).length, parts };
}

/**
 * The baseline the issue names: always pilot, tier 2, retrieval, medium stakes. In `fields` mode it echoes the stakes
 * the PM entered (when entered), which makes it a stronger baseline than a constant: the engine should beat both.
 */
export function trivialPlanner(mode: Mode): Planner {
  return (input) => ({
    feasibility: { verdict: "pilot" },
    primaryTier: 2,
    techniques: [{ id: "rag" }],
    profile: { stakes: { value: mode === "fields" && input.stakes ? input.stakes : "medium" } },
  });
}
