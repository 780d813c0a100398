// Every figure the estimators use goes through the book once: it applies the user's override (input.assumptions or a
// dedicated input field), records the value with its provenance and Monte Carlo range, and returns it. Unit, kind and
// group come from the registry; a second registration of a key throws, so no module can silently shadow another's.
import { ASSUMPTIONS, type AssumptionDef, type AssumptionKey } from "~/domain/estimate/assumptions/registry";
import type { Assumption, AssumptionRange, AssumptionSource, Derivation } from "~/domain/estimate/types";
import type { Currency } from "~/domain/scenario";

/** Where a value comes from: a knowledge-base entry (its citation), a derivation (a code), the profile, the user. */
export interface Provenance {
  source: AssumptionSource;
  citation?: string;
  derivation?: Derivation;
}

export interface Entry extends Provenance {
  value: number;
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

/** A knowledge-base figure as an entry; its own low/high become the Monte Carlo range only when `withRange`. */
export function kb(fig: KbFigure, withRange = false): Entry {
  const range = withRange && fig.low !== undefined && fig.high !== undefined ? { low: fig.low, high: fig.high } : undefined;
  return { value: fig.value, source: "kb", citation: fig.source, ...(range ? { range } : {}) };
}

/** A figure the estimators derive, with the code that explains it. */
export function derived(value: number, code: string, params?: Derivation["params"], range?: { low: number; high: number }): Entry {
  return { value, source: "default", derivation: { code, ...(params ? { params } : {}) }, ...(range ? { range } : {}) };
}

export class AssumptionBook {
  private readonly entries = new Map<string, Assumption>();

  constructor(
    private readonly overrides: Readonly<Record<string, number>> = {},
    private readonly currency: Currency = "USD",
  ) {}

  /** Registers a numeric assumption and returns its value (the user's when overridden). */
  get(key: AssumptionKey, entry: Entry): number {
    const override = this.overrides[key];
    const fromUser = override !== undefined ? override : entry.userValue;
    const value = fromUser ?? entry.value;
    const a = this.record(key, value, fromUser !== undefined ? { source: "user" } : entry);
    if (fromUser !== undefined) {
      a.overridden = true;
      a.citation = override !== undefined ? `assumptions.${key}` : entry.userField;
    }
    const range = scaleRange(entry, value);
    if (range) a.range = range;
    return value;
  }

  /** Registers a text assumption (a GPU id, a model id, a precision) with its provenance. */
  text<T extends string>(key: AssumptionKey, value: T, provenance: Provenance, userField?: string): T {
    const a = this.record(key, value, provenance);
    if (provenance.source === "user") {
      a.overridden = true;
      if (userField) a.citation = userField;
    }
    return value;
  }

  private record(key: AssumptionKey, value: number | string, provenance: Provenance): Assumption {
    if (this.entries.has(key)) throw new Error(`assumption ${key} registered twice`);
    const def: AssumptionDef = ASSUMPTIONS[key];
    const a: Assumption = {
      key,
      value,
      unit: def.unit.replace("{currency}", this.currency),
      unitKind: def.kind,
      source: provenance.source,
      group: def.group,
    };
    if (provenance.citation && provenance.source !== "user") a.citation = provenance.citation;
    if (provenance.derivation && provenance.source !== "user") a.derivation = provenance.derivation;
    if (def.advanced) a.advanced = true;
    this.entries.set(key, a);
    return a;
  }

  has(key: AssumptionKey): boolean {
    return this.entries.has(key);
  }

  range(key: AssumptionKey): AssumptionRange | undefined {
    return this.entries.get(key)?.range;
  }

  value(key: AssumptionKey): number | undefined {
    const e = this.entries.get(key);
    return e === undefined || typeof e.value !== "number" ? undefined : e.value;
  }

  list(): Assumption[] {
    return [...this.entries.values()];
  }
}

function scaleRange(entry: Entry, value: number): AssumptionRange | undefined {
  if (!entry.range) return undefined;
  const { low, high } = entry.range;
  if (value === entry.value) return { low: Math.min(low, value), mode: value, high: Math.max(high, value) };
  // A user's figure is as uncertain, relatively, as the default it replaces.
  if (entry.value === 0) return { low: value, mode: value, high: value };
  const lo = (low / entry.value) * value;
  const hi = (high / entry.value) * value;
  return { low: Math.min(lo, hi, value), mode: value, high: Math.max(lo, hi, value) };
}
