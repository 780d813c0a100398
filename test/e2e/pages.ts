// Shared steps of the browser tests: a fresh context per person, scenarios made through the page or the API, and
// accessibility checks with axe-core (injected through the DevTools protocol, so a page's CSP cannot block it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { baseUrl } from "./browser";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** The review's two journeys: the course's art studio (free text, Chinese) and an internal dispatch assistant. */
export const ART_STUDIO_FREE_TEXT = {
  description:
    "我们是一家美术培训机构，想做一个给学生作品自动写评语的工具，老师审核后发给家长。目前有大约2000条老师写过的评语。已有1000多位老师愿意每月付几十元。",
  locale: "zh",
};
export const DISPATCH_EN = {
  title: "Carrier email drafts",
  description:
    "An internal assistant that drafts replies to carrier emails for our 30 dispatchers at a B2B logistics company. Each dispatcher handles about 30 emails a day; replies are sent only after a dispatcher reviews them.",
  locale: "en",
};

export interface PageOptions {
  javaScriptEnabled?: boolean;
  locale?: "en-US" | "zh-CN";
  viewport?: { width: number; height: number };
  timezoneId?: string;
}

/** A fresh context per flow: its own cookies, like a separate person. Page errors fail the test. */
export async function newPage(browser: Browser, opts: PageOptions = {}): Promise<Page> {
  const phone = opts.viewport?.width === PHONE.width;
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 1000 },
    locale: opts.locale ?? "en-US",
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    timezoneId: opts.timezoneId ?? "Asia/Shanghai",
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  return page;
}

/** The app is hydrated once React has attached; clicks before that would be plain navigations. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  // The root reports the reader's time zone once, then reloads its data: wait for that to settle too.
  await page.waitForFunction(() => document.cookie.includes("tw_tz="));
  await page.waitForLoadState("networkidle");
}

export async function createViaApi(body: object): Promise<string> {
  const r = await fetch(`${baseUrl}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

export async function createFromTemplate(page: Page, index = 0, lang: "en" | "zh" = "en"): Promise<string> {
  await page.goto(`${baseUrl}/scenarios/new?lang=${lang}`);
  await hydrated(page);
  const templates = page.locator("[data-template]");
  expect(await templates.count()).toBeGreaterThan(0);
  await templates.nth(index).click();
  await page.waitForURL(/template=/);
  await expect.poll(() => page.locator('textarea[name="description"]').inputValue()).not.toBe("");
  await page.getByTestId("submit-scenario").click();
  await page.waitForURL(/\/scenarios\/[a-z0-9]{12}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ resultTypes: ["violations"] }),
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable summary for a failing assertion: rule, impact and the first elements it flagged. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    )
    .join("\n");
}

/** Whether the element's box lies wholly inside the first screen (the viewport at scroll 0). */
export async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    window.scrollTo(0, 0);
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 0.5;
  }, selector);
}
