// Prints the real-case agreement figures: `npx tsx test/real-cases/report.ts [--json] [--misses]`.
import { REAL_CASES } from "./cases";
import { caseTable, techniqueMisses, totalsTable } from "./report-table";
import { runAgreement } from "./run";

const args = new Set(process.argv.slice(2));
const result = runAgreement(REAL_CASES);

if (args.has("--json")) {
  console.log(JSON.stringify({ cases: REAL_CASES.length, totals: result.totals, scores: [...result.engine, ...result.trivial] }, null, 2));
} else {
  const zh = REAL_CASES.filter((c) => c.locale === "zh").length;
  const failed = REAL_CASES.filter((c) => c.outcome === "failure" || c.outcome === "rollback").length;
  console.log(`${REAL_CASES.length} real cases (${REAL_CASES.length - zh} en, ${zh} zh; ${failed} failures or rollbacks)`);
  console.log("Parts: V verdict, T primary tier, N needs committed, M nothing forbidden committed, S stakes; * = strict (all five).\n");
  console.log(caseTable(REAL_CASES, result.engine));
  console.log("\n" + totalsTable(result.totals));
  if (args.has("--misses"))
    for (const run of result.engine) console.log(`\nTechnique misses, ${run.label}:\n${techniqueMisses(REAL_CASES, run)}`);
}
