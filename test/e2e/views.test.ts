// Issue 11 in the browser: the bottom line in the first screen on a laptop and a phone, the assumptions editor's
// errors with and without JavaScript, charts as images without JavaScript, a table of contents on phones, the
// Chinese view in Chinese, and no serious or critical axe-core violation on any page.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, skipReason, unpinHeader } from "./browser";
import {
  ART_STUDIO_FREE_TEXT,
  createViaApi,
  DESKTOP,
  describeViolations,
  DISPATCH_EN,
  hydrated,
  inFirstScreen,
  newPage as openPage,
  PHONE,
  seriousViolations,
  type PageOptions,
} from "./pages";

const SCREENSHOTS = new URL(
  process.env.TIERWISE_SCREENSHOTS === "docs" ? "../../docs/screenshots/" : "../../test-results/screenshots/",
  import.meta.url,
).pathname;

let browser: Browser;
let zhId: string;
let enId: string;
let zhShare: string;

async function shareOf(id: string): Promise<string> {
  const page = await openPage(browser);
  await page.goto(`${baseUrl}/scenarios/${id}`);
  await hydrated(page);
  await page.getByTestId("share-create").click();
  await page.waitForURL(/shared=/);
  const href = new URL((await page.getByTestId("share-url").first().getAttribute("href"))!).pathname;
  await page.context().close();
  return href;
}

beforeAll(async () => {
  if (skipReason) return;
  browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
  zhId = await createViaApi(ART_STUDIO_FREE_TEXT);
  enId = await createViaApi(DISPATCH_EN);
  zhShare = await shareOf(zhId);
});
afterAll(async () => {
  await browser?.close();
});

const newPage = (opts: PageOptions = {}) => openPage(browser, opts);

async function open(path: string, opts: PageOptions = {}): Promise<Page> {
  const page = await newPage(opts);
  await page.goto(`${baseUrl}${path}`);
  if (opts.javaScriptEnabled !== false) await hydrated(page);
  return page;
}

describe.skipIf(Boolean(skipReason))("the bottom line first", () => {
  for (const [device, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    for (const lang of ["zh", "en"] as const) {
      it(`puts the verdict, its answer, the ask and the break-even in the first screen (${device}, ${lang})`, async () => {
        const id = lang === "zh" ? zhId : enId;
        const page = await open(`/scenarios/${id}?lang=${lang}`, { viewport, locale: lang === "zh" ? "zh-CN" : "en-US" });
        for (const sel of ['[data-testid="verdict-card"]', '[data-testid="answer"]', '[data-testid="ask"]', '[data-figure="breakEven"]']) {
          expect(await inFirstScreen(page, sel), `${sel} in the first screen`).toBe(true);
        }
        // On a laptop the whole bottom line is there: the risks and the next step too.
        if (device === "desktop")
          for (const sel of ['[data-testid="top-risks"]', '[data-testid="next-step"]'])
            expect(await inFirstScreen(page, sel), sel).toBe(true);
        const answer = (await page.getByTestId("answer").textContent()) ?? "";
        expect(answer).toMatch(lang === "zh" ? /[\u4e00-\u9fff].*[¥$]/ : /weeks.*\$|\$.*weeks/);
        expect(await page.getByTestId("top-risks").locator("li").count()).toBeGreaterThan(0);
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${SCREENSHOTS}plan-top-${lang}-${device}.png` });
        await page.context().close();
      });
    }
  }

  it("heads the share page with the same bottom line, dated and versioned", async () => {
    const page = await open(`${zhShare}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    expect(await inFirstScreen(page, '[data-testid="verdict-card"]')).toBe(true);
    expect(await inFirstScreen(page, '[data-figure="breakEven"]')).toBe(true);
    // In the reader's time zone, once the browser has reported it.
    await expect.poll(() => page.getByTestId("stamp").textContent()).toMatch(/第 1 版 · 保存于 .*（UTC\+8）/);
    await page.screenshot({ path: `${SCREENSHOTS}share-top-zh-desktop.png` });
    await page.context().close();
  });

  it("marks headline figures that rest on assumed figures, and links each to the assumption", async () => {
    const page = await open(`/scenarios/${zhId}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    const chip = page.locator('[data-figure="breakEven"] [data-testid="assumed-chip"]');
    expect(await chip.count()).toBe(1);
    await chip.locator("summary").click();
    const links = chip.locator("a");
    expect(await links.count()).toBeGreaterThan(0);
    // The assumed figure that moves the money most first: the default acquisition cost, then conversion and reach.
    expect(await links.first().textContent()).toMatch(/获客成本|付费转化率|月触达人数/);
    await links.first().click();
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${target}"]`).getAttribute("data-assumption")).toBeTruthy();
    await page.context().close();
  });
});

describe.skipIf(Boolean(skipReason))("versions you can point at", () => {
  it("keeps a pinned share link on its version after a new one is saved, says a newer one exists, and offers 'always the latest'", async () => {
    const id = await createViaApi(DISPATCH_EN);
    const owner = await open(`/scenarios/${id}?lang=en`, { viewport: DESKTOP });
    await owner.getByTestId("share-create").click();
    await owner.waitForURL(/shared=/);
    await hydrated(owner);
    await owner.getByTestId("share-latest").check();
    await owner.getByTestId("share-create").click();
    await expect.poll(() => owner.locator('[data-testid="share-links"] tbody tr').count()).toBe(2);
    const pinnedUrl = (await owner.locator('tr[data-share-version="1"] [data-testid="share-url"]').getAttribute("href"))!;
    const latestUrl = (await owner.locator('tr[data-share-version="latest"] [data-testid="share-url"]').getAttribute("href"))!;
    // A new version: the first driver doubled in the editor.
    const input = owner.locator('[data-group="drivers"] input').first();
    await input.fill(String(Number((await input.inputValue()).replace(/,/g, "")) * 2));
    await owner.getByTestId("save-assumptions").click();
    await owner.waitForURL(/saved=2/);
    await owner.context().close();

    const reader = await open(new URL(pinnedUrl).pathname, { viewport: DESKTOP });
    expect(await reader.getByTestId("stamp").textContent()).toMatch(/^v1 · saved/);
    expect(await reader.getByTestId("newer-version").textContent()).toMatch(/version 1, saved .* A newer version \(v2\) exists/);
    // The PDF from the pinned link is of version 1 too.
    expect(await reader.getByTestId("pdf-link").getAttribute("href")).toMatch(/report\.pdf/);
    await reader.goto(`${baseUrl}${new URL(latestUrl).pathname}`);
    expect(await reader.getByTestId("stamp").textContent()).toMatch(/^v2 · saved/);
    expect(await reader.getByTestId("follows-latest").count()).toBe(1);
    expect(await reader.getByTestId("newer-version").count()).toBe(0);
    await reader.context().close();
  });
});

describe.skipIf(Boolean(skipReason))("the PDF button", () => {
  it("with JavaScript, says the PDF is being prepared, then hands over the file and says so", async () => {
    const page = await open(`/scenarios/${zhId}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    // The real PDF from the server, held until the busy state has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    await page.route("**/report.pdf*", async (route) => {
      requests += 1;
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const download = page.waitForEvent("download");
    const link = page.getByTestId("pdf-link");
    await link.click();
    await expect.poll(() => link.getAttribute("aria-busy")).toBe("true");
    expect(await link.textContent()).toBe("正在生成 PDF…");
    expect(await page.getByTestId("pdf-link-status").textContent()).toBe("正在生成 PDF…");
    // A second click while it works starts nothing new (the link is aria-disabled: click it regardless).
    await link.click({ force: true });
    release();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-zh\.pdf$/);
    const { readFileSync } = await import("node:fs");
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await expect.poll(() => page.getByTestId("pdf-link-status").textContent()).toBe("PDF 已下载。");
    expect(await link.getAttribute("aria-busy")).toBeNull();
    expect(await link.textContent()).toBe("下载 PDF");
    expect(requests).toBe(1);
    await page.context().close();
  });

  it("with JavaScript, a busy server is said in words with when to retry, beside the button", async () => {
    const page = await open(`${zhShare}?lang=en`, { viewport: DESKTOP });
    // The server's documented answer when its render queue is full (test/report-busy.test.ts meets the real one).
    await page.route("**/report.pdf*", (route) =>
      route.fulfill({
        status: 503,
        headers: { "retry-after": "7", "content-type": "application/json" },
        body: '{"errors":[{"path":"","message":"busy"}]}',
      }),
    );
    await page.getByTestId("pdf-link").click();
    await expect
      .poll(() => page.getByTestId("pdf-link-status").textContent())
      .toBe("The server is busy preparing other exports: try again in 7 s.");
    expect(await page.getByTestId("pdf-link-status").isVisible()).toBe(true);
    expect(await page.getByTestId("pdf-link").getAttribute("aria-busy")).toBeNull();
    // The export rate limit (429) is said as such.
    await page.unroute("**/report.pdf*");
    await page.route("**/report.pdf*", (route) =>
      route.fulfill({ status: 429, headers: { "retry-after": "30", "content-type": "application/json" }, body: '{"errors":[]}' }),
    );
    await page.getByTestId("pdf-link").click();
    await expect
      .poll(() => page.getByTestId("pdf-link-status").textContent())
      .toBe("Many exports were asked for in a short time: try again in 30 s.");
    await page.context().close();
  });

  it("without JavaScript, is a plain link, and a busy server brings the reader back to the page with a notice", async () => {
    const page = await open(`/scenarios/${zhId}?lang=zh&v=1&pdf=busy&retry=7`, {
      viewport: DESKTOP,
      locale: "zh-CN",
      javaScriptEnabled: false,
    });
    expect(await page.getByTestId("pdf-link").getAttribute("href")).toBe(`/scenarios/${zhId}/report.pdf?lang=zh&v=1`);
    const notice = page.getByTestId("pdf-busy");
    expect(await notice.textContent()).toBe("PDF 暂时无法生成：服务器正在处理其他导出。请 7 秒后再试：下载 PDF");
    expect(await notice.locator("a").getAttribute("href")).toBe(`/scenarios/${zhId}/report.pdf?lang=zh&v=1`);
    expect(await inFirstScreen(page, '[data-testid="pdf-busy"]')).toBe(true);
    await page.context().close();
  });
});

describe.skipIf(Boolean(skipReason))("the assumptions editor", () => {
  it("without JavaScript, an unreadable value keeps the page, names the field beside it, takes focus there, and saves nothing", async () => {
    const id = await createViaApi(ART_STUDIO_FREE_TEXT);
    const page = await open(`/scenarios/${id}?lang=zh`, { javaScriptEnabled: false, viewport: DESKTOP, locale: "zh-CN" });
    const row = page.locator('[data-group="drivers"] [data-assumption]').first();
    const key = (await row.getAttribute("data-assumption"))!;
    await row.locator("input").fill("3500(");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByTestId("save-assumptions").click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState("load");
    expect(page.url()).not.toMatch(/saved=/);
    expect(await page.getByTestId("saved-notice").count()).toBe(0);
    const summary = page.getByTestId("assumption-errors");
    expect(await summary.textContent()).toMatch(/未保存/);
    const anchor = `a-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    expect(await page.locator(`#${anchor}-error`).textContent()).toBe("必须是数字");
    expect(await page.locator(`#${anchor}-input`).inputValue()).toBe("3500(");
    // Focus is on the field in error, and it is on screen.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${anchor}-input`);
    const box = await page.locator(`#${anchor}-input`).boundingBox();
    expect(box && box.y >= 0 && box.y < DESKTOP.height).toBe(true);
    const versions = (await (await fetch(`${baseUrl}/api/scenarios/${id}`)).json()) as { latestVersion: number };
    expect(versions.latestVersion).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}assumption-error-nojs-zh.png` });
    await page.context().close();
  });

  it('with JavaScript, moves focus to the field in error; accepts values as typed ("4%", "¥1.5万") and keeps the reader in place', async () => {
    const id = await createViaApi(ART_STUDIO_FREE_TEXT);
    const page = await open(`/scenarios/${id}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    const share = page.locator('[data-assumption="finance.conversionRate"]');
    await share.scrollIntoViewIfNeeded();
    await share.locator("input").fill("four");
    await page.getByTestId("save-assumptions").click();
    await page.getByTestId("assumption-errors").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("a-finance-conversionRate-input");
    await share.locator("input").fill("4%");
    await page.getByTestId("save-assumptions").click();
    await page.waitForURL(/saved=2/);
    const saved = (await (await fetch(`${baseUrl}/api/scenarios/${id}`)).json()) as { input: { assumptions: Record<string, number> } };
    expect(saved.input.assumptions["finance.conversionRate"]).toBe(0.04);
    // The edited row is on screen after the save.
    const box = await page.locator('[data-assumption="finance.conversionRate"]').boundingBox();
    expect(box && box.y > -50 && box.y < DESKTOP.height).toBe(true);
    await unpinHeader(page);
    await page.locator('[data-group="drivers"]').screenshot({ path: `${SCREENSHOTS}assumptions-editor-zh.png` });
    await page.context().close();
  });

  it("groups what is not a key driver, and keeps the simulation settings under advanced", async () => {
    const page = await open(`/scenarios/${enId}?lang=en`, { viewport: DESKTOP });
    const groups = await page
      .locator(".assumption-group")
      .evaluateAll((els) => els.map((e) => ({ id: e.getAttribute("data-group"), open: (e as HTMLDetailsElement).open })));
    expect(groups[0]).toEqual({ id: "drivers", open: true });
    expect(groups.filter((g) => g.open)).toHaveLength(1);
    expect(groups.at(-1)?.id).toBe("advanced");
    expect(await page.locator('[data-group="advanced"] [data-assumption="finance.monteCarloSeed"]').count()).toBe(1);
    // A self-hosting or fine-tuning figure has no row in an API prompting plan.
    expect(await page.locator('[data-assumption="compute.fineTuneMfu"]').count()).toBe(0);
    await page.context().close();
  });
});

describe.skipIf(Boolean(skipReason))("every device and every reader", () => {
  it("gives phones a table of contents and laptops the side one", async () => {
    const phone = await open(`/scenarios/${zhId}?lang=zh`, { viewport: PHONE, locale: "zh-CN" });
    expect(await phone.locator("details.toc-mobile").isVisible()).toBe(true);
    expect(await phone.locator("nav.toc").isVisible()).toBe(false);
    await phone.locator("details.toc-mobile summary").click();
    await phone.locator('details.toc-mobile a[href="#q6"]').click();
    expect(new URL(phone.url()).hash).toBe("#q6");
    await phone.context().close();
    const desk = await open(`/scenarios/${zhId}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    expect(await desk.locator("nav.toc").isVisible()).toBe(true);
    expect(await desk.locator("details.toc-mobile").isVisible()).toBe(false);
    await desk.context().close();
  });

  it("draws every chart as an image when JavaScript is off", async () => {
    const page = await open(`/scenarios/${zhId}?lang=zh`, { javaScriptEnabled: false, viewport: DESKTOP, locale: "zh-CN" });
    for (const chart of ["radar", "gantt", "cost", "cashflow", "tornado"]) {
      const img = page.locator(`figure[data-chart="${chart}"] img`);
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), { timeout: 20_000 })
        .toBeGreaterThan(300);
    }
    await page.locator('figure[data-chart="cashflow"]').screenshot({ path: `${SCREENSHOTS}chart-nojs-zh.png` });
    await page.context().close();
  });

  it("shows the Chinese plan in Chinese: English only where a source is quoted, and marked as such", async () => {
    const page = await open(`/scenarios/${zhId}?lang=zh`, { viewport: DESKTOP, locale: "zh-CN" });
    // Open every disclosure so hidden text counts too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const english = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? "").trim();
        const el = n.parentElement!;
        if (el.closest('[lang]:not([lang^="zh"]), code, script, style, .source-ref')) continue;
        // Three English words in a row, with no Chinese around them: a sentence left untranslated.
        if (/[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{3,}/.test(text) && !/[\u4e00-\u9fff]/.test(text)) out.push(text.slice(0, 80));
      }
      return out;
    });
    expect(english).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(Boolean(skipReason))("accessibility (axe-core)", () => {
  const pages = () => [
    ["list", "/"],
    ["new", "/scenarios/new"],
    ["plan", `/scenarios/${zhId}`],
    ["plan-en", `/scenarios/${enId}`],
    ["edit", `/scenarios/${zhId}/edit`],
    ["share", zhShare],
    ["compare", `/compare?ids=${zhId}&ids=${enId}`],
    ["settings", "/settings"],
  ];
  for (const lang of ["zh", "en"] as const) {
    it(`finds no serious or critical violation on any page (${lang}, desktop)`, { timeout: 300_000 }, async () => {
      const found: string[] = [];
      for (const [name, path] of pages()) {
        const page = await open(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, {
          viewport: DESKTOP,
          locale: lang === "zh" ? "zh-CN" : "en-US",
        });
        const v = await seriousViolations(page);
        if (v.length) found.push(`${name}:\n${describeViolations(v)}`);
        await page.context().close();
      }
      expect(found.join("\n")).toBe("");
    });
  }

  it("finds none on the plan and share pages on a phone, and none on the editor's error state", { timeout: 240_000 }, async () => {
    const found: string[] = [];
    for (const path of [`/scenarios/${zhId}?lang=zh`, `${zhShare}?lang=en`]) {
      const page = await open(path, { viewport: PHONE });
      const v = await seriousViolations(page);
      if (v.length) found.push(`${path}:\n${describeViolations(v)}`);
      await page.context().close();
    }
    const page = await open(`/scenarios/${zhId}?lang=en`, { viewport: DESKTOP });
    await page.locator('[data-group="drivers"] input').first().fill("oops");
    await page.getByTestId("save-assumptions").click();
    await page.getByTestId("assumption-errors").waitFor();
    const v = await seriousViolations(page);
    if (v.length) found.push(`error page:\n${describeViolations(v)}`);
    await page.context().close();
    expect(found.join("\n")).toBe("");
  });
});

describe.skipIf(!skipReason)("browser tests (views)", () => {
  it.skip(`skipped: ${skipReason}`, () => undefined);
});
