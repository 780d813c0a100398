import { describe, expect, it } from "vitest";
import { parseScenarioInput } from "~/domain/scenario";
import { formDataToRawInput, formDataToValues, inputToValues, parseScenarioForm, readTypedNumber } from "~/lib/scenario-form";

function toForm(values: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return form;
}

describe("scenario form mapping", () => {
  it("round-trips a full input through the form's strings", () => {
    const parsed = parseScenarioInput({
      title: "画室评语",
      description: "老师给学生画作写评语",
      locale: "zh",
      industry: "education",
      market: "toC",
      tasks: ["rewriting", "generation"],
      knowledge: ["vertical_expertise"],
      data: { labeledExamples: 5000, chatLogs: 0 },
      stakes: "low",
      humanReview: "always",
      deployment: "cloud_api",
      replacesSystemOfRecord: false,
      usage: { users: 1000, interactionsPerUserPerDay: 2.5 },
      business: { currency: "CNY", pricePerUserMonth: 30, conversionRate: 0.05 },
      assumptions: { "finance.pricePerUserMonth": 25 },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const again = parseScenarioInput(formDataToRawInput(toForm(inputToValues(parsed.value))));
    expect(again).toEqual(parsed);
  });

  it("leaves empty fields out so they are inferred, and reads typed thousands separators", () => {
    const raw = formDataToRawInput(toForm({ description: "x", title: " ", industry: "", "usage.users": "12,000", "data.documents": "" }));
    expect(raw).toEqual({ description: "x", usage: { users: 12000 } });
  });

  it("hands text typed into a number field to the schema, which names the field", () => {
    const r = parseScenarioInput(formDataToRawInput(toForm({ description: "x", "business.loadedHourlyWage": "a lot" })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain("business.loadedHourlyWage");
  });

  it("keeps every typed value, lists included, for the form after an error", () => {
    expect(formDataToValues(toForm({ description: "d", tasks: ["qa", "code"], intent: "x", _hidden: "y" }))).toEqual({
      description: "d",
      tasks: ["qa", "code"],
    });
  });

  it("answers a bad submission with errors by field in the reader's language and the typed values", () => {
    const form = toForm({ description: "画室评语", "usage.users": "很多", tasks: ["qa"] });
    const zh = parseScenarioForm(form, "zh");
    const en = parseScenarioForm(form, "en");
    if (zh.ok || en.ok) throw new Error("a word in a number field must not parse");
    expect(zh.errors["usage.users"]).toBe("必须是数字");
    expect(en.errors["usage.users"]).toBe("must be a number");
    expect(zh.values).toEqual({ description: "画室评语", "usage.users": "很多", tasks: ["qa"] });
  });

  it.each([
    ["12,000", 12000],
    ["1 000", 1000],
    ["12，000", 12000],
    [" 0.25 ", 0.25],
    ["", undefined],
    [",", undefined],
    ["a lot", undefined],
    ["Infinity", undefined],
  ])("reads the typed number %j as %j", (typed, expected) => {
    expect(readTypedNumber(typed)).toBe(expected);
  });

  it("reads business figures as people type them: shares with %, money with its sign, magnitudes in 万 and k", () => {
    const form = new FormData();
    form.set("description", "Comments for art teachers");
    form.set("business.conversionRate", "3%");
    form.set("business.monthlyChurnRate", "0.08");
    form.set("business.pricePerUserMonth", "¥30");
    form.set("business.monthlyReach", "1.5万");
    form.set("usage.users", "1,200");
    expect(formDataToRawInput(form)).toMatchObject({
      usage: { users: 1200 },
      business: { currency: "CNY", conversionRate: 0.03, monthlyChurnRate: 0.08, pricePerUserMonth: 30, monthlyReach: 15000 },
    });
    const usd = new FormData();
    usd.set("description", "x");
    usd.set("business.currency", "USD");
    usd.set("business.contractValuePerYear", "$8k");
    usd.set("business.pricePerUserMonth", "¥30");
    const raw = formDataToRawInput(usd) as { business: Record<string, unknown> };
    expect(raw.business.contractValuePerYear).toBe(8000);
    // Yuan typed into a dollar form is not silently taken as dollars: the schema names the field.
    expect(raw.business.pricePerUserMonth).toBe("¥30");
    const parsed = parseScenarioForm(usd, "zh");
    expect(parsed.ok || parsed.errors["business.pricePerUserMonth"]).toBe("必须是数字");
  });

  it("hands a good submission on as the parsed input", () => {
    const r = parseScenarioForm(toForm({ description: "Classify support tickets", tasks: ["classification"] }), "en");
    expect(r).toEqual(parseScenarioInput({ description: "Classify support tickets", tasks: ["classification"] }));
  });
});
