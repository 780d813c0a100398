// The one rounding rule for money in the domain: plain numbers in the plan's currency, two decimals.
// Views format; the domain never does.
export function roundMoney(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.round(value * 100) / 100;
}

/** Figures that are not money (GB, hours, ratios) keep three significant decimals so JSON stays readable. */
export function round3(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.round(value * 1000) / 1000;
}
