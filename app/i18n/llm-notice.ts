// The AI step's notice in the reader's language. A plan stores the notice as codes (LlmNotice: why the step failed,
// with the provider's or client's own words as the detail; how many proposed facts were not used) beside the text in
// the scenario's language that the API returns; plans stored before the codes have the text only, shown as written.
import type { LlmInfo, LlmNotice } from "~/domain/plan-types";
import type { MessageKey, Translate } from "~/i18n/translate";

export function llmNoticeText(notices: readonly LlmNotice[], t: Translate): string {
  return notices
    .map((n) => {
      if (n.code === "failed") return t("llmNotice.failed", { reason: t(`llmNotice.kind.${n.kind}` as MessageKey), detail: n.detail });
      const sep = t.locale === "zh" ? "；" : "; ";
      const parts = (["cautious", "dropped", "rejected"] as const).filter((k) => n[k] > 0).map((k) => t(`llmNotice.${k}`, { n: n[k] }));
      return t("llmNotice.factsNotUsed", { parts: parts.join(sep) });
    })
    .join(" ");
}

/** What the views show: the coded notice in the reader's language, else the stored text; undefined when there is none. */
export function llmNoticeFor(llm: Pick<LlmInfo, "notice" | "notices">, t: Translate): string | undefined {
  return llm.notices?.length ? llmNoticeText(llm.notices, t) : llm.notice;
}
