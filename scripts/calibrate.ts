// `npm run calibrate`: every published case with figures to compare, our estimate beside it and the ratio.
import { compareCase, issuePoints, summarize, tolerance, type Comparison, type PublicCase } from "./calibration";
import { PUBLIC_CASES_FILE, readPublicCases } from "./calibration-data";

// The repository's copy of the team's calibration set (data/calibration/public.json), so this runs on a fresh clone.
let cases: PublicCase[];
try {
  const copy = readPublicCases();
  cases = copy.cases;
  console.log(`cases: ${PUBLIC_CASES_FILE} (${cases.length}, copied from ${copy.copiedFrom} on ${copy.copiedOn})\n`);
} catch (err) {
  console.error(`calibrate: ${(err as Error).message}`);
  process.exit(1);
}

const fmt = (v: number) =>
  Math.abs(v) >= 1e6 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(2) : v.toLocaleString("en-US", { maximumFractionDigits: 2 });
const rows: Comparison[] = [];
const skipped: string[] = [];
for (const c of cases) {
  const r = compareCase(c);
  if (r.length === 0) skipped.push(c.id);
  rows.push(...r);
}
// Issue 10's points beyond public.json (QLoRA on one GPU), in the same table and summary.
rows.push(...issuePoints());
const header = ["case", "metric", "estimate", "published", "bound", "ratio", "ok", "note"];
const lines = rows.map((r) => [
  r.caseId,
  r.metric,
  fmt(r.estimate),
  fmt(r.published),
  r.bound,
  r.ratio.toFixed(2),
  r.within ? "ok" : `OUT(${tolerance(r.metric)}×)`,
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const print = (l: string[]) => console.log(l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i]))).join("  "));
print(header);
lines.forEach(print);
const s = summarize(rows);
console.log(`\nskipped (no compute or memory figure to compare): ${skipped.join(", ")}`);
console.log(
  `\nsummary: GPU-hours/FLOPs within 2×: ${s.gpuHours.within}/${s.gpuHours.total}; memory within 1.3×: ${s.memory.within}/${s.memory.total}; all comparisons within tolerance: ${s.all.within}/${s.all.total}`,
);
