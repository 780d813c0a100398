// The ranked portfolio: which options to start first, what they cost together, and what fits in a budget.
//
// Value for effort is RICE-like and stated on the page: the value score, discounted by feasibility (the chance the
// rest of the plan holds), per person-month of build effort:
//     value × feasibility / 100 ÷ (person-weeks / weeks per month)
// Suggested order: options the engine would take forward ("go" or "pilot") by value for effort, most first; then those
// it says to rethink (they need redesign before anyone starts); "no go" options are left out and listed apart.
// Ties: higher value, then lower one-off cost, then title and id, so the order is the same on every page and in the PDF.
import { EST } from "~/domain/estimate/kb";
import type { WorkshopOption } from "~/domain/workshop/options";
import { quadrantOf, type Quadrant, type Split } from "~/domain/workshop/position";

export const WEEKS_PER_MONTH: number = EST.constants.weeksPerMonth.value;

export interface RankedOption<T extends WorkshopOption = WorkshopOption> {
  option: T;
  /** 1-based place in the suggested order; null for options left out (no go). */
  rank: number | null;
  quadrant: Quadrant | null;
  /** Expected value points per person-month; null without value, feasibility or effort. */
  valueForEffort: number | null;
  /** One-off cost of this option and every one before it in the order (the comparison's currency). */
  cumulativeOneOff: number | null;
  /** With a budget: whether it is among the options chosen in order until the budget is spent. */
  withinBudget: boolean | null;
}

export interface Portfolio<T extends WorkshopOption = WorkshopOption> {
  ranked: RankedOption<T>[];
  /** No-go options: not in the order, not in the totals. */
  excluded: RankedOption<T>[];
  totals: PortfolioTotals;
  budget: { amount: number; chosen: PortfolioTotals; count: number } | null;
}

export interface PortfolioTotals {
  oneOff: number;
  monthly: number;
  firstYear: number;
  personWeeks: number;
  /** Options whose figure was missing (older plans): totals leave them out and the page says so. */
  missing: number;
}

export function valueForEffort(o: Pick<WorkshopOption, "value" | "feasibility" | "personWeeks">): number | null {
  if (o.value === null || o.feasibility === null || o.personWeeks === null || !(o.personWeeks > 0)) return null;
  const personMonths = o.personWeeks / WEEKS_PER_MONTH;
  return Math.round(((o.value * o.feasibility) / 100 / personMonths) * 100) / 100;
}

const band = (o: WorkshopOption) => (o.verdict === "go" || o.verdict === "pilot" ? 0 : o.verdict === "rethink" ? 1 : 2);

function compare(a: RankedOption, b: RankedOption): number {
  const x = a.option;
  const y = b.option;
  return (
    band(x) - band(y) ||
    (b.valueForEffort ?? -Infinity) - (a.valueForEffort ?? -Infinity) ||
    (y.value ?? -Infinity) - (x.value ?? -Infinity) ||
    (x.money.oneOff ?? Infinity) - (y.money.oneOff ?? Infinity) ||
    x.title.localeCompare(y.title) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

function totalsOf(rows: RankedOption[]): PortfolioTotals {
  const t: PortfolioTotals = { oneOff: 0, monthly: 0, firstYear: 0, personWeeks: 0, missing: 0 };
  for (const { option: o } of rows) {
    const m = o.money;
    if (m.oneOff === null || m.monthly === null || m.firstYear === null || o.personWeeks === null) t.missing++;
    t.oneOff += m.oneOff ?? 0;
    t.monthly += m.monthly ?? 0;
    t.firstYear += m.firstYear ?? 0;
    t.personWeeks += o.personWeeks ?? 0;
  }
  return t;
}

/**
 * Ranks options whose money is already in one currency (see currency.ts). With a budget (same currency), options are
 * taken in the suggested order and one that no longer fits is skipped, so a cheaper later option can still be in.
 */
export function buildPortfolio<T extends WorkshopOption>(
  options: readonly T[],
  split: Pick<Split, "feasibility" | "value">,
  budget: number | null = null,
): Portfolio<T> {
  const rows: RankedOption<T>[] = options.map((option) => ({
    option,
    rank: null,
    quadrant:
      option.value !== null && option.feasibility !== null
        ? quadrantOf({ value: option.value, feasibility: option.feasibility }, split)
        : null,
    valueForEffort: valueForEffort(option),
    cumulativeOneOff: null,
    withinBudget: null,
  }));
  rows.sort(compare as (a: RankedOption<T>, b: RankedOption<T>) => number);
  const ranked = rows.filter((r) => r.option.verdict !== "no_go");
  const excluded = rows.filter((r) => r.option.verdict === "no_go");
  let running = 0;
  let spent = 0;
  const chosen: RankedOption<T>[] = [];
  ranked.forEach((r, i) => {
    r.rank = i + 1;
    running += r.option.money.oneOff ?? 0;
    r.cumulativeOneOff = running;
    if (budget !== null) {
      const cost = r.option.money.oneOff;
      r.withinBudget = cost !== null && spent + cost <= budget;
      if (r.withinBudget) {
        spent += cost as number;
        chosen.push(r);
      }
    }
  });
  return {
    ranked,
    excluded,
    totals: totalsOf(ranked),
    budget: budget === null ? null : { amount: budget, chosen: totalsOf(chosen), count: chosen.length },
  };
}
