// Measures what issue 11 item 6 (the workshop) is judged by, on whatever build is in <root>/build: on the value ×
// feasibility matrix, how many of four scenarios with overlapping scores can be seen and are labelled (desktop and
// phone), and which currencies the compare table mixes. Not a test: a tool for before/after figures.
// Usage (after `npm run build` in the checkout to measure):
//   npx tsx test/e2e/measure-workshop.ts [root] [out.json]
// It creates its own scenarios in a throwaway database through the JSON API.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { startBuiltServer } from "../support/built-server";

const root = process.argv[2] ?? new URL("../..", import.meta.url).pathname;
const out = process.argv[3];

interface Template {
  id: string;
  input: Record<"zh" | "en", Record<string, unknown>>;
}
const templates: Template[] = (() => {
  const raw = JSON.parse(readFileSync(join(root, "data/templates.json"), "utf8"));
  return Array.isArray(raw) ? raw : raw.templates;
})();
const tpl = (id: string, locale: "zh" | "en", title?: string) => {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return { ...t.input[locale], ...(title ? { title } : {}) };
};

/** Four options whose scores overlap in two identical pairs (a what-if copy of each), as in a real workshop. */
const OVERLAPPING = [
  tpl("ticket-classification", "en", "Support-ticket classification"),
  tpl("ticket-classification", "en", "Support-ticket classification (what-if)"),
  tpl("text-to-sql-analytics", "en", "Plain-language analytics"),
  tpl("text-to-sql-analytics", "en", "Plain-language analytics (what-if)"),
];
/** The review's mixed set: English (US$) and Chinese (CN¥) plans side by side. */
const MIXED = [
  tpl("ticket-classification", "en", "Support-ticket classification"),
  tpl("medical-record-summary", "en"),
  tpl("art-studio-comments", "zh"),
];

async function create(base: string, body: object): Promise<string> {
  const r = await fetch(`${base}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`POST /api/scenarios → ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

interface MatrixFigures {
  kind: "svg" | "canvas";
  scenarios: number;
  /** Scenarios with a mark of their own that nothing else covers. */
  visible: number;
  /** Scenarios with a text label drawn on the chart (a legend does not count). */
  labelled: number;
  /** Pairs of labels whose boxes intersect. */
  labelOverlaps: number;
  /** Smallest label font size in CSS pixels, as rendered. */
  minLabelPx: number | null;
}

/** Canvas (chart.js) matrix: counts round dots per palette colour in the pixels (legend boxes are not round). */
async function measureCanvas(page: Page, n: number): Promise<MatrixFigures> {
  const dots = await page.evaluate((count) => {
    const canvas = document.querySelector('[data-chart="matrix"] canvas') as HTMLCanvasElement | null;
    if (!canvas) return -1;
    const palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
      .slice(0, count)
      .map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const ctx = canvas.getContext("2d")!;
    const { width, height } = canvas;
    const data = ctx.getImageData(0, 0, width, height).data;
    let seen = 0;
    for (const [r, g, b] of palette) {
      const mask = new Uint8Array(width * height);
      for (let i = 0; i < width * height; i++)
        if (Math.abs(data[i * 4] - r) < 6 && Math.abs(data[i * 4 + 1] - g) < 6 && Math.abs(data[i * 4 + 2] - b) < 6) mask[i] = 1;
      // Connected components; a dot is about as wide as it is tall, a legend swatch is not.
      let round = false;
      for (let i = 0; i < mask.length && !round; i++) {
        if (!mask[i]) continue;
        const stack = [i];
        mask[i] = 0;
        let minX = width,
          maxX = 0,
          minY = height,
          maxY = 0,
          size = 0;
        while (stack.length) {
          const p = stack.pop()!;
          const x = p % width,
            y = (p - x) / width;
          size++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
          for (const q of [p - 1, p + 1, p - width, p + width])
            if (q >= 0 && q < mask.length && mask[q]) {
              mask[q] = 0;
              stack.push(q);
            }
        }
        const w = maxX - minX + 1,
          h = maxY - minY + 1;
        if (size > 40 && Math.abs(w - h) <= Math.max(3, 0.25 * w)) round = true;
      }
      if (round) seen++;
    }
    return seen;
  }, n);
  return { kind: "canvas", scenarios: n, visible: Math.max(0, dots), labelled: 0, labelOverlaps: 0, minLabelPx: null };
}

/** SVG matrix: bubbles and labels are elements; visibility is what the browser hit-tests at each bubble's centre. */
async function measureSvg(page: Page, n: number): Promise<MatrixFigures> {
  return page.evaluate((count) => {
    const svg = Array.from(document.querySelectorAll("svg[data-matrix]")).find(
      (s) => (s as SVGSVGElement).getBoundingClientRect().width > 0,
    ) as SVGSVGElement;
    const bubbles = Array.from(svg.querySelectorAll("[data-bubble]")) as SVGGraphicsElement[];
    const labels = Array.from(svg.querySelectorAll("[data-label]")) as SVGGraphicsElement[];
    let visible = 0;
    for (const b of bubbles) {
      b.scrollIntoView({ block: "center" });
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit && (hit === b || b.contains(hit))) visible++;
    }
    window.scrollTo(0, 0);
    const boxes = labels.map((l) => l.getBoundingClientRect());
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i],
          b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
      }
    const sizes = labels.flatMap((l) =>
      Array.from(l.querySelectorAll("text")).map((t) => parseFloat(getComputedStyle(t).fontSize) * (svg.getScreenCTM()?.a ?? 1)),
    );
    return {
      kind: "svg" as const,
      scenarios: count,
      visible,
      labelled: new Set(labels.map((l) => l.getAttribute("data-label"))).size,
      labelOverlaps: overlaps,
      minLabelPx: sizes.length ? Math.round(Math.min(...sizes) * 10) / 10 : null,
    };
  }, n);
}

async function matrix(page: Page, url: string, n: number): Promise<MatrixFigures> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(800);
  return (await page.locator("svg[data-matrix]").count()) > 0 ? measureSvg(page, n) : measureCanvas(page, n);
}

const CURRENCY = /US\$|CN¥|¥|\$|美元|元|USD|CNY/g;

async function compareCurrencies(page: Page, url: string): Promise<Record<string, string[]>> {
  await page.goto(url);
  return page.evaluate((src) => {
    const re = new RegExp(src, "g");
    const rows: Record<string, string[]> = {};
    for (const tr of Array.from(document.querySelectorAll('[data-testid="compare-table"] tbody tr'))) {
      const label = tr.querySelector("th")?.textContent?.trim() ?? "";
      const found = new Set<string>();
      for (const td of Array.from(tr.querySelectorAll("td")))
        for (const m of (td.textContent ?? "").match(re) ?? []) found.add(m === "$" ? "US$" : m === "¥" ? "CN¥" : m);
      if (found.size) rows[label] = [...found];
    }
    return rows;
  }, CURRENCY.source);
}

async function main() {
  const server = await startBuiltServer({ root });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const overlapping = [];
    for (const s of OVERLAPPING) overlapping.push(await create(server.url, s));
    const mixed = [];
    for (const s of MIXED) mixed.push(await create(server.url, s));
    const q = (ids: string[]) => ids.map((id) => `ids=${id}`).join("&");
    const result: Record<string, unknown> = { root };
    for (const [name, viewport] of Object.entries({ desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } })) {
      for (const lang of ["en", "zh"]) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        result[`matrix.${name}.${lang}`] = await matrix(page, `${server.url}/compare?${q(overlapping)}&lang=${lang}`, overlapping.length);
        await context.close();
      }
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    result["compare.mixed.en"] = await compareCurrencies(page, `${server.url}/compare?${q(mixed)}&lang=en`);
    result["compare.note.en"] = (await page.locator("[data-testid=money-note]").count())
      ? await page.locator("[data-testid=money-note]").textContent()
      : null;
    result["compare.mixed.zh"] = await compareCurrencies(page, `${server.url}/compare?${q(mixed)}&lang=zh`);
    await context.close();
    console.log(JSON.stringify(result, null, 2));
    if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
