// Measures what issue 11 is judged by, on whatever build is in build/: page heights at 1440×900 and 390×844 in both
// languages, how far down the first money figure sits, PDF page counts, and axe-core violations per page.
// Not a test: a tool for before/after figures. Usage (after `npm run build`):
//   npx tsx test/e2e/measure-views.ts [out.json]
// It creates its own scenarios in a throwaway database, through the JSON API (falling back to the page's form).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startBuiltServer } from "../support/built-server";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The review's two journeys: the course's art studio (free text, Chinese) and an internal dispatch assistant. */
export const MEASURE_SCENARIOS = {
  zh: {
    description:
      "我们是一家美术培训机构，想做一个给学生作品自动写评语的工具，老师审核后发给家长。目前有大约2000条老师写过的评语。已有1000多位老师愿意每月付几十元。",
    locale: "zh",
  },
  en: {
    title: "Carrier email drafts",
    description:
      "An internal assistant that drafts replies to carrier emails for our 30 dispatchers at a B2B logistics company. Each dispatcher handles about 30 emails a day; replies are sent only after a dispatcher reviews them.",
    locale: "en",
  },
} as const;

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
}

async function axe(
  page: Page,
): Promise<{ serious: number; critical: number; moderate: number; minor: number; rules: Record<string, number> }> {
  // Through the DevTools protocol: a page's CSP cannot block it (an inline <script> would be).
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ resultTypes: ["violations"] }),
  )) as AxeResult;
  const out = { serious: 0, critical: 0, moderate: 0, minor: 0, rules: {} as Record<string, number> };
  for (const v of result.violations) {
    const impact = (v.impact ?? "minor") as "serious" | "critical" | "moderate" | "minor";
    out[impact] += v.nodes.length;
    out.rules[`${v.id} (${impact})`] = v.nodes.length;
  }
  return out;
}

async function createScenario(base: string, body: object): Promise<string> {
  const r = await fetch(`${base}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`POST /api/scenarios → ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

async function createShare(base: string, page: Page, id: string): Promise<string> {
  const api = await fetch(`${base}/api/scenarios/${id}/shares`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (api.status === 201) return ((await api.json()) as { url: string }).url.replace(/^https?:\/\/[^/]+/, "");
  await page.goto(`${base}/scenarios/${id}`);
  await page.getByTestId("share-create").click();
  await page.waitForURL(/shared=/);
  return new URL((await page.getByTestId("share-url").first().getAttribute("href")) as string).pathname;
}

/** Where the first figure in money sits (px from the top of the document), by its text: ¥, $, CN¥, US$. */
async function firstMoneyY(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector("main") ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      const el = n.parentElement;
      if (!el || !/[¥$]\s?-?[\d.,]+/.test(text)) continue;
      if (el.closest("details:not([open]), script, style, .visually-hidden, figcaption")) continue;
      const rect = el.getBoundingClientRect();
      if (rect.height === 0) continue;
      return Math.round(rect.top + window.scrollY);
    }
    return null;
  });
}

async function pdfPages(base: string, path: string): Promise<number> {
  const r = await fetch(base + path);
  if (r.status !== 200) throw new Error(`${path} → ${r.status}`);
  const dir = mkdtempSync(join(tmpdir(), "tw-measure-"));
  const file = join(dir, "r.pdf");
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

async function main() {
  const server = await startBuiltServer();
  const browser: Browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
  const out: Record<string, unknown> = { measuredAt: new Date().toISOString() };
  try {
    const base = server.url;
    const zhId = await createScenario(base, MEASURE_SCENARIOS.zh);
    const enId = await createScenario(base, MEASURE_SCENARIOS.en);
    const setup = await (await browser.newContext()).newPage();
    const zhShare = await createShare(base, setup, zhId);
    const enShare = await createShare(base, setup, enId);
    await setup.context().close();

    const heights: Record<string, unknown> = {};
    for (const [lang, id, share] of [
      ["zh", zhId, zhShare],
      ["en", enId, enShare],
    ] as const) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        for (const [name, path] of [
          ["plan", `/scenarios/${id}`],
          ["share", share],
        ] as const) {
          const context = await browser.newContext({
            viewport,
            locale: lang === "zh" ? "zh-CN" : "en-US",
            isMobile: device === "phone",
            hasTouch: device === "phone",
          });
          const page = await context.newPage();
          await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
          await page.waitForLoadState("networkidle");
          heights[`${name} ${lang} ${device}`] = {
            heightPx: await page.evaluate(() => document.documentElement.scrollHeight),
            firstMoneyYPx: await firstMoneyY(page),
            viewportHeight: viewport.height,
          };
          await context.close();
        }
      }
    }
    out.heights = heights;

    out.pdf = {
      zh: await pdfPages(base, `/scenarios/${zhId}/report.pdf?lang=zh`),
      en: await pdfPages(base, `/scenarios/${enId}/report.pdf?lang=en`),
      zhScenarioInEnglish: await pdfPages(base, `/scenarios/${zhId}/report.pdf?lang=en`),
    };

    const pages: [string, string][] = [
      ["list", "/"],
      ["new", "/scenarios/new"],
      ["plan", `/scenarios/${zhId}`],
      ["edit", `/scenarios/${zhId}/edit`],
      ["share", zhShare],
      ["compare", `/compare?ids=${zhId}&ids=${enId}`],
      ["settings", "/settings"],
    ];
    const axeOut: Record<string, unknown> = {};
    for (const lang of ["zh", "en"] as const) {
      for (const [name, path] of pages) {
        const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: lang === "zh" ? "zh-CN" : "en-US" });
        const page = await context.newPage();
        await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        await page.waitForLoadState("networkidle");
        axeOut[`${name} ${lang}`] = await axe(page);
        await context.close();
      }
    }
    out.axe = axeOut;
  } finally {
    await browser.close();
    await server.stop();
  }
  const json = JSON.stringify(out, null, 2);
  if (process.argv[2]) writeFileSync(process.argv[2], json + "\n");
  console.log(json);
}

await main();
