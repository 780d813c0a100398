import { describe, expect, it } from "vitest";
import { BUSINESS_FACT_KEYS } from "~/domain/profile/business";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import type { Profile } from "~/domain/profile/types";
import { translator } from "~/i18n/translate";
import { buildPlanView } from "~/present/view-model/plan-view";
import { assumedFactTexts, factRows, formatFactValue } from "~/present/view-model/profile-facts";
import { renderPlanMarkdown } from "~/report/markdown";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "../../../test/report-fixtures";

const T = { en: translator("en"), zh: translator("zh") };
const profileFactRows = (profile: Record<string, unknown>, locale: "en" | "zh", currency: "USD" | "CNY") =>
  factRows(profile as unknown as Profile, T[locale], currency);

const fact = (value: number | null, extra: Record<string, unknown> = {}) => ({
  value,
  source: value === null ? "default" : "user",
  ...extra,
});

describe("profile facts as the views show them", () => {
  it("formats business figures with their unit: money in its own currency, rates as %, hours, months", () => {
    expect(formatFactValue("pricePerUserMonth", fact(19.99, { currency: "USD" }) as never, T.en, "CNY")).toBe("$19.99");
    expect(formatFactValue("contractValuePerYear", fact(50000, { currency: "CNY" }) as never, T.zh, "USD")).toBe("¥50,000");
    expect(formatFactValue("loadedHourlyWage", fact(60) as never, T.en, "USD")).toBe("$60");
    expect(formatFactValue("adoptionRate", fact(0.7) as never, T.en, "USD")).toBe("70%");
    expect(formatFactValue("monthlyChurnRate", fact(0.025) as never, T.zh, "CNY")).toBe("2.5%");
    expect(formatFactValue("hoursSavedPerStaffPerWeek", fact(5) as never, T.en, "USD")).toBe("5 h/week");
    expect(formatFactValue("hoursSavedPerStaffPerWeek", fact(2.5) as never, T.zh, "CNY")).toBe("每周 2.5 小时");
    expect(formatFactValue("salesCycleMonths", fact(3) as never, T.en, "USD")).toBe("3 months");
    expect(formatFactValue("targetCustomers", fact(1200) as never, T.en, "USD")).toBe("1,200");
    for (const key of BUSINESS_FACT_KEYS) expect(formatFactValue(key, fact(null) as never, T.en, "USD")).toBe("—");
  });

  it("labels every business fact in both languages, and shows unstated ones as — with a note", () => {
    const profile = Object.fromEntries(BUSINESS_FACT_KEYS.map((k) => [k, fact(null)]));
    for (const locale of ["en", "zh"] as const) {
      const rows = profileFactRows(profile, locale, "USD");
      expect(rows.map((r) => r.key)).toEqual([...BUSINESS_FACT_KEYS]);
      for (const r of rows) {
        expect(r.label).toBe(translator(locale).label("fact", r.key));
        expect(r.label).not.toBe(r.key);
        expect(r.value).toBe("—");
        expect(r.note).toBeTruthy();
      }
    }
  });

  it("names enum values by their label, never by their id", () => {
    expect(formatFactValue("stakes", { value: "medium", source: "default" } as never, T.en, "USD")).toMatch(/^Medium/);
    expect(formatFactValue("market", { value: "toB", source: "user" } as never, T.zh, "CNY")).toMatch(/企业/);
    expect(formatFactValue("tasks", { value: ["qa", "text_to_sql"], source: "heuristic" } as never, T.en, "USD")).toBe(
      "Question answering, Text-to-SQL",
    );
    expect(formatFactValue("personalData", { value: false, source: "default" } as never, T.zh, "CNY")).toBe("否");
  });

  it("turns a business fact's derivation codes into words in either language", () => {
    const note = "churn_from_renewal; yearly_to_monthly";
    const zh = profileFactRows({ monthlyChurnRate: fact(0.02, { note, evidence: ["续费率 98%"] }) }, "zh", "CNY");
    expect(zh[0].note).toBe("流失率 = 1 − 续费率；年率已折算为月率");
    expect(zh[0].evidence).toEqual(["续费率 98%"]);
    expect(profileFactRows({ monthlyChurnRate: fact(0.02, { note }) }, "en", "USD")[0].note).toBe(
      "churn = 1 − renewal; yearly rate converted to monthly",
    );
  });

  it("words the profile's coded notes in the reader's language, whichever language the plan was made in", () => {
    // A Chinese scenario whose stated stakes sit below the floor minors set, one with a weekly habit, one with a daily
    // total over a user count: the notes are codes, so the same plan reads in both languages.
    const zhPlan = planFrom({ description: "面向小学生的课后答疑 App，孩子拍照提问。每人每周问两次。", stakes: "medium" });
    const enPlan = planFrom({ description: "Our 50 support agents answer about 8000 tickets a day." });
    const rows = (plan: typeof zhPlan, locale: "en" | "zh") =>
      Object.fromEntries(factRows(plan.profile, T[locale], "CNY").map((r) => [r.key, r.note]));
    expect(zhPlan.profile.stakes).toMatchObject({ note: "stakes_stated_floor" });
    expect(rows(zhPlan, "zh").stakes).toBe("填写的是「中」；未成年人要求至少为「高」");
    expect(rows(zhPlan, "en").stakes).toBe("stated medium; minors sets at least high".replace("minors", T.en.label("signal", "minors")));
    expect(rows(zhPlan, "zh").interactionsPerUserPerDay).toBe("每周次数 ÷ 5 个工作日");
    expect(rows(zhPlan, "en").interactionsPerUserPerDay).toBe("per week ÷ 5 working days");
    expect(rows(enPlan, "zh").interactionsPerUserPerDay).toBe("每天 8,000 次，分摊到 50 位用户");
    expect(rows(enPlan, "en").interactionsPerUserPerDay).toBe("8,000 a day over 50 users");
    for (const plan of [zhPlan, enPlan]) {
      for (const [key, note] of Object.entries(rows(plan, "zh"))) {
        const stored = (plan.profile as unknown as Record<string, { note?: string }>)[key]?.note;
        if (stored) expect(note, key).not.toMatch(/\b(sets|stated|per|over|users|default|the)\b/);
      }
    }
  });

  it("shows a note stored as prose before the codes as it was written", () => {
    const old = { stakes: { value: "high", source: "heuristic", evidence: ["patients"], note: "stated low; patients sets at least high" } };
    expect(profileFactRows(old, "zh", "CNY")[0].note).toBe("stated low; patients sets at least high");
  });

  it("names an input field given as evidence by its form label, not its path", () => {
    const profile = { businessCase: { value: true, source: "user", evidence: ["business.pricePerUserMonth", "business.monthlyReach"] } };
    const en = profileFactRows(profile, "en", "USD")[0].evidence;
    const zh = profileFactRows(profile, "zh", "CNY")[0].evidence;
    for (const e of [...en, ...zh]) expect(e).not.toMatch(/business\.|[a-z][A-Z]/);
    expect(zh.join("")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("says which defaults a reason assumed, with the fact's label and value", () => {
    const profile = { stakes: { value: "medium", source: "default" }, humanReview: { value: "sampled", source: "default" } };
    expect(assumedFactTexts(["stakes"], profile as unknown as Profile, T.en, "USD")).toEqual([
      "Stakes = Medium: mistakes cost something (default)",
    ]);
    expect(assumedFactTexts(["humanReview"], profile as unknown as Profile, T.zh, "CNY")).toEqual(["人工审核 = 抽检（默认值）"]);
    expect(assumedFactTexts(undefined, profile as unknown as Profile, T.en, "USD")).toEqual([]);
  });

  it("lists every profile fact of a real plan in the view model and the memo, with no raw key or null", () => {
    const r = parseScenarioInput({
      description:
        "Our 40 support agents answer refund emails. The assistant saves each agent 5 hours a week; loaded cost $60/hour; adoption 70%.",
      market: "internal",
    });
    if (!r.ok) throw new Error("fixture");
    for (const plan of [buildPlan(r.value), planFrom(SUPPORT_EN), planFrom(ART_STUDIO_ZH)]) {
      for (const locale of ["en", "zh"] as const) {
        const view = buildPlanView(plan, { locale });
        const block = view.sections.find((s) => s.id === "profile")!.blocks.find((b) => b.kind === "facts");
        const rows = block?.kind === "facts" ? block.rows : [];
        const keys = Object.keys(plan.profile);
        expect(rows).toHaveLength(keys.length);
        for (const [i, key] of keys.entries()) {
          expect(rows[i].label).not.toBe(key);
          expect(rows[i].value).not.toMatch(/null|undefined|NaN/);
        }
        const md = renderPlanMarkdown(plan, locale);
        expect(md).not.toMatch(/\bnull\b/);
        const heading = view.sections.find((s) => s.id === "profile")!.heading;
        const rest = md.slice(md.indexOf(`## ${heading.replace(/[()]/g, (c) => c)}`) + heading.length);
        const profilePart = rest.slice(0, rest.search(/\n## /u) === -1 ? undefined : rest.search(/\n## /u));
        expect(profilePart).toContain(rows[0].label);
        // camelCase keys cannot be ordinary words; the one-word keys are checked in the rows above.
        for (const key of keys.filter((k) => /[A-Z]/.test(k))) expect(profilePart).not.toContain(key);
      }
    }
  });

  it("writes the assumed defaults under the reasons of the memo", () => {
    const plan = planFrom(SUPPORT_EN);
    const assumedReason = plan.feasibility.reasons.find((x) => x.assumed?.length);
    expect(assumedReason).toBeDefined();
    const key = assumedReason!.assumed![0];
    const en = renderPlanMarkdown(plan, "en");
    const zh = renderPlanMarkdown(plan, "zh");
    expect(en).toContain(`${T.en("plan.reason.assumed")}: ${assumedFactTexts([key], plan.profile, T.en, "USD")[0]}`);
    expect(zh).toContain(`${T.zh("plan.reason.assumed")}: ${assumedFactTexts([key], plan.profile, T.zh, "USD")[0]}`);
  });
});
