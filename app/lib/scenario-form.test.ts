import { describe, expect, it } from "vitest";
import { parseScenarioInput } from "~/domain/scenario";
import { errorsByField, formDataToRawInput, formDataToValues, inputToValues } from "~/lib/scenario-form";

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
    if (!r.ok) expect(errorsByField(r.errors)).toHaveProperty(["business.loadedHourlyWage"]);
  });

  it("keeps every typed value, lists included, for the form after an error", () => {
    expect(formDataToValues(toForm({ description: "d", tasks: ["qa", "code"], intent: "x", _hidden: "y" }))).toEqual({ description: "d", tasks: ["qa", "code"] });
  });
});
