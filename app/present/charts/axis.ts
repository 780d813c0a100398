// Axis maths shared by the money charts: fixed ticks, so the zero line can be drawn darker with plain arrays.
const GRID_LINE = "rgba(0,0,0,0.1)";
const ZERO_LINE = "#666666";
const GRID_TEXT = "#333333";

/**
 * A y axis whose ticks are fixed in the spec (min, max, step), so the index of the zero tick is known and its grid
 * line can be drawn darker with plain arrays: the zero line without a dataset (which would show in the legend) and
 * without a scriptable function (which would not survive JSON to the PDF renderer).
 */
export function zeroAxis(values: number[]) {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep((hi - lo || 1) / 6);
  const min = Math.floor(lo / step - 1e-9) * step;
  const max = Math.ceil(hi / step + 1e-9) * step;
  const count = Math.round((max - min) / step) + 1;
  const zeroIndex = Math.round(-min / step);
  const color = Array.from({ length: count }, (_, i) => (i === zeroIndex ? ZERO_LINE : GRID_LINE));
  const lineWidth = Array.from({ length: count }, (_, i) => (i === zeroIndex ? 2 : 1));
  return {
    min: fix(min),
    max: fix(max),
    ticks: { color: GRID_TEXT, stepSize: fix(step), autoSkip: false, maxTicksLimit: count + 1 },
    grid: { color, lineWidth },
  };
}

function fix(x: number): number {
  const r = Number(x.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = [1, 2, 2.5, 5, 10].find((x) => x * p >= raw - 1e-12) ?? 10;
  return Number((m * p).toPrecision(12));
}
