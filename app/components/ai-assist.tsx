import { useEffect, useRef, useState } from "react";
import type { LlmFactOutcome, LlmInfo } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { useLocale } from "~/i18n/use-locale";
import { factLabel, formatFactValue } from "~/report/profile-facts";
import { formDataToRawInput } from "~/lib/scenario-form";

// The "analyse with AI" step of the scenario form. It reads the form it sits in, asks /api/analyse, and shows what
// the model proposed with the quoted words beside each fact. It decides nothing: saving recomputes the plan with the
// rules (the answer is cached, so saving does not pay again). The checkbox tells the save action whether to use the
// AI step: the field is always sent, "on" or "off", so a page without JavaScript keeps the default (on).

export const AI_ASSIST_FIELD = "aiAssist";

/** For the save action: the AI step runs unless the user unticked it. */
export function wantsAiStep(form: FormData): boolean {
  return form.get(AI_ASSIST_FIELD) !== "off";
}

interface PublicSettings {
  configured: boolean;
  invalid?: { path: string; message: string }[];
  baseUrlHost?: string;
  model?: string;
  timeoutMs?: number;
}

type State =
  | { phase: "idle" }
  | { phase: "running"; startedAt: number }
  | { phase: "done"; llm: LlmInfo }
  | { phase: "error"; message: string };

const TEXT = {
  en: {
    title: "Analyse with AI",
    intro: "A language model reads your description and proposes facts, each with the words it relied on. The rules still decide the score, the verdict and every number.",
    notConfigured: "No LLM provider is configured, so plans use the offline extractor. See Settings.",
    invalid: "The LLM configuration is invalid:",
    run: "Analyse with AI",
    rerun: "Analyse again",
    useOnSave: "Use the AI step when saving",
    running: (s: number, max: number) => `Asking the model… ${s} s (gives up after ${max} s)`,
    needDescription: "Write a description first.",
    failed: "The AI step failed; the plan will use the offline extractor.",
    ok: "Proposed by AI",
    cached: "from cache, no new cost",
    usage: (p: number, c: number, cost: string) => `${p.toLocaleString("en-US")} prompt + ${c.toLocaleString("en-US")} completion tokens · ${cost}`,
    unknownCost: "cost unknown for this model",
    none: "The model proposed no facts it could support with words from the description.",
    fact: "Fact",
    value: "Proposed",
    outcome: "Used",
    quotes: "Words it relied on",
    risks: "Risks the AI raised",
    network: "Could not reach the server.",
  },
  zh: {
    title: "用 AI 分析",
    intro: "大模型阅读您的描述并提议事实，每条都附上它依据的原文。评分、结论与所有数字仍由规则决定。",
    notConfigured: "未配置大模型服务，方案将使用离线推断。详见「设置」。",
    invalid: "大模型配置有误：",
    run: "用 AI 分析",
    rerun: "重新分析",
    useOnSave: "保存时使用 AI 步骤",
    running: (s: number, max: number) => `正在请求模型… ${s} 秒（${max} 秒后放弃）`,
    needDescription: "请先填写场景描述。",
    failed: "AI 步骤失败，方案将使用离线推断。",
    ok: "AI 提议",
    cached: "来自缓存，无新增费用",
    usage: (p: number, c: number, cost: string) => `输入 ${p.toLocaleString("zh-CN")} + 输出 ${c.toLocaleString("zh-CN")} tokens · ${cost}`,
    unknownCost: "此模型费用未知",
    none: "模型没有提出能用描述原文支持的事实。",
    fact: "事实",
    value: "提议值",
    outcome: "采用情况",
    quotes: "依据的原文",
    risks: "AI 提出的风险",
    network: "无法连接服务器。",
  },
} satisfies Record<Locale, unknown>;

const OUTCOMES: Record<LlmFactOutcome["outcome"], { en: string; zh: string }> = {
  applied: { en: "used", zh: "已采用" },
  agreed: { en: "agrees with the heuristic", zh: "与启发式一致" },
  merged: { en: "joined with the heuristic", zh: "与启发式合并" },
  cautious: { en: "not used: the more cautious value stays", zh: "未采用：保留更谨慎的值" },
  user: { en: "not used: you set this field", zh: "未采用：以您填写的为准" },
  dropped: { en: "not used: quote not found", zh: "未采用：原文中找不到引文" },
  rejected: { en: "not used: invalid value", zh: "未采用：值不合法" },
};

function usd(v: number): string {
  // Fractions of a cent are the usual size of one call: show enough digits to be non-zero.
  return `$${v < 0.01 ? v.toFixed(5) : v.toFixed(2)}`;
}


export function AiAssist({ defaultOn = true }: { defaultOn?: boolean }) {
  const locale = useLocale();
  const t = TEXT[locale];
  const root = useRef<HTMLElement>(null);
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const [useOnSave, setUseOnSave] = useState(defaultOn);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    fetch("/api/analyse", { headers: { accept: "application/json" } })
      .then((r) => r.json() as Promise<PublicSettings>)
      .then((s) => live && setSettings(s))
      .catch(() => live && setSettings({ configured: false }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (state.phase !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.phase]);

  async function analyse() {
    const form = root.current?.closest("form");
    if (!form) return;
    // The same reading of the form as the save action's, so the step sees what the save will see.
    const body = formDataToRawInput(new FormData(form));
    if (typeof body.description !== "string" || !body.description.trim()) {
      setState({ phase: "error", message: t.needDescription });
      return;
    }
    const startedAt = Date.now();
    setNow(startedAt);
    setState({ phase: "running", startedAt });
    try {
      const post = (b: unknown) => fetch("/api/analyse", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) });
      let res = await post(body);
      // A form field that does not parse yet must not block the AI step: the description is what it reads.
      if (res.status === 400) res = await post({ title: body.title, description: body.description, locale: body.locale });
      const data = (await res.json()) as { llm?: LlmInfo; errors?: { path: string; message: string }[] };
      if (!res.ok || !data.llm) {
        setState({ phase: "error", message: data.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? t.network });
        return;
      }
      setState({ phase: "done", llm: data.llm });
    } catch {
      setState({ phase: "error", message: t.network });
    }
  }

  const configured = settings?.configured === true;
  const maxSeconds = Math.round((settings?.timeoutMs ?? 20_000) / 1000);
  const outcomes = state.phase === "done" ? state.llm.facts ?? [] : [];

  return (
    <section ref={root} className="card stack" data-testid="ai-assist" aria-labelledby="ai-assist-title">
      <h2 id="ai-assist-title">
        {t.title} <span className="ai-label">AI</span>
      </h2>
      <p className="muted small">{t.intro}</p>
      {settings === null ? null : !configured ? (
        <p className="notice" data-testid="ai-not-configured">
          {settings.invalid ? `${t.invalid} ${settings.invalid.map((e) => `${e.path} ${e.message}`).join("; ")}` : t.notConfigured}
        </p>
      ) : (
        <>
          <p className="small muted" data-testid="ai-provider">
            {settings.model} · {settings.baseUrlHost}
          </p>
          <div className="actions">
            <button type="button" className="button button--ghost" onClick={analyse} disabled={state.phase === "running"} data-testid="ai-analyse">
              {state.phase === "done" ? t.rerun : t.run}
            </button>
            <label className="check">
              <input type="checkbox" checked={useOnSave} onChange={(e) => setUseOnSave(e.target.checked)} data-testid="ai-use-on-save" />
              {t.useOnSave}
            </label>
          </div>
        </>
      )}
      <input type="hidden" name={AI_ASSIST_FIELD} value={useOnSave ? "on" : "off"} />

      <div aria-live="polite">
        {state.phase === "running" ? (
          <div data-testid="ai-progress" role="status">
            <progress aria-label={t.title} />
            <p className="small">{t.running(Math.floor((now - state.startedAt) / 1000), maxSeconds)}</p>
          </div>
        ) : null}
        {state.phase === "error" ? (
          <p className="notice notice--warn" data-testid="ai-notice">
            {state.message}
          </p>
        ) : null}
        {state.phase === "done" ? <AiResult llm={state.llm} outcomes={outcomes} locale={locale} /> : null}
      </div>
    </section>
  );
}

function AiResult({ llm, outcomes, locale }: { llm: LlmInfo; outcomes: LlmFactOutcome[]; locale: Locale }) {
  const t = TEXT[locale];
  if (llm.status !== "ok") {
    return (
      <p className="notice notice--warn" data-testid="ai-notice">
        {llm.notice ?? t.failed}
      </p>
    );
  }
  return (
    <div className="stack" data-testid="ai-result">
      {llm.notice ? (
        <p className="notice notice--warn" data-testid="ai-notice">
          {llm.notice}
        </p>
      ) : null}
      {llm.usage ? (
        <p className="small muted" data-testid="ai-usage">
          {llm.model} · {t.usage(llm.usage.promptTokens, llm.usage.completionTokens, llm.usage.costUsd === null ? t.unknownCost : usd(llm.usage.costUsd))}
          {llm.cached ? ` · ${t.cached}` : ""}
        </p>
      ) : null}
      {outcomes.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="ai-facts">
            <thead>
              <tr>
                <th scope="col">{t.fact}</th>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.outcome}</th>
                <th scope="col">{t.quotes}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((f) => (
                <tr key={f.key} data-fact={f.key} data-outcome={f.outcome}>
                  <th scope="row">{factLabel(f.key, locale)}</th>
                  <td>
                    {formatFactValue(f.key, { value: f.proposed }, locale, locale === "zh" ? "CNY" : "USD")} <span className="source source--llm">{t.ok}</span>
                  </td>
                  <td>
                    {OUTCOMES[f.outcome][locale]}
                    {f.note ? <div className="small muted">{f.note}</div> : null}
                  </td>
                  <td>
                    {f.quotes.map((q, i) => (
                      <span key={i}>
                        {i > 0 ? " · " : null}
                        <q data-testid="ai-quote">{q}</q>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {llm.risks?.length ? (
        <div>
          <h3>
            {t.risks} <span className="ai-label">AI</span>
          </h3>
          <ul>
            {llm.risks.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
