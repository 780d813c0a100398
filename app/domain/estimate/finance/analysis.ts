// Sensitivity (each driver ±20%, NPV and break-even recomputed) and a seeded Monte Carlo over the drivers' triangular
// ranges. Same seed, same drivers → same bands.
import { cloneParams, HORIZON_MONTHS, makeBuffers, project } from "~/domain/estimate/finance/project";
import type { FinanceParams } from "~/domain/estimate/finance/params";
import { roundMoney, round3 } from "~/domain/estimate/money";
import { mulberry32, percentilesInPlace, triangular } from "~/domain/estimate/random";
import type { AssumptionRange, Band, NullableBand, SensitivityRow } from "~/domain/estimate/types";

/** A driver of the business case: how to read it from and write it into the parameters. */
export interface Driver {
  key: string;
  get: (p: FinanceParams) => number;
  set: (p: FinanceParams, v: number) => void;
  /** Upper bound after moving it (rates stay ≤ 1). */
  max?: number;
  /** Triangular range for the Monte Carlo; absent → not drawn. */
  range?: AssumptionRange;
}

/** Each driver moved −20% and +20%, NPV and break-even recomputed; sorted by effect on NPV, largest first. */
export function sensitivity(base: FinanceParams, drivers: Driver[], swing = 0.2): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  // One set of buffers: only the scalars of each projection are read, before the next one runs.
  const buffers = makeBuffers();
  for (const d of drivers) {
    const v = d.get(base);
    const lowV = v * (1 - swing);
    const highV = d.max === undefined ? v * (1 + swing) : Math.min(d.max, v * (1 + swing));
    const lo = cloneParams(base);
    d.set(lo, lowV);
    const hi = cloneParams(base);
    d.set(hi, highV);
    const pl = project(lo, undefined, buffers);
    const ph = project(hi, undefined, buffers);
    rows.push({
      key: d.key,
      base: round3(v),
      low: round3(lowV),
      high: round3(highV),
      npvLow: roundMoney(pl.npv),
      npvHigh: roundMoney(ph.npv),
      breakEvenLow: pl.breakEvenMonth,
      breakEvenHigh: ph.breakEvenMonth,
      effect: roundMoney(Math.abs(ph.npv - pl.npv)),
    });
  }
  return rows.sort((a, b) => b.effect - a.effect || a.key.localeCompare(b.key));
}

export interface MonteCarloResult {
  breakEvenMonth: NullableBand;
  breakEvenProbability: number;
  npv: Band;
  roi: Band;
  cumulative: { month: number; p10: number; p50: number; p90: number }[];
}

const DECILES = [10, 50, 90] as const;

/** Seeded Monte Carlo over the drivers' triangular ranges. Same seed, same drivers → same bands. */
export function monteCarlo(base: FinanceParams, drivers: Driver[], seed: number, runs: number): MonteCarloResult {
  const rand = mulberry32(seed);
  const drawn = drivers.filter((d) => d.range && d.range.high > d.range.low);
  const n = HORIZON_MONTHS;
  const cum = new Float64Array(runs * n);
  const npvs = new Float64Array(runs);
  const rois = new Float64Array(runs);
  const breakEvens = new Float64Array(runs);
  let hits = 0;
  const p = cloneParams(base);
  const buffers = makeBuffers();
  for (let r = 0; r < runs; r++) {
    for (const d of drawn) {
      const range = d.range as AssumptionRange;
      d.set(p, triangular(rand(), range.low, range.mode, range.high));
    }
    const res = project(p, undefined, buffers);
    npvs[r] = res.npv;
    rois[r] = res.roi;
    breakEvens[r] = res.breakEvenMonth ?? Number.POSITIVE_INFINITY;
    if (res.breakEvenMonth !== null) hits++;
    // Transposed layout: month-major, so each month's runs are contiguous for the percentile selection.
    for (let m = 0; m < n; m++) cum[m * runs + r] = res.cumulative[m];
  }
  const band = (a: Float64Array, money: boolean): Band => {
    const f = money ? roundMoney : round3;
    const [p10, p50, p90] = percentilesInPlace(a, DECILES);
    return { p10: f(p10), p50: f(p50), p90: f(p90) };
  };
  const [be10, be50, be90] = percentilesInPlace(breakEvens, DECILES).map((v) => (Number.isFinite(v) ? v : null));
  const cumulative = [];
  for (let m = 0; m < n; m++) {
    const [p10, p50, p90] = percentilesInPlace(cum.subarray(m * runs, (m + 1) * runs), DECILES);
    cumulative.push({ month: m + 1, p10: roundMoney(p10), p50: roundMoney(p50), p90: roundMoney(p90) });
  }
  return {
    breakEvenMonth: { p10: be10, p50: be50, p90: be90 },
    breakEvenProbability: round3(hits / runs),
    npv: band(npvs, true),
    roi: band(rois, false),
    cumulative,
  };
}
