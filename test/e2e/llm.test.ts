import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type FakeBehaviour, type FakeOpenAiServer } from "../helpers/fake-openai-server";

// The AI step in a real browser: the built app talks to our fake OpenAI-compatible server through the SDK.
// A starter of its own because the app must get OPENAI_API_KEY and OPENAI_BASE_URL pointing at the fake server.

const KEY = "sk-e2e-never-shown";
const DESCRIPTION = "画室老师每天要给学生的画作写评语，我们想用大模型生成初稿，老师修改后再发给家长。全国有 1000 多位老师付费使用。";

const answer = {
  facts: {
    industry: { value: "education", quotes: ["画室老师"] },
    market: null,
    tasks: { value: ["generation"], quotes: ["生成初稿"] },
    knowledge: null,
    stakes: { value: "medium", quotes: ["发给家长"] },
    humanReview: { value: "always", quotes: ["老师修改后再发给家长"] },
    deployment: null,
    replacesSystemOfRecord: null,
    labeledExamples: null,
    documents: null,
    chatLogs: null,
    preferencePairs: null,
    users: null,
    interactionsPerUserPerDay: null,
    feedbackMode: null,
    houseStyle: { value: true, quotes: ["评语"] },
    personalData: { value: true, quotes: ["学生的画作"] },
  },
  risks: ["评语千篇一律，家长不满意。"],
  narrative: ["这是 AI 写的第一段：画室老师需要为每幅作品写评语。"],
};

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

let fake: FakeOpenAiServer;
let app: ChildProcess;
let baseUrl: string;
let browser: Browser;
let dir: string;
let logs = "";

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  dir = mkdtempSync(join(tmpdir(), "tierwise-llm-e2e-"));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dir, "e2e.sqlite"),
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: fake.baseURL,
      TIERWISE_LLM_MODEL: "gpt-4o-mini",
      TIERWISE_LLM_TIMEOUT_MS: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (d) => (logs += d));
  app.stderr?.on("data", (d) => (logs += d));
  try {
    await waitForHealth(baseUrl, app, 240_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${logs.slice(-3000)}`);
  }
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
});

afterAll(async () => {
  await browser?.close();
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(lang: "zh" | "en"): Promise<Page> {
  const context = await browser.newContext({ locale: lang === "zh" ? "zh-CN" : "en-GB" });
  const page = await context.newPage();
  return page;
}

describe("the AI step in the browser", () => {
  it("settings show the provider without the key", async () => {
    const page = await newPage("en");
    await page.goto(`${baseUrl}/settings`);
    await expect(page.getByTestId("llm-status").textContent()).resolves.toMatch(/configured/);
    await expect(page.getByTestId("llm-host").textContent()).resolves.toBe(new URL(fake.baseURL).host);
    await expect(page.getByTestId("llm-model").textContent()).resolves.toBe("gpt-4o-mini");
    await expect(page.getByTestId("llm-format").textContent()).resolves.toMatch(/json_schema/);
    expect(await page.content()).not.toContain(KEY);
    await page.context().close();
  });

  it("shows progress, the proposed facts with their quotes, and saves the merged plan without paying twice", async () => {
    fake.requests.length = 0;
    fake.setDefault({ kind: "delay", ms: 1500, then: { kind: "json", body: answer } } satisfies FakeBehaviour);
    const page = await newPage("zh");
    await page.goto(`${baseUrl}/scenarios/new`);
    await page.locator('textarea[name="description"]').fill(DESCRIPTION);
    await page.getByTestId("ai-analyse").click();
    await page.getByTestId("ai-progress").waitFor({ state: "visible" });
    await page.getByTestId("ai-facts").waitFor({ state: "visible", timeout: 20_000 });
    expect(await page.getByTestId("ai-progress").count()).toBe(0);

    const personal = page.locator('[data-fact="personalData"]');
    await expect(personal.getAttribute("data-outcome")).resolves.toMatch(/applied|agreed/);
    await expect(personal.locator("q").first().textContent()).resolves.toBe("学生的画作");
    await expect(page.locator('[data-fact="humanReview"] q').first().textContent()).resolves.toBe("老师修改后再发给家长");
    await expect(page.getByTestId("ai-usage").textContent()).resolves.toMatch(/gpt-4o-mini/);
    expect(fake.requests).toHaveLength(1);

    await page.getByTestId("submit-scenario").click();
    await page.waitForURL(/\/scenarios\/[2-9a-hjkmnp-z]{12}(\?|$)/, { timeout: 60_000 });
    // The save reused the cached answer: still one call to the provider.
    await page.getByTestId("score").waitFor({ state: "visible" });
    expect(fake.requests).toHaveLength(1);
    const body = await page.locator("main").textContent();
    expect(body).toContain("这是 AI 写的第一段");
    expect(await page.locator(".ai-label").count()).toBeGreaterThan(0);
    // Tokens and cost of the step are shown with the plan; the save itself was a cache hit.
    await expect(page.getByTestId("llm-usage-line").textContent()).resolves.toMatch(/gpt-4o-mini.*1,000 \+ 500 tokens.*答案来自缓存/);

    const id = new URL(page.url()).pathname.split("/").pop();
    const saved = (await (await fetch(`${baseUrl}/api/scenarios/${id}`)).json()) as {
      plan: { llm: { status: string; cached: boolean }; profile: { personalData: { value: boolean } } };
    };
    expect(saved.plan.llm.status).toBe("ok");
    expect(saved.plan.llm.cached).toBe(true);
    expect(saved.plan.profile.personalData.value).toBe(true);
    await page.context().close();
  });

  it("says what saving with the AI step is waiting for, and for how long", async () => {
    fake.requests.length = 0;
    fake.setDefault({ kind: "delay", ms: 3000, then: { kind: "json", body: answer } } satisfies FakeBehaviour);
    const page = await newPage("zh");
    await page.goto(`${baseUrl}/scenarios/new`);
    await page.getByTestId("ai-provider").waitFor({ state: "visible" });
    // A description the model has not read yet: the save itself asks it.
    await page.locator('textarea[name="description"]').fill(`${DESCRIPTION} 每月约 3000 份作品。`);
    await page.getByTestId("submit-scenario").click();
    const progress = page.getByTestId("ai-save-progress");
    await progress.waitFor({ state: "visible" });
    expect(await progress.getAttribute("role")).toBe("status");
    await expect
      .poll(() => progress.textContent(), { timeout: 10_000 })
      .toMatch(/^正在生成方案：模型正在读取描述（已用 [1-9]\d* 秒；10 秒内没有回答时，规则仅凭文字生成方案）。$/);
    await page.waitForURL(/\/scenarios\/[2-9a-hjkmnp-z]{12}(\?|$)/, { timeout: 60_000 });
    expect(fake.requests).toHaveLength(1);
    await page.context().close();
  });

  it("shows a notice when the provider fails, and still saves a plan from the heuristics", async () => {
    fake.requests.length = 0;
    fake.setDefault({ kind: "status", status: 500, retryAfterMs: 10 });
    const page = await newPage("en");
    await page.goto(`${baseUrl}/scenarios/new`);
    await page.locator('textarea[name="description"]').fill("Classify incoming support tickets into twelve queues for our helpdesk team.");
    await page.getByTestId("ai-analyse").click();
    const notice = page.getByTestId("ai-notice");
    await notice.waitFor({ state: "visible", timeout: 20_000 });
    await expect(notice.textContent()).resolves.toMatch(/HTTP 500/);
    expect(fake.requests).toHaveLength(3);

    // Untick the AI step: saving must not call the provider again.
    await page.getByTestId("ai-use-on-save").uncheck();
    await page.getByTestId("submit-scenario").click();
    await page.waitForURL(/\/scenarios\/[2-9a-hjkmnp-z]{12}(\?|$)/, { timeout: 60_000 });
    expect(fake.requests).toHaveLength(3);
    const id = new URL(page.url()).pathname.split("/").pop();
    const saved = (await (await fetch(`${baseUrl}/api/scenarios/${id}`)).json()) as { plan: { llm: { status: string } } };
    expect(saved.plan.llm.status).toBe("off");
    await page.context().close();
  });
});
