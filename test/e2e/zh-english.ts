// Finds English on the Chinese views (issue 11 item 7: "the Chinese view entirely in Chinese; sources keep their
// original language, labelled"). Used by test/e2e/zh-english.test.ts (which wants none) and by
// test/e2e/measure-english.ts (before/after counts). What is not counted:
// - the user's own words (any word of the scenario's title or description);
// - sources kept in their original language: in a page, text under an element whose `lang` is not Chinese; in the
//   Markdown and the PDF, a source after its label (〔英文原文〕 or 〔原文〕) up to the next numbered source;
// - code and identifiers shown as code (<code>, <kbd>, <samp>; `backticks` in Markdown);
// - web addresses, numbers with units, single letters (grades, P10/P90) and the short list of proper names below.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { TEMPLATES } from "~/domain/kb/templates";
import { SCENARIOS } from "../scenario-table.fixtures";

/** The labels a source kept in its own language carries in a Chinese view: wholly English, or mixed. */
export const ORIGINAL_LABELS = ["〔英文原文〕", "〔原文〕"];

/**
 * Proper names and established acronyms a Chinese reader sees in English in Chinese technical writing: products,
 * models, hardware, formats and technique names that have no Chinese name in use. Reviewed: nothing here is a
 * word the app could have said in Chinese.
 */
export const PROPER_NAMES = new Set(
  [
    // AI, models, providers
    "AI",
    "LLM",
    "GPT",
    "GPT-4o",
    "GPT-4o-mini",
    "GPT-4.1",
    "GPT-4.1-mini",
    "o1",
    "o3",
    "OpenAI",
    "Anthropic",
    "Claude",
    "Gemini",
    "Qwen",
    "Qwen2.5",
    "DeepSeek",
    "Llama",
    "Mistral",
    "GLM",
    "ChatGLM",
    "Kimi",
    "Doubao",
    "Baichuan",
    "Yi",
    "BERT",
    "Whisper",
    // Techniques by their established names
    "RAG",
    "LoRA",
    "QLoRA",
    "SFT",
    "RLHF",
    "DPO",
    "PPO",
    "RLAIF",
    "MoE",
    "CoT",
    "Prompt",
    "Agent",
    "Embedding",
    "token",
    "tokens",
    "Token",
    "MFU",
    "BLEU",
    "ROUGE",
    "F1",
    // Hardware and infrastructure
    "GPU",
    "GPUs",
    "CPU",
    "NVIDIA",
    "A100",
    "H100",
    "H800",
    "H20",
    "A800",
    "L40S",
    "L20",
    "L4",
    "A10",
    "A10G",
    "T4",
    "RTX",
    "vLLM",
    "SGLang",
    "API",
    "APIs",
    "SDK",
    "SaaS",
    "HTTP",
    "HTTPS",
    "URL",
    // Formats, systems, business acronyms
    "PDF",
    "JSON",
    "Markdown",
    "SQL",
    "OCR",
    "ERP",
    "CRM",
    "HIS",
    "EMR",
    "IT",
    "B2B",
    "B2C",
    "KPI",
    "ROI",
    "FAQ",
    "SOP",
    "PoC",
    "MVP",
    "App",
    "APP",
    "Tierwise",
    "Midjourney",
    // Published datasets and models the data-size anchors name
    "LIMA",
    "InstructGPT",
    "Alpaca",
    "Google",
    "GeForce",
    "SXM",
    "SXM2",
    "SXM5",
    "BI",
    "PUE",
    "fp8",
    "fp16",
    "bf16",
    "int8",
    "int4",
    "UTC",
    "WeCom",
    // Regulations, standards and bodies known by their acronym
    "GDPR",
    "HIPAA",
    "PIPL",
    "ISO",
    "IEC",
    "NIST",
    "EU",
    "CAC",
    "FDA",
    "SEC",
    "PCI",
    "DSS",
  ].map((s) => s.toLowerCase()),
);

/** Model families whose members are named by family, version and size. */
const MODEL_FAMILIES = new Set([
  "gpt",
  "qwen",
  "llama",
  "deepseek",
  "claude",
  "gemini",
  "glm",
  "mistral",
  "yi",
  "baichuan",
  "doubao",
  "moonshot",
  "ernie",
  "o1",
  "o3",
  "o4",
]);

/** Units and currency codes that stand beside numbers in both languages. */
const UNITS = new Set(["gb", "tb", "mb", "kb", "ms", "s", "h", "k", "m", "b", "usd", "cny", "us", "cn", "px", "x"]);

export interface EnglishRun {
  surface: Surface;
  scenario: string;
  text: string;
  /** A few characters around the run, to find it. */
  context: string;
}

export type Surface = "plan" | "share" | "markdown" | "pdf";

/** Words a run may contain: the user's own words, proper names, units, URLs, numbers and single letters. */
export function wordsAllowed(userText: string): (word: string) => boolean {
  const own = new Set((userText.match(/[A-Za-z][A-Za-z0-9'’.+-]*/gu) ?? []).map((w) => stripEdges(w).toLowerCase()));
  return (raw) => {
    const w = stripEdges(raw);
    const lower = w.toLowerCase();
    if (w.length <= 1) return true;
    if (/^[a-z]?\d/iu.test(w)) return true; // P90, 7B, 4090, 1.5k
    if (/^(https?:|www\.)|\.(com|org|net|io|ai|gov|edu|cn|html?|pdf)(\/|$)|\//iu.test(w)) return true; // addresses, paths
    if (PROPER_NAMES.has(lower) || UNITS.has(lower) || own.has(lower)) return true;
    // A model's or a card's name with its version or size: qwen-plus, qwen2.5-14b, Llama-3.3-70B, GPT-4o.
    const stem = /^([a-z]+)[-\d]/iu.exec(w)?.[1]?.toLowerCase();
    return stem !== undefined && MODEL_FAMILIES.has(stem);
  };
}

function stripEdges(w: string): string {
  return w.replace(/^['’.+-]+|['’.+-]+$/gu, "");
}

/** Chinese characters and punctuation: what separates one run of other text from the next. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/u;

/**
 * The runs of English in a text: each stretch between Chinese characters that holds a word no rule above allows
 * ("assumption: annual hurdle rate 10%" is one run; "GPT-4o API" and "2,000 条" are none).
 */
export function englishRuns(text: string, allowed: (w: string) => boolean): { text: string; context: string }[] {
  const out: { text: string; context: string }[] = [];
  let at = 0;
  for (const segment of text.split(CJK)) {
    const start = text.indexOf(segment, at);
    at = start + segment.length;
    const words = segment.match(/[A-Za-z][A-Za-z0-9'’.+_/-]*/gu) ?? [];
    if (words.every(allowed)) continue;
    const trimmed = segment.replace(/\s+/gu, " ").trim();
    out.push({ text: trimmed, context: text.slice(Math.max(0, start - 20), at + 20).replace(/\s+/gu, " ") });
  }
  return out;
}

// A labelled source runs to the next source ("[12] "), the next label, or the end of the line (Markdown) or list.
const LABELLED = new RegExp(`(?:${ORIGINAL_LABELS.join("|")}).*?(?=\\[\\d+\\] |${ORIGINAL_LABELS.join("|")}|$)`, "gmu");

/** Markdown or PDF text with the labelled sources and (Markdown) `code` taken out. */
export function withoutLabelledSources(text: string, markdown: boolean): string {
  // Markdown keeps one source a line; the PDF's lines wrap, so its text is read as one line.
  let out = (markdown ? text : text.replace(/\s+/gu, " ")).replace(LABELLED, " ");
  if (markdown) out = out.replace(/`[^`]*`/gu, " ").replace(/\]\([^)]*\)/gu, "]");
  return out;
}

// Run in the page as a string: a bundler's helpers (esbuild's __name) do not exist there.
const PAGE_TEXT = `(() => {
  const parts = [];
  function skip(el) {
    if (!el) return false;
    if (el.closest("script, style, template, noscript, code, kbd, samp, pre")) return true;
    const langEl = el.closest("[lang]");
    return !!langEl && !langEl.getAttribute("lang").toLowerCase().startsWith("zh");
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) parts.push(n.textContent || "");
  for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [alt], [placeholder]"))) {
    if (skip(el)) continue;
    for (const a of ["aria-label", "title", "alt", "placeholder"]) {
      const v = el.getAttribute(a);
      if (v) parts.push(v);
    }
  }
  parts.push(document.title);
  return parts.join("\\n");
})()`;

/** The text of a page as a reader (or a screen reader) gets it, minus sources marked as English and code. */
export async function pageText(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const r = await page.goto(url);
    if (!r || r.status() !== 200) throw new Error(`${url} → ${r?.status()}`);
    await page.waitForLoadState("networkidle");
    return (await page.evaluate(PAGE_TEXT)) as string;
  } finally {
    await context.close();
  }
}

export async function pdfText(url: string): Promise<string> {
  const r = await fetch(url);
  if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
  const dir = mkdtempSync(join(tmpdir(), "tw-zh-english-"));
  try {
    const file = join(dir, "r.pdf");
    writeFileSync(file, Buffer.from(await r.arrayBuffer()));
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function markdownText(url: string): Promise<string> {
  const r = await fetch(url);
  if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
  return r.text();
}

/** The Chinese scenarios checked: every template's Chinese input, and the scenario table's Chinese free-text rows. */
export function chineseScenarios(): { name: string; input: Record<string, unknown> }[] {
  const templates = TEMPLATES.map((t) => ({ name: `template ${t.id}`, input: t.input.zh as unknown as Record<string, unknown> }));
  const free = SCENARIOS.filter((s) => s.id.startsWith("zh-free-"))
    .slice(0, 7)
    .map((s) => ({ name: s.id, input: { ...(s.input as Record<string, unknown>), locale: "zh" } }));
  return [...templates, ...free];
}

async function post(url: string, body: object): Promise<Record<string, unknown>> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`POST ${url} → ${r.status} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}

/** Every English run on the four Chinese surfaces of one scenario. */
export async function scanScenario(
  base: string,
  browser: Browser,
  scenario: { name: string; input: Record<string, unknown> },
  surfaces: readonly Surface[] = ["plan", "share", "markdown", "pdf"],
): Promise<EnglishRun[]> {
  const { id } = (await post(`${base}/api/scenarios`, scenario.input)) as { id: string };
  const userText = `${scenario.input.title ?? ""} ${scenario.input.description ?? ""}`;
  const allowed = wordsAllowed(userText);
  const runs: EnglishRun[] = [];
  const add = (surface: Surface, text: string) => {
    for (const r of englishRuns(text, allowed)) runs.push({ surface, scenario: scenario.name, ...r });
  };
  for (const surface of surfaces) {
    if (surface === "plan") add("plan", await pageText(browser, `${base}/scenarios/${id}?lang=zh`));
    if (surface === "share") {
      const share = (await post(`${base}/api/scenarios/${id}/shares`, {})) as { url: string };
      const path = share.url.replace(/^https?:\/\/[^/]+/u, "");
      add("share", await pageText(browser, `${base}${path}${path.includes("?") ? "&" : "?"}lang=zh`));
    }
    if (surface === "markdown")
      add("markdown", withoutLabelledSources(await markdownText(`${base}/scenarios/${id}/export.md?lang=zh`), true));
    if (surface === "pdf") add("pdf", withoutLabelledSources(await pdfText(`${base}/scenarios/${id}/report.pdf?lang=zh`), false));
  }
  return runs;
}

/** Counts per surface, and the most frequent runs: what the before/after note records. */
export function summarise(runs: EnglishRun[]): { total: number; bySurface: Record<string, number>; top: [string, number][] } {
  const bySurface: Record<string, number> = { plan: 0, share: 0, markdown: 0, pdf: 0 };
  const freq = new Map<string, number>();
  for (const r of runs) {
    bySurface[r.surface]++;
    freq.set(r.text, (freq.get(r.text) ?? 0) + 1);
  }
  return { total: runs.length, bySurface, top: [...freq.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60) };
}
