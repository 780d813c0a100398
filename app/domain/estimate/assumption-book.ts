// Every figure the estimators use goes through the book: it applies the user's override (input.assumptions or
// input.business), records the value with its unit, label, source, citation and Monte Carlo range, and returns it.
import type { AssumptionKey } from "~/domain/estimate/assumption-keys";
import type { Assumption, AssumptionGroup, AssumptionRange, AssumptionSource } from "~/domain/estimate/types";
import type { LocalizedText } from "~/domain/text";

export interface AssumptionSpec {
  value: number;
  source: AssumptionSource;
  citation?: string;
  unit: string;
  label: LocalizedText;
  group: AssumptionGroup;
  /** Absolute low/high around `value` for the Monte Carlo; scaled proportionally when the user overrides the value. */
  range?: { low: number; high: number };
  /** The value the user gave through a dedicated input field (input.business.*, input.usage.*). */
  userValue?: number;
  /** Field named in the citation when userValue is used, e.g. `business.pricePerUserMonth`. */
  userField?: string;
}

/** A knowledge-base figure from data/*.json: its value, optional low/high, and the source it is cited from. */
export interface KbFigure {
  value: number;
  low?: number;
  high?: number;
  source: string;
}

/** Spec of a knowledge-base figure: value and citation default to the figure's; the range is only what the caller passes. */
export type KbSpec = Omit<AssumptionSpec, "value" | "source" | "citation"> & { value?: number; citation?: string };

/** The figure's own low/high as a Monte Carlo range, when it has both. */
export function kbRange(fig: KbFigure): { low: number; high: number } | undefined {
  return fig.low !== undefined && fig.high !== undefined ? { low: fig.low, high: fig.high } : undefined;
}

export class AssumptionBook {
  private readonly entries = new Map<string, Assumption>();

  constructor(private readonly overrides: Readonly<Record<string, number>> = {}) {}

  num(key: AssumptionKey, spec: AssumptionSpec): number {
    const seen = this.entries.get(key);
    if (seen) return seen.value as number;
    const override = this.overrides[key];
    const fromUser = override !== undefined ? override : spec.userValue;
    const value = fromUser ?? spec.value;
    const entry: Assumption = {
      key,
      value,
      unit: spec.unit,
      label: spec.label,
      source: fromUser !== undefined ? "user" : spec.source,
      group: spec.group,
    };
    if (fromUser !== undefined) {
      entry.overridden = true;
      entry.citation = override !== undefined ? `assumptions.${key}` : spec.userField;
    } else if (spec.citation) {
      entry.citation = spec.citation;
    }
    const range = scaleRange(spec, value);
    if (range) entry.range = range;
    this.entries.set(key, entry);
    return value;
  }

  /**
   * Records a knowledge-base figure. No range is taken from the figure unless the caller passes one (e.g.
   * `kbRange(fig)`): some figures carry low/high in data/estimation.json yet no Monte Carlo driver draws them.
   */
  kb(key: AssumptionKey, fig: KbFigure, spec: KbSpec): number;
  /** A per-currency figure has no single value: the caller passes the one for the plan's currency. */
  kb(key: AssumptionKey, fig: { source: string }, spec: KbSpec & { value: number }): number;
  kb(key: AssumptionKey, fig: { value?: number; source: string }, spec: KbSpec): number {
    return this.num(key, { ...spec, value: (spec.value ?? fig.value) as number, source: "kb", citation: spec.citation ?? fig.source });
  }

  range(key: AssumptionKey): AssumptionRange | undefined {
    return this.entries.get(key)?.range;
  }

  value(key: AssumptionKey): number | undefined {
    const e = this.entries.get(key);
    return e === undefined ? undefined : (e.value as number);
  }

  list(): Assumption[] {
    return [...this.entries.values()];
  }
}

function scaleRange(spec: AssumptionSpec, value: number): AssumptionRange | undefined {
  if (!spec.range) return undefined;
  const { low, high } = spec.range;
  if (value === spec.value) return { low: Math.min(low, value), mode: value, high: Math.max(high, value) };
  // A user's figure is as uncertain, relatively, as the default it replaces.
  if (spec.value === 0) return { low: value, mode: value, high: value };
  const lo = (low / spec.value) * value;
  const hi = (high / spec.value) * value;
  return { low: Math.min(lo, hi, value), mode: value, high: Math.max(lo, hi, value) };
}
