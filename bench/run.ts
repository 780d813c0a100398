// `npm run bench`: every benchmark in bench/*.bench.ts, one after another, figures printed as a table.
// Speed and memory targets are measured here, never by timed assertions in tests.
// A bench module exports `name` and `run(): Promise<BenchRow[]>`. `npm run bench -- plan pdf` runs only those.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  /** true when the figure meets its target; undefined when there is no target. */
  ok?: boolean;
  note?: string;
}

const dir = new URL(".", import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { name: string; run: () => Promise<BenchRow[]> };
  console.log(`\n## ${mod.name}`);
  const rows = await mod.run();
  for (const r of rows) {
    const mark = r.ok === undefined ? "    " : r.ok ? "ok  " : "MISS";
    if (r.ok === false) failed++;
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3);
    console.log(
      `${mark} ${r.metric.padEnd(58)} ${value.padStart(12)} ${r.unit.padEnd(6)} ${r.target ? `target ${r.target}` : ""}${r.note ? `  (${r.note})` : ""}`,
    );
  }
}
console.log(failed ? `\n${failed} figure(s) missed their target` : "\nall figures met their targets");
