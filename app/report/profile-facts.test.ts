import { describe, expect, it } from "vitest";
import { BUSINESS_FACT_KEYS } from "~/domain/profile/business";
import { translator } from "~/i18n/translate";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput } from "~/domain/scenario";
import { renderPlanMarkdown } from "~/report/markdown";
import { assumedFactTexts, formatFactValue, profileFactRows } from "~/report/profile-facts";
import { buildReportModel } from "~/report/report-model";
import { ART_STUDIO_ZH, planFrom, SUPPORT_EN } from "../../test/report-fixtures";

const fact = (value: number | null, extra: Record<string, unknown> = {}) => ({ value, source: value === null ? "default" : "user", ...extra });

describe("profile facts as the views show them", () => {
  it("formats business figures with their unit: money in its own currency, rates as %, hours, months", () => {
    expect(formatFactValue("pricePerUserMonth", fact(19.99, { currency: "USD" }), "en", "CNY")).toBe("$19.99");
    expect(formatFactValue("contractValuePerYear", fact(50000, { currency: "CNY" }), "zh", "USD")).toBe("¥50,000");
    expect(formatFactValue("loadedHourlyWage", fact(60), "en", "USD")).toBe("$60");
    expect(formatFactValue("adoptionRate", fact(0.7), "en", "USD")).toBe("70%");
    expect(formatFactValue("monthlyChurnRate", fact(0.025), "zh", "CNY")).toBe("2.5%");
    expect(formatFactValue("hoursSavedPerStaffPerWeek", fact(5), "en", "USD")).toBe("5 h/week");
    expect(formatFactValue("hoursSavedPerStaffPerWeek", fact(2.5), "zh", "CNY")).toBe("每周 2.5 小时");
    expect(formatFactValue("salesCycleMonths", fact(3), "en", "USD")).toBe("3 months");
    expect(formatFactValue("targetCustomers", fact(1200), "en", "USD")).toBe("1,200");
    for (const key of BUSINESS_FACT_KEYS) expect(formatFactValue(key, fact(null), "en", "USD")).toBe("—");
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
    expect(formatFactValue("stakes", { value: "medium", source: "default" }, "en", "USD")).toMatch(/^Medium/);
    expect(formatFactValue("market", { value: "toB", source: "user" }, "zh", "CNY")).toMatch(/企业/);
    expect(formatFactValue("tasks", { value: ["qa", "text_to_sql"], source: "heuristic" }, "en", "USD")).toBe("Question answering, Text-to-SQL");
    expect(formatFactValue("personalData", { value: false, source: "default" }, "zh", "CNY")).toBe("否");
  });

  it("turns a business fact's derivation codes into words in either language", () => {
    const note = "churn_from_renewal; yearly_to_monthly";
    const zh = profileFactRows({ monthlyChurnRate: fact(0.02, { note, evidence: ["续费率 98%"] }) }, "zh", "CNY");
    expect(zh[0].note).toBe("流失率 = 1 − 续费率；年率已折算为月率");
    expect(zh[0].evidence).toEqual(["续费率 98%"]);
    expect(profileFactRows({ monthlyChurnRate: fact(0.02, { note }) }, "en", "USD")[0].note).toBe("churn = 1 − renewal; yearly rate converted to monthly");
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
    expect(assumedFactTexts(["stakes"], profile, "en", "USD")).toEqual(["Stakes = Medium: mistakes cost something (default)"]);
    expect(assumedFactTexts(["humanReview"], profile, "zh", "CNY")).toEqual(["人工审核 = 抽检（默认值）"]);
    expect(assumedFactTexts(undefined, profile, "en", "USD")).toEqual([]);
  });

  it("lists every profile fact of a real plan in the PDF model and the memo, with no raw key or null", () => {
    const r = parseScenarioInput({
      description: "Our 40 support agents answer refund emails. The assistant saves each agent 5 hours a week; loaded cost $60/hour; adoption 70%.",
      market: "internal",
    });
    if (!r.ok) throw new Error("fixture");
    for (const plan of [buildPlan(r.value), planFrom(SUPPORT_EN), planFrom(ART_STUDIO_ZH)]) {
      for (const locale of ["en", "zh"] as const) {
        const model = buildReportModel(plan, locale);
        const appendix = model.sections.find((s) => s.id === "assumptions")!;
        const table = appendix.blocks.filter((b) => b.kind === "table").at(-1) as { rows: string[][] };
        const keys = Object.keys(plan.profile);
        expect(table.rows).toHaveLength(keys.length);
        for (const [i, key] of keys.entries()) {
          expect(table.rows[i][0]).not.toBe(key);
          expect(table.rows[i][1]).not.toMatch(/null|undefined|NaN/);
        }
        const md = renderPlanMarkdown(plan, locale);
        expect(md).not.toMatch(/\bnull\b/);
        const heading = locale === "zh" ? "场景画像中的事实" : "Facts of the scenario profile";
        const rest = md.slice(md.indexOf(heading) + heading.length);
        const profilePart = rest.slice(0, rest.search(/\n#+ /u) === -1 ? undefined : rest.search(/\n#+ /u));
        expect(profilePart).toContain(table.rows[0][0]);
        // camelCase keys cannot be ordinary words; the one-word keys are checked in the table above.
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
    expect(en).toContain(`Assumed: ${assumedFactTexts([key], plan.profile as unknown as Record<string, unknown>, "en", "USD")[0]}`);
    expect(zh).toContain(`依据的默认值：${assumedFactTexts([key], plan.profile as unknown as Record<string, unknown>, "zh", "USD")[0]}`);
  });
});
