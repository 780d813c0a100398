import { beforeAll, describe, expect, it } from "vitest";
import { REAL_CASES } from "./cases";
import { caseTable, totalsTable } from "./report-table";
import { runAgreement, type Agreement } from "./run";

// Agreement of the engine (no LLM) with the expected judgments of the real cases, beside the trivial baseline
// (always pilot, tier 2, retrieval). The fixture's own checks (inputs parse, sources cited, ≥30 cases, ≥10 in
// Chinese, ≥8 failures) are in fixture.test.ts; the scorer's are in score.test.ts.
// Figures to quote: `npx tsx test/real-cases/report.ts` (add `--misses` for technique misses, `--json` for data).

/**
 * Strict agreements (verdict, tier, needs, nothing forbidden, stakes all agree) the engine must keep, out of 38.
 * Measured on main at 5b15c41 (engine as of eef3c71): fields 9, text 3; the trivial baseline reaches 5 and 3.
 * Raised with the judgment of issue 9 (technique ladder, stakes and safeguards, regulations, verdict capped by the
 * plan's economics): fields 17, text 6.
 * Raise these as the engine improves, to what it then reaches; never lower them to make a change pass.
 */
export const AGREEMENT_FLOOR = { fields: 17, text: 6 } as const;

let result: Agreement;

beforeAll(() => {
  result = runAgreement(REAL_CASES);
  console.log(`\n${caseTable(REAL_CASES, result.engine)}\n\n${totalsTable(result.totals)}\n`);
});

describe("real-case agreement", () => {
  it("plans every case in both modes, with the engine and with the trivial baseline", () => {
    for (const run of [...result.engine, ...result.trivial]) {
      expect(run.scores.map((s) => s.id)).toEqual(REAL_CASES.map((c) => c.id));
      for (const s of run.scores) expect(["go", "pilot", "rethink", "no_go"]).toContain(s.got.verdict);
    }
  });

  it("keeps at least the strict agreement the engine has reached, with the full input and from the text alone", () => {
    const strict = (label: string) => result.totals.find((t) => t.label === label)?.totals.strict;
    expect(strict("engine fields")).toBeGreaterThanOrEqual(AGREEMENT_FLOOR.fields);
    expect(strict("engine text")).toBeGreaterThanOrEqual(AGREEMENT_FLOOR.text);
  });
});
