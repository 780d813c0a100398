import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { LlmFactOutcome, LlmInfo } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { factNoteText } from "~/i18n/fact-notes";
import { useT } from "~/i18n/use-locale";
import { formatNumber } from "~/present/format";
import { formatFactValue } from "~/present/view-model/profile-facts";
import { formDataToRawInput } from "~/lib/scenario-form";
import { llmNoticeFor } from "~/i18n/llm-notice";

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
  { phase: "idle" } | { phase: "running"; startedAt: number } | { phase: "done"; llm: LlmInfo } | { phase: "error"; message: string };

function usd(v: number): string {
  // Fractions of a cent are the usual size of one call: show enough digits to be non-zero.
  return `$${v < 0.01 ? v.toFixed(5) : v.toFixed(2)}`;
}

export function AiAssist({ defaultOn = true }: { defaultOn?: boolean }) {
  const { t, locale } = useT();
  const root = useRef<HTMLElement>(null);
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const [useOnSave, setUseOnSave] = useState(defaultOn);
  const [now, setNow] = useState(() => Date.now());
  // Saving with the AI step on can take as long as the model does (up to the configured time-out): say what is
  // happening and for how long, not only a disabled button.
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && settings?.configured === true && useOnSave;
  const [savingSince, setSavingSince] = useState<number | null>(null);
  useEffect(() => {
    if (!saving) return setSavingSince(null);
    const start = Date.now();
    setSavingSince(start);
    setNow(start);
  }, [saving]);

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
    if (state.phase !== "running" && savingSince === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.phase, savingSince]);

  async function analyse() {
    const form = root.current?.closest("form");
    if (!form) return;
    // The same reading of the form as the save action's, so the step sees what the save will see.
    const body = formDataToRawInput(new FormData(form));
    if (typeof body.description !== "string" || !body.description.trim()) {
      setState({ phase: "error", message: t("ai.needDescription") });
      return;
    }
    const startedAt = Date.now();
    setNow(startedAt);
    setState({ phase: "running", startedAt });
    try {
      const post = (b: unknown) =>
        fetch("/api/analyse", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) });
      let res = await post(body);
      // A form field that does not parse yet must not block the AI step: the description is what it reads.
      if (res.status === 400) res = await post({ title: body.title, description: body.description, locale: body.locale });
      const data = (await res.json()) as { llm?: LlmInfo; errors?: { path: string; message: string }[] };
      if (!res.ok || !data.llm) {
        setState({ phase: "error", message: data.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? t("ai.network") });
        return;
      }
      setState({ phase: "done", llm: data.llm });
    } catch {
      setState({ phase: "error", message: t("ai.network") });
    }
  }

  const configured = settings?.configured === true;
  const maxSeconds = Math.round((settings?.timeoutMs ?? 20_000) / 1000);
  const outcomes = state.phase === "done" ? (state.llm.facts ?? []) : [];

  return (
    <section ref={root} className="card stack" data-testid="ai-assist" aria-labelledby="ai-assist-title">
      <h2 id="ai-assist-title">
        {t("ai.title")} <span className="ai-label">AI</span>
      </h2>
      <p className="muted small">{t("ai.intro")}</p>
      {settings === null ? null : !configured ? (
        <p className="notice" data-testid="ai-not-configured">
          {settings.invalid
            ? `${t("ai.invalid")} ${settings.invalid.map((e) => `${e.path} ${e.message}`).join("; ")}`
            : t("ai.notConfigured")}
        </p>
      ) : (
        <>
          <p className="small muted" data-testid="ai-provider">
            {settings.model} · {settings.baseUrlHost}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--ghost"
              onClick={analyse}
              disabled={state.phase === "running"}
              data-testid="ai-analyse"
            >
              {state.phase === "done" ? t("ai.rerun") : t("ai.run")}
            </button>
            <label className="check">
              <input type="checkbox" checked={useOnSave} onChange={(e) => setUseOnSave(e.target.checked)} data-testid="ai-use-on-save" />
              {t("ai.useOnSave")}
            </label>
          </div>
        </>
      )}
      <input type="hidden" name={AI_ASSIST_FIELD} value={useOnSave ? "on" : "off"} />

      <div aria-live="polite">
        {state.phase === "running" ? (
          <div data-testid="ai-progress" role="status">
            <progress aria-label={t("ai.title")} />
            <p className="small">{t("ai.running", { s: Math.floor((now - state.startedAt) / 1000), max: maxSeconds })}</p>
          </div>
        ) : null}
        {savingSince !== null ? (
          <div data-testid="ai-save-progress" role="status">
            <progress aria-label={t("form.submitting")} />
            <p className="small">{t("ai.saving", { s: Math.max(0, Math.floor((now - savingSince) / 1000)), max: maxSeconds })}</p>
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
  const { t } = useT();
  const n = (v: number) => formatNumber(v, locale, 0);
  const currency = locale === "zh" ? "CNY" : "USD";
  if (llm.status !== "ok") {
    return (
      <p className="notice notice--warn" data-testid="ai-notice">
        {llmNoticeFor(llm, t) ?? t("ai.failed")}
      </p>
    );
  }
  return (
    <div className="stack" data-testid="ai-result">
      {llmNoticeFor(llm, t) ? (
        <p className="notice notice--warn" data-testid="ai-notice">
          {llmNoticeFor(llm, t)}
        </p>
      ) : null}
      {llm.usage ? (
        <p className="small muted" data-testid="ai-usage">
          {llm.model} ·{" "}
          {t("ai.usage", {
            p: n(llm.usage.promptTokens),
            c: n(llm.usage.completionTokens),
            cost: llm.usage.costUsd === null ? t("ai.unknownCost") : usd(llm.usage.costUsd),
          })}
          {llm.cached ? ` · ${t("ai.cached")}` : ""}
        </p>
      ) : null}
      {outcomes.length === 0 ? (
        <p className="muted">{t("ai.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="ai-facts">
            <thead>
              <tr>
                <th scope="col">{t("ai.fact")}</th>
                <th scope="col">{t("ai.value")}</th>
                <th scope="col">{t("ai.outcome")}</th>
                <th scope="col">{t("ai.quotes")}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((f) => (
                <tr key={f.key} data-fact={f.key} data-outcome={f.outcome}>
                  <th scope="row">{t.label("fact", f.key)}</th>
                  <td>
                    {formatFactValue(f.key, { value: f.proposed, source: "llm" }, t, currency)}{" "}
                    <span className="source source--llm">{t("ai.ok")}</span>
                  </td>
                  <td>
                    {t.label("llmOutcome", f.outcome)}
                    {f.note ? (
                      <div className="small muted">
                        {factNoteText(f.key, f, t, (k, value) => formatFactValue(k, { value, source: "llm" }, t, currency))}
                      </div>
                    ) : null}
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
            {t("ai.risks")} <span className="ai-label">AI</span>
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
