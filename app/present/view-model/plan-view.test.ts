import { describe, expect, it } from "vitest";
import { TEMPLATES } from "~/domain/kb/templates";
import { buildPlan } from "~/domain/plan";
import type { DecisionPlan } from "~/domain/plan-types";
import { parseScenarioInput } from "~/domain/scenario";
import { buildPlanView } from "~/present/view-model/plan-view";
import type { Block } from "~/present/view-model/types";
import { sensitivityGroups } from "~/present/sensitivity";
import { translator } from "~/i18n/translate";
import { deepFreeze } from "~/lib/deep-freeze";
import { diffVersions } from "~/lib/diff";

const planOf = (raw: object): DecisionPlan => {
  const r = parseScenarioInput(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return buildPlan(r.value);
};

const art = () =>
  planOf({
    description:
      "我们是一家美术培训机构，想做一个给学生作品自动写评语的工具，老师审核后发给家长。目前有大约2000条老师写过的评语。已有1000多位老师愿意每月付几十元。",
    locale: "zh",
  });
const blocksOf = (view: ReturnType<typeof buildPlanView>, id: string): Block[] => view.sections.find((s) => s.id === id)?.blocks ?? [];
const text = (v: unknown) => JSON.stringify(v);

describe("the bottom line", () => {
  it("answers in one sentence with the verdict, the people, the weeks, the money and the break-even, in the reader's language", () => {
    const plan = art();
    const zh = buildPlanView(plan, { locale: "zh" }).brief;
    expect(zh.answer).toContain(zh.verdict.label);
    expect(zh.answer).toContain(`${plan.team.headcount} 人`);
    expect(zh.answer).toMatch(/¥/);
    expect(zh.answer).toMatch(plan.finance.breakEvenMonth === null ? /不能回本/ : new RegExp(`第 ${plan.finance.breakEvenMonth} 个月`));
    const en = buildPlanView(plan, { locale: "en" }).brief;
    expect(en.answer).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.ask.map((f) => f.id)).toEqual(["oneOff", "monthly", "people", "weeks"]);
    expect(en.money.map((f) => f.id)).toEqual(["breakEven", "npv"]);
    expect(en.money[0].detail).toMatch(
      /P10–P90: (month \d+ to (month \d+|beyond the horizon)|not within the horizon at either end) · \d+% chance within 36 months/,
    );
  });

  it("says a break-even range past the horizon once, not 'never to never'", () => {
    const plan = art();
    const detail = (p10: number | null, p90: number | null, locale: "zh" | "en") => {
      plan.finance.ranges.breakEvenMonth = { ...plan.finance.ranges.breakEvenMonth, p10, p90 };
      return buildPlanView(plan, { locale }).brief.money[0].detail ?? "";
    };
    expect(detail(null, null, "zh")).toMatch(/^P10–P90：两端都在预测期内不回本 · /);
    expect(detail(null, null, "en")).toMatch(/^P10–P90: not within the horizon at either end · /);
    expect(detail(14, null, "en")).toMatch(/^P10–P90: month 14 to beyond the horizon · /);
    expect(detail(9, 20, "zh")).toMatch(/^P10–P90：第 9 个月 至 第 20 个月 · /);
  });

  it("lists the three most serious risks, high before medium before low, each with its mitigation", () => {
    const plan = art();
    plan.risks = [
      { id: "a", text: { zh: "低", en: "low one" }, mitigation: { zh: "x", en: "fix a" }, severity: "low", source: "s" },
      { id: "b", text: { zh: "中", en: "medium one" }, mitigation: { zh: "x", en: "fix b" }, severity: "medium", source: "s" },
      { id: "c", text: { zh: "高", en: "high one" }, mitigation: { zh: "x", en: "fix c" }, severity: "high", source: "s" },
      { id: "d", text: { zh: "低2", en: "low two" }, mitigation: { zh: "x", en: "fix d" }, severity: "low", source: "s" },
    ];
    const risks = buildPlanView(plan, { locale: "en" }).brief.risks;
    expect(risks.map((r) => r.text)).toEqual(["high one", "medium one", "low one"]);
    expect(risks[0].mitigation).toBe("fix c");
  });

  it("marks the money figures that rest on figures nobody stated, weightiest first, and not the ones the user gave", () => {
    const plan = art();
    const money = buildPlanView(plan, { locale: "en" }).brief.money[0];
    const keys = (money.assumed ?? []).map((a) => a.key);
    expect(keys).toContain("finance.conversionRate");
    expect(keys).not.toContain("finance.pricePerUserMonth");
    const stated = planOf({
      description: "Comments for art teachers; teachers review each.",
      locale: "en",
      market: "toC",
      business: {
        currency: "USD",
        conversionRate: 0.04,
        monthlyChurnRate: 0.05,
        monthlyReach: 20000,
        pricePerUserMonth: 9,
        monthlyGrowthRate: 0.01,
      },
    });
    const after = (buildPlanView(stated, { locale: "en" }).brief.money[0].assumed ?? []).map((a) => a.key);
    for (const k of ["finance.conversionRate", "finance.monthlyChurnRate", "finance.monthlyReach", "finance.pricePerUserMonth"])
      expect(after).not.toContain(k);
  });

  it("renders the contract fields other streams add: confirm[] with an in-place edit, constraints, quality, the gate, unit economics", () => {
    const plan = art() as DecisionPlan & Record<string, unknown>;
    plan.confirm = [
      { key: "users", value: 1000, source: "heuristic", affects: ["oneOffCost", "verdict"], alternative: { value: 100 } },
      {
        key: "humanReview",
        value: "always",
        source: "heuristic",
        evidence: ["老师审核后"],
        affects: ["verdict"],
        alternative: { value: "none", verdict: "rethink" },
      },
    ];
    plan.regulations = [
      {
        id: "cn.genai",
        kind: "filing",
        jurisdictions: ["CN"],
        effective: "2023-08-15",
        capVerdict: "pilot",
        text: { zh: "面向公众的生成式服务需备案", en: "Public generative services must be filed" },
        requirement: { zh: "上线前完成备案", en: "File before launch" },
        source: "生成式人工智能服务管理暂行办法 (2023)",
      },
      // An obligation that does not cap the verdict is among the risks, not at the head of the brief.
      {
        id: "cn.label",
        kind: "filing",
        jurisdictions: ["CN"],
        effective: "2025-09-01",
        text: { zh: "生成内容需标识", en: "Label generated content" },
        requirement: { zh: "加标识", en: "Add labels" },
        source: "人工智能生成合成内容标识办法 (2025)",
      },
    ];
    plan.constraints = [{ kind: "budget", stated: 100000, planned: plan.cost.oneOffTotal, fits: false, source: "user" }];
    plan.quality = {
      metric: "accepted without edits",
      task: "generation",
      tier: 1,
      low: 0.6,
      high: 0.8,
      threshold: 0.7,
      sources: ["A study (2025)"],
      rounds: [],
      roundsToThreshold: 1,
    };
    plan.techniques = [
      ...plan.techniques,
      {
        ...plan.techniques[0],
        id: "rag",
        tier: 2,
        gate: "faithfulness below 90% on the eval set",
        gateText: { zh: "评测集上忠实度低于 90%", en: "faithfulness below 90% on the eval set" },
      } as never,
    ];
    (plan.finance as unknown as Record<string, unknown>).unitEconomics = {
      costPerActiveUserMonth: 1.5,
      grossMargin: 0.8,
      ltv: 300,
      cac: 50,
      ltvToCac: 6,
      paybackMonths: 2,
    };
    const view = buildPlanView(plan, { locale: "zh", audience: "owner" });
    const b = view.brief;
    expect(b.confirm.map((c) => [c.key, c.value, c.edit?.field])).toEqual([
      // The users are the 1000多位老师 who pay (the 2000 comments are examples, issue 9 item 4).
      ["users", "1,000", "usage.users"],
      ["humanReview", "每条输出都有人审核", "humanReview"],
    ]);
    expect(b.confirm[0].quotes).toEqual(plan.profile.users.evidence);
    expect(b.confirm[0].affects.join("")).toMatch(/一次性投入/);
    expect(b.confirm[1].quotes).toEqual(["老师审核后"]);
    expect(b.confirm[1].ifOther).toBe("如果是无人审核：结论变为需重新思考。");
    expect(b.regulations).toEqual([
      {
        text: "面向公众的生成式服务需备案",
        requirement: "上线前完成备案",
        source: expect.stringMatching(/^\[\d+\]$/),
        cap: "结论最多为先试点",
      },
    ]);
    expect(view.sources.map((s) => s.text)).toContain("生成式人工智能服务管理暂行办法 (2023)");
    expect(b.confirm[1].edit?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(["always", "sampled", "none"]));
    expect(b.constraints).toEqual([expect.objectContaining({ kind: "budget", fits: false })]);
    expect(b.ask.find((f) => f.id === "oneOff")?.tone).toBe("bad");
    expect(b.quality?.value).toBe("60% 至 80%");
    expect(b.nextStep.gate).toMatch(/评测集上忠实度低于 90%/);
    expect(text(blocksOf(view, "q6"))).toMatch(/单位经济/);
    // A gated technique is an escalation, not part of what the plan commits to.
    expect(text(blocksOf(view, "q2"))).not.toMatch(/检索增强/);
  });
});

/** The assumption keys the plan's editor and appendix offer. */
const editorKeys = (view: ReturnType<typeof buildPlanView>) =>
  view.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === "assumptions" ? b.groups.flatMap((g) => g.items.map((i) => i.key)) : [])),
  );

describe("only what applies", () => {
  it("shows no self-hosting figures or fine-tuning options under an API prompting plan", () => {
    const plan = art();
    expect(plan.compute.deployment).toBe("api");
    expect(plan.compute.fineTune).toBeNull();
    const view = buildPlanView(plan, { locale: "en" });
    const q3 = text(blocksOf(view, "q3"));
    expect(q3).not.toMatch(/Self-hosted|Serving|Fine-tuning options|Open model size/);
    const keys = editorKeys(view);
    for (const k of [
      "compute.fineTuneMfu",
      "compute.servingConcurrency",
      "compute.gpuPricePerHourUsd",
      "compute.modelSizeB",
      "compute.model",
      "compute.servingGpu",
      "compute.servingPrecision",
      "compute.servingUtilisation",
      "compute.servingGpuPricePerHourUsd",
      "compute.activeHoursPerDay",
      "compute.peakToAverage",
    ])
      expect(keys).not.toContain(k);
    // What the API plan does run on stays editable: the API model and its token prices.
    for (const k of ["compute.apiModel", "compute.apiInputPerMTokUsd", "compute.apiOutputPerMTokUsd"]) expect(keys).toContain(k);
    // Published fine-tuning datasets are not cited as data references for a prompting plan.
    expect(text(blocksOf(view, "q5"))).not.toMatch(/InstructGPT|Alpaca|dolly/i);
  });

  it("shows the serving figures when the plan runs its own servers", () => {
    const tpl = TEMPLATES.find((t) => t.id === "medical-record-summary")!;
    const plan = buildPlan(tpl.input.en);
    expect(plan.compute.deployment).toBe("self_hosted");
    const view = buildPlanView(plan, { locale: "en" });
    const keys = editorKeys(view);
    for (const k of [
      "compute.model",
      "compute.servingGpu",
      "compute.servingUtilisation",
      "compute.peakToAverage",
      "compute.servingConcurrency",
    ])
      expect(keys).toContain(k);
  });

  it("draws drivers that move the NPV identically as one, named after all of them", () => {
    const plan = art();
    const view = buildPlanView(plan, { locale: "en" });
    const labels = view.charts.tornado.config.data.labels as string[];
    expect(new Set(labels).size).toBe(labels.length);
    // Each bar is one group; no two groups move the NPV and the break-even identically (bars may round alike).
    const groups = sensitivityGroups(plan, translator("en")).filter((g) => labels.includes(g.label));
    expect(groups).toHaveLength(labels.length);
    const moves = groups.map((g) => `${g.npvLow}|${g.npvHigh}|${g.breakEvenLow}|${g.breakEvenHigh}`);
    expect(new Set(moves).size).toBe(moves.length);
    // Conversion × reach move revenue together in the art-studio plan: one bar named after both.
    expect(groups.some((g) => g.keys.length > 1)).toBe(true);
  });

  it("keeps the engine's workings (rule points) for the owner only", () => {
    const plan = art();
    expect(text(blocksOf(buildPlanView(plan, { locale: "en", audience: "owner" }), "q1"))).toMatch(/pts/);
    expect(text(blocksOf(buildPlanView(plan, { locale: "en", audience: "reader" }), "q1"))).not.toMatch(/pts/);
  });
});

describe("the stamp", () => {
  it("names the version and the time it was saved in the reader's zone, or says it was never saved", () => {
    const plan = art();
    expect(
      buildPlanView(plan, { locale: "en", version: { number: 3, savedAt: "2026-11-30T13:05:00Z" }, timeZone: "Asia/Shanghai" }).stamp.text,
    ).toBe("v3 · saved 30 Nov 2026, 21:05 (UTC+8)");
    expect(buildPlanView(plan, { locale: "zh", version: { number: 3, savedAt: "2026-11-30T13:05:00Z" } }).stamp.text).toBe(
      "第 3 版 · 保存于 2026年11月30日 13:05（UTC）",
    );
    expect(buildPlanView(plan, { locale: "en" }).stamp.text).toBe("not saved");
  });
});

describe("a shared, frozen plan (the version cache hands the plan page its plans without a copy)", () => {
  it("builds the same view and the same diff from deep-frozen plans as from copies: every template in zh and en, both audiences", () => {
    const plans = TEMPLATES.flatMap((tpl) => [planOf(tpl.input.zh), planOf(tpl.input.en)]);
    expect(plans.length).toBeGreaterThanOrEqual(10);
    plans.forEach((plan, i) => {
      const frozen = deepFreeze(structuredClone(plan));
      for (const locale of ["zh", "en"] as const) {
        for (const audience of ["owner", "reader"] as const) {
          const options = { locale, audience, timeZone: "Asia/Shanghai" };
          expect(text(buildPlanView(frozen, options))).toBe(text(buildPlanView(plan, options)));
        }
        // The diff of two versions reads both plans and views.
        const before = plans[(i + 1) % plans.length];
        const frozenBefore = deepFreeze(structuredClone(before));
        const side = (p: DecisionPlan) => ({ input: p.input, plan: p, view: buildPlanView(p, { locale, audience: "owner" }) });
        expect(text(diffVersions(side(frozenBefore), side(frozen), translator(locale)))).toBe(
          text(diffVersions(side(before), side(plan), translator(locale))),
        );
      }
    });
  });
});
