import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, skipReason, unpinHeader } from "./browser";
import { createFromTemplate, hydrated, newPage as openPage, type PageOptions } from "./pages";

// Screenshots go to the git-ignored test-results/ so that a test run leaves the tree clean. The committed ones in
// docs/screenshots are refreshed on purpose only: `TIERWISE_SCREENSHOTS=docs npx vitest run --config vitest.e2e.config.ts`.
const SCREENSHOTS = new URL(
  process.env.TIERWISE_SCREENSHOTS === "docs" ? "../../docs/screenshots/" : "../../test-results/screenshots/",
  import.meta.url,
).pathname;

let browser: Browser;

beforeAll(async () => {
  if (!skipReason) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const newPage = (opts: PageOptions = {}) => openPage(browser, opts);

/** Every chart's canvas got drawn: chart.js sets its pixel size once it renders. */
async function drawnCanvases(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelectorAll(".chart__canvas canvas").length > 0);
  return page.evaluate(
    () =>
      Array.from(document.querySelectorAll(".chart__canvas canvas")).filter(
        (c) => (c as HTMLCanvasElement).width > 0 && (c as HTMLCanvasElement).height > 0,
      ).length,
  );
}

/**
 * The profile table lists every fact by its label with a formatted value (never a raw key or "null"), the business
 * facts included; reasons that rest on defaults say which.
 */
async function checkProfileAndAssumed(page: Page, lang: "en" | "zh", shot: string) {
  const table = page.getByTestId("profile-table");
  const rows = table.locator("tbody tr");
  await expect.poll(() => rows.count()).toBeGreaterThan(10);
  const facts = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute("data-fact") ?? "",
      cells: Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""),
    })),
  );
  expect(facts.map((f) => f.key)).toEqual(expect.arrayContaining(["stakes", "pricePerUserMonth", "adoptionRate", "salesCycleMonths"]));
  for (const f of facts) {
    expect(f.cells[0], f.key).not.toBe(f.key);
    expect(f.cells[0], f.key).not.toMatch(/[a-z][A-Z]/);
    expect(f.cells[1], f.key).not.toMatch(/\bnull\b|undefined|NaN/);
    if (lang === "zh") expect(f.cells[0], f.key).toMatch(/[\u4e00-\u9fff]/);
  }
  const assumed = page.getByTestId("reason-assumed");
  if ((await assumed.count()) > 0) {
    const first = (await assumed.first().textContent()) ?? "";
    expect(first).toMatch(lang === "zh" ? /（默认值）/ : /\(default\)/);
    expect(first).not.toMatch(/[a-z][A-Z]/);
  }
  await unpinHeader(page);
  await page.locator("#profile").screenshot({ path: `${SCREENSHOTS}${shot}` });
}

describe.skipIf(Boolean(skipReason))("the web app in Chromium", () => {
  it("creates a scenario from a template and shows the bottom line, the six questions and the charts", async () => {
    const page = await newPage();
    const id = await createFromTemplate(page);
    await hydrated(page);
    await expect.poll(() => page.getByTestId("verdict").textContent()).toMatch(/Go|Pilot first|Rethink|No-go/);
    expect(await page.getByTestId("answer").textContent()).toMatch(/weeks/);
    expect(await page.locator("#q1 .reasons li").count()).toBeGreaterThan(0);
    expect(await drawnCanvases(page)).toBeGreaterThanOrEqual(5);
    for (const chart of ["radar", "gantt", "cost", "cashflow", "tornado"]) {
      expect(await page.locator(`figure[data-chart="${chart}"] figcaption`).textContent(), chart).toBeTruthy();
    }
    // The list shows it too.
    await page.goto(`${baseUrl}/`);
    expect(await page.locator(`[data-scenario="${id}"]`).count()).toBe(1);
    await page.context().close();
  });

  it("recomputes the plan when an assumption is edited, says what changed in words, and keeps both versions", async () => {
    const page = await newPage();
    const id = await createFromTemplate(page, 1);
    await hydrated(page);
    // The first of the drivers that move the money most.
    const row = page.locator('[data-group="drivers"] [data-assumption]').first();
    const key = (await row.getAttribute("data-assumption"))!;
    const input = row.locator("input");
    const before = await input.inputValue();
    const doubled = String(Number(before.replace(/,/g, "")) * 2);
    await input.fill(doubled);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.getByTestId("save-assumptions").click();
    await page.waitForURL(/saved=2/);
    const notice = page.getByTestId("saved-notice");
    await expect.poll(() => notice.textContent()).toContain("2");
    // The changes in words, with formatted figures: "label: before → after".
    const changes = await page.getByTestId("saved-changes").locator("li").allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c).toMatch(/^.+: .+ → .+$/);
    // The reader stays in the editor: the page did not jump back to the top.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(Math.min(scrollBefore, 1000) - 1);
    expect(await page.locator(`[data-assumption="${key}"] input`).inputValue()).toBe(doubled.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    expect(await page.getByTestId("diff-inputs").textContent()).toContain("→");
    expect(await page.locator("[data-testid=versions-table] tbody tr").count()).toBe(2);
    expect(await page.locator(`[data-testid=plan-page]`).getAttribute("data-version")).toBe("2");
    // The exports follow the version on screen.
    await page.goto(`${baseUrl}/scenarios/${id}?v=1`);
    expect(await page.locator(`[data-assumption="${key}"] input`).inputValue()).toBe(before);
    expect(await page.getByTestId("pdf-link").getAttribute("href")).toMatch(/[?&]v=1\b/);
    expect(await page.getByTestId("md-link").getAttribute("href")).toMatch(/[?&]v=1\b/);
    await page.context().close();
  });

  it("lands saves from two tabs at once as two versions", async () => {
    const first = await newPage();
    const id = await createFromTemplate(first, 2);
    const second = await first.context().newPage();
    await second.goto(`${baseUrl}/scenarios/${id}`);
    await Promise.all([hydrated(first), hydrated(second)]);
    const name = await first.locator("input[name^='a:']").first().getAttribute("name");
    const value = Number((await first.locator(`input[name="${name}"]`).inputValue()).replace(/,/g, ""));
    await first.locator(`input[name="${name}"]`).fill(String(value + 1));
    await second.locator(`input[name="${name}"]`).fill(String(value + 2));
    await Promise.all([first.getByTestId("save-assumptions").click(), second.getByTestId("save-assumptions").click()]);
    await Promise.all([first.waitForURL(/saved=/), second.waitForURL(/saved=/)]);
    await first.goto(`${baseUrl}/scenarios/${id}`);
    expect(await first.locator("[data-testid=versions-table] tbody tr").count()).toBe(3);
    await first.context().close();
  });

  it("compares two scenarios side by side with the value × feasibility matrix", async () => {
    const page = await newPage();
    await createFromTemplate(page, 3);
    await page.goto(`${baseUrl}/`);
    await hydrated(page);
    const boxes = page.locator('input[name="ids"]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId("compare-selected").click();
    await page.waitForURL(/\/compare\?ids=.+&ids=/);
    await page.waitForSelector("[data-testid=compare-table]");
    expect(await page.locator("[data-testid=compare-table] thead th").count()).toBe(3);
    expect(await page.locator("[data-testid=matrix] svg[data-matrix]").count()).toBe(2);
    await page.context().close();
  });

  it("opens a share link read-only in a fresh context, as the brief plus the supporting sections, and not after it is revoked", async () => {
    const owner = await newPage();
    await createFromTemplate(owner, 0);
    await hydrated(owner);
    await owner.getByTestId("share-create").click();
    await owner.waitForURL(/shared=/);
    const url = await owner.getByTestId("share-url").first().getAttribute("href");
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{40,}$/);

    const reader = await newPage();
    await reader.goto(url!);
    await hydrated(reader);
    expect(await reader.getByTestId("share-page").count()).toBe(1);
    expect(await reader.getByTestId("verdict").textContent()).toBeTruthy();
    expect(await reader.getByTestId("stamp").textContent()).toMatch(/v1 · saved/);
    expect(await reader.locator("form").count()).toBe(0);
    expect(await reader.locator("input, textarea, select, button[type=submit]").count()).toBe(0);
    expect(await reader.locator('nav[aria-label] a[href="/scenarios/new"]').count()).toBe(0);
    // A reader's view: no rule points, no internal keys.
    const text = (await reader.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/\+\d+ pts/);
    expect(text).not.toMatch(/finance\.[a-z]+[A-Z]/);

    await owner.getByTestId("share-revoke").first().click();
    // The owner's page shows the link as revoked once the action has run.
    await owner.getByTestId("share-revoke").waitFor({ state: "detached" });
    const gone = await reader.goto(url!);
    expect(gone?.status()).toBe(404);
    await owner.context().close();
    await reader.context().close();
  });

  it("switches to Chinese and remembers it, with the whole plan in Chinese", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await newPage();
    const id = await createFromTemplate(page, 0);
    await hydrated(page);
    await checkProfileAndAssumed(page, "en", "plan-profile-en.png");
    await page.getByTestId("lang-switch").click();
    await page.waitForURL(new RegExp(`/scenarios/${id}$`));
    await hydrated(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("#q1-title").textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('figure[data-chart="cashflow"] figcaption').textContent()).toMatch(/[\u4e00-\u9fff]/);
    // The cookie keeps the choice on the next page.
    await page.goto(`${baseUrl}/`);
    expect(await page.locator("h1").first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    // A scenario written in Chinese from the Chinese template.
    await createFromTemplate(page, 0, "zh");
    await hydrated(page);
    expect(await page.getByTestId("plan-title").textContent()).toMatch(/[\u4e00-\u9fff]/);
    await checkProfileAndAssumed(page, "zh", "plan-profile-zh.png");
    await page.context().close();
  });

  it("works without JavaScript: errors beside the field, typed input kept, then a plan", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/scenarios/new?lang=en`);
    await page.locator('input[name="title"]').fill("No-JS draft");
    await page.locator('textarea[name="description"]').fill("   ");
    await page.getByTestId("submit-scenario").click();
    await page.waitForLoadState("load");
    expect(await page.getByTestId("form-errors").count()).toBe(1);
    expect(await page.locator("#f-description-error").textContent()).toMatch(/required/);
    // The summary names the field, links to it, and has the focus.
    expect(await page.getByTestId("form-errors").locator('a[href="#f-description"]').textContent()).toMatch(/^Description: .*required/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("form-errors");
    expect(await page.locator('input[name="title"]').inputValue()).toBe("No-JS draft");
    await page
      .locator('textarea[name="description"]')
      .fill("Summarise weekly sales reports for store managers; a manager reviews every summary.");
    await page.getByTestId("submit-scenario").click();
    await page.waitForURL(/\/scenarios\/[a-z0-9]{12}$/);
    expect(await page.getByTestId("plan-title").textContent()).toBe("No-JS draft");
    // Every reason that rests on a default says which, in the words of the page.
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const plan = (await (await page.request.get(`${baseUrl}/scenarios/${id}/export.json`)).json()) as {
      feasibility: { reasons: { assumed?: string[] }[] };
    };
    const reasons = plan.feasibility.reasons;
    const assumed = page.getByTestId("reason-assumed");
    expect(await assumed.count()).toBe(reasons.filter((r) => r.assumed?.length).length);
    for (const text of await assumed.allTextContents()) {
      expect(text).toMatch(/^Assumed.*: .+ = .+ \(default\)/);
      expect(text).not.toMatch(/[a-z][A-Z]|\bnull\b/);
    }
    await page.context().close();
  });
});

describe.skipIf(!skipReason)("browser tests", () => {
  it.skip(`skipped: ${skipReason}`, () => undefined);
});
