import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { TEMPLATES } from "~/domain/kb/templates";
import { llmNoticeFor, llmNoticeText } from "~/i18n/llm-notice";
import { translator } from "~/i18n/translate";
import { buildPlanView } from "~/present/view-model/plan-view";

const zhPlan = (llm: DecisionPlan["llm"]): DecisionPlan => ({ ...buildPlan(TEMPLATES[0].input.zh), llm });
const noticeOf = (plan: DecisionPlan, locale: "zh" | "en") =>
  buildPlanView(plan, { locale })
    .sections.flatMap((s) => s.blocks)
    .find((b) => b.kind === "notice" && b.testId === "llm-notice");

describe("the AI step's notice in the reader's language", () => {
  it("words a failure of a Chinese plan in English for an English reader, keeping the provider's own words", () => {
    const failed = zhPlan({
      status: "failed",
      notice: "AI 辅助未成功（服务返回错误：HTTP 500）。本方案仅依据描述的词表启发式与规则生成，可稍后重试。",
      notices: [{ code: "failed", kind: "http", detail: "HTTP 500" }],
    });
    expect(noticeOf(failed, "en")).toMatchObject({
      text: "The AI assist failed (the provider returned an error: HTTP 500). This plan comes from the description's heuristics and the rules alone; you can retry later.",
    });
    expect(noticeOf(failed, "zh")).toMatchObject({ text: failed.llm.notice });
  });

  it("words the facts not used in either language, naming only the kinds that occurred", () => {
    const counts = { code: "facts_not_used" as const, cautious: 2, dropped: 0, rejected: 1 };
    expect(llmNoticeText([counts], translator("en"))).toBe(
      "Of the facts the AI proposed, 2 disagreed with the heuristics and the more cautious value was kept; 1 did not fit the field's format and were not used.",
    );
    expect(llmNoticeText([counts], translator("zh"))).toBe(
      "AI 提议的事实中：2 项与词表启发式不一致，已保留更谨慎的值；1 项不符合字段格式，未采用。",
    );
  });

  it("shows a plan stored before the codes with its notice as written", () => {
    expect(llmNoticeFor({ notice: "stored prose" }, translator("zh"))).toBe("stored prose");
    expect(llmNoticeFor({}, translator("en"))).toBeUndefined();
  });
});
