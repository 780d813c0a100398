import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { ART_STUDIO_ZH, planFrom } from "../../../test/report-fixtures";
import { renderPlanMarkdown } from "~/report/markdown";
import { buildPlanView } from "~/present/view-model/plan-view";
import { citationText, languageRuns, sourceLine, sourceText, SourceList } from "~/present/view-model/sources";

const zh = translator("zh");
const en = translator("en");

describe("sources in their own language, labelled", () => {
  it("labels a source by how much of it is in the other language than the page's", () => {
    expect(sourceText("LIMA (arXiv:2305.11206): 1,000 curated examples", "zh")).toEqual({
      text: "LIMA (arXiv:2305.11206): 1,000 curated examples",
      original: "whole",
    });
    expect(sourceText("Seed course notes §4 现在的问题", "zh").original).toBe("part");
    expect(sourceText("生成式人工智能服务管理暂行办法 (2023)", "zh").original).toBeUndefined();
    expect(sourceText("LIMA (arXiv:2305.11206): 1,000 curated examples", "en").original).toBeUndefined();
    expect(sourceText("Seed course notes §4 现在的问题", "en").original).toBe("part");
    expect(sourceText("生成式人工智能服务管理暂行办法 (2023)", "en").original).toBe("whole");
    expect(sourceLine(sourceText("LIMA: 1,000 examples", "zh"), zh)).toBe("〔英文原文〕 LIMA: 1,000 examples");
    expect(sourceLine(sourceText("课程笔记", "en"), en)).toBe("[Chinese original] 课程笔记");
  });

  it("marks the other language's stretches of a mixed source, and nothing of the page's own", () => {
    expect(languageRuns("Seed course notes §4 现在的问题 (six questions: 哪个场景靠谱)", "zh")).toEqual([
      ["Seed course notes §4 ", "en"],
      ["现在的问题 (", undefined],
      ["six questions: ", "en"],
      ["哪个场景靠谱)", undefined],
    ]);
    expect(languageRuns("Seed course notes: 医疗、教育", "en")).toEqual([
      ["Seed course notes: ", undefined],
      ["医疗、教育", "zh"],
    ]);
  });

  it("names the engine's references to the profile and the input in the page's language: they are keys, not sources", () => {
    expect(citationText("profile.usage.users (heuristic)", zh)).toBe("画像中的用户数（关键词推断）");
    expect(citationText("profile.humanReview (always)", en)).toMatch(/^the profile's Human review/);
    expect(citationText("business.pricePerUserMonth", zh)).toBe("用户填写：每用户每月价格");
    expect(citationText("OpenAI pricing page (2025-06)", zh)).toBe("OpenAI pricing page (2025-06)");
    const list = new SourceList(zh);
    expect(list.add("business.pricePerUserMonth")).toBe("[1]");
    expect(list.texts()).toEqual([{ text: "用户填写：每用户每月价格" }]);
  });

  it("lists every source of a real plan numbered, each English one labelled, in the view model and the memo", () => {
    const plan = planFrom(ART_STUDIO_ZH);
    const view = buildPlanView(plan, { locale: "zh" });
    const english = view.sources.filter((s) => s.original === "whole");
    expect(english.length).toBeGreaterThan(5);
    expect(view.sources.some((s) => /^(profile|business)\./u.test(s.text))).toBe(false);
    const md = renderPlanMarkdown(plan, "zh");
    for (const s of english) expect(md).toContain(`〔英文原文〕 ${s.text.slice(0, 20)}`);
  });
});
