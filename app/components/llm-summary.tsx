import type { LlmInfo } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { formatNumber } from "~/present/format";
import { translator } from "~/i18n/translate";

/** Views get plans from storage, possibly older or partial, so every field is optional here. */
interface LlmLike {
  status?: LlmInfo["status"];
  model?: string;
  notice?: string;
  cached?: boolean;
  usage?: { promptTokens?: number; completionTokens?: number; costUsd?: number | null };
}

// One line on the plan page about the AI step that fed this plan: what it cost, whether it came from the cache, and
// the notice when it failed or when some of its proposals were not used (kept more cautious, quotes not found).


export function LlmSummary({ llm, locale, fallbackNotice }: { llm: LlmLike | undefined; locale: Locale; fallbackNotice: string }) {
  if (!llm || llm.status === "off" || !llm.status) return null;
  if (llm.status === "failed") {
    return (
      <p className="notice notice--warn" data-testid="llm-notice">
        {llm.notice ?? fallbackNotice}
      </p>
    );
  }
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale, 0);
  const u = llm.usage;
  const parts = [
    llm.model,
    u ? t("llm.tokens", { p: n(u.promptTokens ?? 0), c: n(u.completionTokens ?? 0) }) : null,
    u ? (typeof u.costUsd !== "number" ? t("llm.unknownCost") : `≈ $${u.costUsd < 0.01 ? u.costUsd.toFixed(5) : u.costUsd.toFixed(2)}`) : null,
    llm.cached ? t("llm.cached") : null,
  ].filter(Boolean);
  return (
    <>
      <p className="small muted" data-testid="llm-usage-line">
        <span className="ai-label">AI</span> {t("llm.step")}: {parts.join(" · ")}
      </p>
      {llm.notice ? (
        <p className="notice" data-testid="llm-notice">
          {llm.notice}
        </p>
      ) : null}
    </>
  );
}
