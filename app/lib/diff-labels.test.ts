import { describe, expect, it } from "vitest";
import { buildPlan } from "~/domain/plan";
import { parseScenarioInput, type ScenarioInputRaw } from "~/domain/scenario";
import { HUMAN_REVIEW_LABELS, TASK_LABELS, TIER_LABELS, VERDICT_LABELS } from "~/i18n/enums";
import { MESSAGES } from "~/i18n/messages";
import { diffInputs, diffPlans } from "~/lib/diff";
import { fieldLabel, labelChanges, valueLabel, type LabelledChange } from "~/lib/diff-labels";

function input(raw: ScenarioInputRaw) {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const description = "Support reply drafts for our 200 agents; an agent edits each draft before it is sent.";
const before = input({ description, humanReview: "sampled", tasks: ["generation"], usage: { users: 200 } });
const after = input({
  description,
  humanReview: "always",
  tasks: ["generation", "classification"],
  usage: { users: 500 },
  replacesSystemOfRecord: true,
  business: { currency: "USD", loadedHourlyWage: 60 },
});
const plan = buildPlan(after);
const byPath = (rows: LabelledChange[], path: string) => rows.find((r) => r.path === path)!;

describe("the version diff in the reader's language", () => {
  it.each(["zh", "en"] as const)("names fields by the form's labels and enum values by theirs (%s)", (locale) => {
    const rows = labelChanges(diffInputs(before, after), plan, locale);
    const review = byPath(rows, "humanReview");
    expect(review).toMatchObject({
      field: MESSAGES[locale]["form.field.humanReview"],
      before: HUMAN_REVIEW_LABELS.sampled[locale],
      after: HUMAN_REVIEW_LABELS.always[locale],
    });
    expect(byPath(rows, "usage.users")).toMatchObject({ field: MESSAGES[locale]["form.field.users"], before: "200", after: "500" });
    expect(byPath(rows, "business.loadedHourlyWage")).toMatchObject({ field: MESSAGES[locale]["form.field.loadedHourlyWage"], before: null, after: "60" });
    const tasks = byPath(rows, "tasks");
    expect(tasks.after).toContain(TASK_LABELS.classification[locale]);
    expect(tasks.after).toContain(TASK_LABELS.generation[locale]);
    // No raw path or enum id is left where a label exists.
    for (const r of rows) {
      expect(r.field).not.toContain(".");
      for (const v of [r.before, r.after]) expect(["sampled", "always", "classification", "generation", "true"]).not.toContain(v);
    }
  });

  it("joins a list with the language's separator", () => {
    expect(valueLabel("tasks", "classification, generation", "zh")).toBe(`${TASK_LABELS.classification.zh}、${TASK_LABELS.generation.zh}`);
    expect(valueLabel("tasks", "classification, generation", "en")).toBe(`${TASK_LABELS.classification.en}, ${TASK_LABELS.generation.en}`);
  });

  it("reads a yes/no field as yes or no", () => {
    expect(valueLabel("replacesSystemOfRecord", "true", "zh")).toBe("是");
    expect(valueLabel("replacesSystemOfRecord", "false", "en")).toBe("No");
  });

  it("keeps numbers, free text, currency codes and unknown ids as written", () => {
    expect(valueLabel("usage.users", "500", "zh")).toBe("500");
    expect(valueLabel("description", "sampled review of drafts", "en")).toBe("sampled review of drafts");
    expect(valueLabel("business.currency", "USD", "zh")).toBe("USD");
    // A value a later vocabulary dropped still reads, rather than vanishing.
    expect(valueLabel("humanReview", "retired_value", "en")).toBe("retired_value");
    expect(valueLabel("humanReview", null, "en")).toBeNull();
  });

  it("labels the plan's headline figures: the verdict and the tier by their labels, the score as a number", () => {
    const other = buildPlan(input({ description: "Drafts hospital discharge letters from patient records; patient data must not leave the hospital network. 50 doctors.", stakes: "critical", humanReview: "none" }));
    const changes = diffPlans(other, plan);
    expect(changes.length).toBeGreaterThan(0);
    for (const locale of ["zh", "en"] as const) {
      const rows = labelChanges(changes, plan, locale);
      for (const r of rows) expect(r.field).toBe(fieldLabel(r.path, plan, locale));
      // The two plans differ in their verdict (checked below), so that row is there.
      const verdict = rows.find((r) => r.path === "plan.verdict")!;
      expect(verdict.field).toBe(MESSAGES[locale]["plan.verdict"]);
      expect(verdict.after).toBe(VERDICT_LABELS[plan.feasibility.verdict][locale]);
      expect(verdict.before).toBe(VERDICT_LABELS[other.feasibility.verdict][locale]);
      const tier = rows.find((r) => r.path === "plan.tier");
      if (tier) expect(tier.after).toBe(TIER_LABELS[plan.primaryTier][locale]);
      const score = rows.find((r) => r.path === "plan.score");
      if (score) expect(score.after).toBe(String(plan.feasibility.score));
    }
    expect(plan.feasibility.verdict).not.toBe(other.feasibility.verdict);
  });

  it("names an edited assumption by its label, and an unknown one by its key", () => {
    const a = plan.assumptions.find((x) => typeof x.value === "number" && x.label)!;
    expect(fieldLabel(`assumptions.${a.key}`, plan, "zh")).toBe(a.label!.zh);
    expect(fieldLabel(`assumptions.${a.key}`, plan, "en")).toBe(a.label!.en);
    expect(fieldLabel("assumptions.no.such.key", plan, "en")).toBe("no.such.key");
  });
});
