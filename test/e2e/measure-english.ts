// Counts the English runs on the Chinese views of every template and the Chinese free-text scenarios, per surface
// (plan page, share page, Markdown, PDF), on whatever build is in build/ (or in the checkout given as --root).
// Not a test: the before/after figures of issue 11 item 7. Usage (after `npm run build`):
//   npx tsx test/e2e/measure-english.ts [--root /path/to/checkout] [--only name-part] [out.json]
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { startBuiltServer } from "../support/built-server";
import { chineseScenarios, scanScenario, summarise, type EnglishRun } from "./zh-english";

const args = process.argv.slice(2);
const rootAt = args.indexOf("--root");
const root = rootAt >= 0 ? args.splice(rootAt, 2)[1] : undefined;
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const server = await startBuiltServer(root ? { root } : {});
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
});
const runs: EnglishRun[] = [];
try {
  for (const s of chineseScenarios().filter((x) => !only || x.name.includes(only)))
    runs.push(...(await scanScenario(server.url, browser, s)));
} finally {
  await browser.close();
  await server.stop();
}
const out = { measuredAt: new Date().toISOString(), ...summarise(runs), runs };
if (args[0]) writeFileSync(args[0], JSON.stringify(out, null, 2) + "\n");
console.log(JSON.stringify({ total: out.total, bySurface: out.bySurface, top: out.top }, null, 1));
