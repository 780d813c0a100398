import { PARTS, type CaseScore, type Mode, type Part, type Totals } from "./score";
import type { RealCase } from "./types";

// Plain-text rendering of the agreement figures, shared by the vitest report and the `report.ts` script.

const LETTER: Record<Part, string> = { verdict: "V", tier: "T", needs: "N", mustNotLead: "M", stakes: "S" };
const OUTCOME: Record<RealCase["outcome"], string> = { success: "ok", failure: "fail", rollback: "back", mixed: "mix" };

/** `VTNMS` with a dot for each part that disagrees, then `*` when all five agree. */
export function flags(s: CaseScore): string {
  return PARTS.map((p) => (s.parts[p] ? LETTER[p] : "·")).join("") + (s.strict ? "*" : " ");
}

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length >= width ? chars.slice(0, width).join("") : text + " ".repeat(width - chars.length);
}

function judgment(verdict: string, tier: number, stakes: string): string {
  return `${verdict}/${tier}/${stakes}`;
}

export interface Run {
  label: string;
  mode: Mode;
  scores: readonly CaseScore[];
}

/** One row per case: expected judgment, then for each run the plan's judgment and the parts that agree. */
export function caseTable(cases: readonly RealCase[], runs: readonly Run[]): string {
  const header = [pad("case", 38), pad("lc", 3), pad("out", 5), pad("expected", 22), ...runs.map((r) => pad(r.label, 30))].join(" ");
  const rows = cases.map((c, i) => {
    const e = c.expected;
    const cells = runs.map((r) => {
      const s = r.scores[i];
      return pad(`${pad(judgment(s.got.verdict, s.got.tier, s.got.stakes), 22)} ${flags(s)}`, 30);
    });
    return [
      pad(c.id, 38),
      pad(c.locale, 3),
      pad(OUTCOME[c.outcome], 5),
      pad(judgment(e.verdict, e.primaryTier, e.stakes), 22),
      ...cells,
    ].join(" ");
  });
  return [header, ...rows].join("\n");
}

function pct(k: number, n: number): string {
  return `${k}/${n} (${Math.round((100 * k) / n)}%)`;
}

/** Totals per run: strict agreement and each part. */
export function totalsTable(runs: readonly { label: string; totals: Totals }[]): string {
  const columns = ["strict", ...PARTS];
  const header = [pad("planner / mode", 24), ...columns.map((c) => pad(c, 13))].join(" ");
  const rows = runs.map(({ label, totals: t }) =>
    [pad(label, 24), pad(pct(t.strict, t.n), 13), ...PARTS.map((p) => pad(pct(t.parts[p], t.n), 13))].join(" "),
  );
  return [header, ...rows].join("\n");
}

/** Where each run misses needs or commits a forbidden technique, for the judgment stream to read. */
export function techniqueMisses(cases: readonly RealCase[], run: Run): string {
  return cases
    .map((c, i) => ({ c, s: run.scores[i] }))
    .filter(({ s }) => s.missing.length > 0 || s.forbidden.length > 0)
    .map(({ c, s }) => {
      const parts = [
        s.missing.length ? `missing ${s.missing.join(", ")}` : "",
        s.forbidden.length ? `committed ${s.forbidden.join(", ")}` : "",
      ];
      return `${pad(c.id, 38)} ${parts.filter(Boolean).join("; ")}  [committed: ${s.got.committed.join(", ") || "none"}]`;
    })
    .join("\n");
}
