// The six questions of the seed, as sections of blocks: 1 reliable and why, 2 what a small team can achieve,
// 3 techniques by tier. Only what applies to the chosen path is shown.
import type { TechniqueChoice } from "~/domain/engine/types";
import { reasonText } from "~/i18n/derivations";
import { gpuName } from "~/i18n/gpu-names";
import { providerName } from "~/present/view-model/sources";
import type { ViewContext } from "~/present/view-model/context";
import { gateOf, qualityOf } from "~/present/view-model/plan-extensions";
import { assumedFactTexts } from "~/present/view-model/profile-facts";
import type { Block, ReasonItem, Section, TableBlock } from "~/present/view-model/types";
import { qualityMetricLabel } from "~/i18n/assumption-labels";
import { llmNoticeFor } from "~/i18n/llm-notice";

export function reliabilitySection(ctx: ViewContext): Section {
  const { plan, t, f } = ctx;
  const fz = plan.feasibility;
  const blocks: Block[] = [
    { kind: "paragraph", text: t("q1.summary", { verdict: t.label("verdict", fz.verdict), grade: fz.grade, score: f.num(fz.score, 0) }) },
  ];
  blocks.push(...llmBlocks(ctx));
  const reasons: ReasonItem[] = fz.reasons.map((r) => {
    const assumed = assumedFactTexts(r.assumed, plan.profile, t, ctx.currency);
    return {
      kind: r.kind,
      kindLabel: t.label("reasonKind", r.kind),
      text: t.pick(r.text, r.ruleId),
      ...(ctx.audience === "owner" && r.kind !== "gate"
        ? { points: t("plan.reason.points", { n: `${r.weight > 0 ? "+" : ""}${f.num(r.weight)}` }) }
        : {}),
      ...(r.source ? { source: ctx.sources.add(r.source) } : {}),
      ...(assumed.length ? { assumed: `${t("plan.reason.assumed")}: ${t.list(assumed)}` } : {}),
    };
  });
  blocks.push(reasons.length ? { kind: "reasons", items: reasons } : { kind: "paragraph", text: t("plan.reasons.none") });
  if (fz.dimensions.length) {
    blocks.push({ kind: "chart", chartId: "radar" });
    blocks.push({
      kind: "table",
      columns: [t("plan.dimension"), t("plan.score"), t("plan.weight")],
      rows: fz.dimensions.map((d) => [t.pick(d.label, t.label("dimension", d.id)), f.num(d.score, 0), f.pct(d.weight)]),
      numeric: [false, true, true],
      widths: ["*", 60, 60],
    });
  }
  return { id: "q1", heading: t("plan.q1"), short: t("toc.q1"), blocks, appendix: false };
}

export function achieveSection(ctx: ViewContext): Section {
  const { plan, t, f } = ctx;
  const committed = plan.techniques.filter((x) => !gateOf(x));
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: t("q2.summary", {
        people: f.num(plan.team.headcount, 0),
        weeks: f.num(plan.timeline.launchWeek),
        tier: t.label("tier", plan.primaryTier),
        techniques: t.list(committed.map((x) => t.pick(x.name, x.id))),
      }),
    },
  ];
  const q = qualityOf(plan);
  if (q)
    blocks.push({
      kind: "paragraph",
      text: t("q2.quality", {
        low: f.pct(q.low),
        high: f.pct(q.high),
        metric: t.pick(q.metricText, qualityMetricLabel(q.metric, t.locale)),
        refs: ctx.sources.refs(q.sources),
      }),
    });
  const fb = plan.feedback;
  const figures = [
    { id: "firstVersion", label: t("plan.achieve.firstVersion"), value: t("plan.achieve.weeks", { n: f.num(plan.timeline.launchWeek) }) },
    { id: "team", label: t("plan.achieve.team"), value: t("plan.achieve.people", { n: f.num(plan.team.headcount, 0) }) },
    { id: "feedback", label: t("plan.achieve.feedback"), value: f.num(fb.perMonth, 0) },
  ];
  if (fb.rewardModelTarget > 0) {
    const rm = fb.monthsToRewardModelTarget;
    figures.push({
      id: "rm",
      label: t("plan.achieve.rmTarget"),
      value: rm === 0 ? t("plan.achieve.already") : rm === null ? t("plan.achieve.noFlow") : t("plan.achieve.months", { n: f.num(rm) }),
    });
  }
  blocks.push({ kind: "figures", figures });
  const narrative = plan.llm.narrative ?? [];
  if (narrative.length)
    blocks.push(
      { kind: "notice", text: t("report.aiWritten") },
      ...narrative.map((text) => ({ kind: "paragraph" as const, text, ai: true })),
    );
  return { id: "q2", heading: t("plan.q2"), short: t("toc.q2"), blocks, appendix: false };
}

export function techniquesSection(ctx: ViewContext): Section {
  const { plan, t } = ctx;
  const blocks: Block[] = [];
  const row = (x: TechniqueChoice) => {
    const gate = gateOf(x);
    const why = t.pick(x.whyText, x.why);
    const trigger = x.triggeredBy.length
      ? t("plan.tech.triggeredByList", { list: t.list(x.triggeredBy.map((k) => t.label("fact", k))) })
      : "";
    return [
      { text: t.pick(x.name, x.id), ...(gate ? { sub: t("q3.escalation") } : {}) },
      { text: gate ? t("q3.gate", { gate: t.pick(gate.text, gate.gate), why }) : why, ...(trigger ? { sub: trigger } : {}) },
      ctx.sources.refs(x.sources),
    ];
  };
  for (const tier of [1, 2, 3] as const) {
    const inTier = plan.techniques.filter((x) => x.tier === tier && x.kind !== "traditional");
    if (!inTier.length) continue;
    blocks.push({ kind: "subheading", text: t.label("tier", tier) });
    blocks.push({
      kind: "table",
      columns: [t("q3.technique"), t("q3.why"), t("q3.sources")],
      rows: inTier.map(row),
      widths: [110, "*", 50],
    });
  }
  const traditional = plan.techniques.filter((x) => x.kind === "traditional");
  if (traditional.length) {
    blocks.push({ kind: "subheading", text: t("plan.tech.traditional") });
    blocks.push({
      kind: "table",
      columns: [t("q3.technique"), t("q3.why"), t("q3.sources")],
      rows: traditional.map(row),
      widths: [110, "*", 50],
    });
  }
  if (!blocks.length) blocks.push({ kind: "paragraph", text: t("plan.tech.none") });
  blocks.push({ kind: "subheading", text: t("q3.compute") }, computeTable(ctx));
  const ft = plan.compute.fineTune;
  if (ft) {
    const { f } = ctx;
    blocks.push({
      kind: "table",
      caption: t("plan.compute.fineTune"),
      columns: [
        t("plan.compute.method"),
        t("plan.compute.memory"),
        t("plan.compute.gpus"),
        t("plan.compute.gpuHours"),
        t("plan.compute.wallHours"),
        t("plan.compute.cost"),
      ],
      rows: plan.compute.fineTuneOptions.map((o) => [
        {
          text: `${t.label("fineTuneMethod", o.method)} · ${f.num(o.paramsB)}B · ${gpuName(o.gpu)}`,
          ...(o.method === ft.method ? { sub: t("plan.compute.chosen") } : !o.fits ? { sub: t("q3.doesNotFit") } : {}),
        },
        `${f.num(o.memoryGbPerGpu)} GB`,
        f.num(o.gpus, 0),
        f.num(o.gpuHours),
        f.num(o.wallHours),
        o.runs > 1 ? t("q3.runs", { cost: f.money(o.cost), n: o.runs }) : f.money(o.cost),
      ]),
      numeric: [false, true, true, true, true, true],
      widths: ["*", 60, 40, 55, 55, 80],
    });
  }
  return { id: "q3", heading: t("plan.q3"), short: t("toc.q3"), blocks, appendix: false };
}

/** Compute and deployment, for the path the plan takes only: no self-hosting figures under an API plan. */
function computeTable(ctx: ViewContext): TableBlock {
  const { plan, t, f } = ctx;
  const c = plan.compute;
  const rows: string[][] = [
    [
      t("plan.compute.deployment"),
      `${t(c.deployment === "api" ? "plan.compute.api" : "plan.compute.selfHosted")} — ${reasonText(c.deploymentReason as Parameters<typeof reasonText>[0], t.locale)}`,
    ],
  ];
  if (c.deployment === "api") {
    rows.push([
      t("plan.compute.apiCost"),
      t("q3.api", {
        provider: providerName(c.api.provider, t),
        model: c.api.model,
        requests: f.num(c.api.monthlyRequests, 0),
        tokens: f.num(c.api.monthlyTokens, 0),
        cost: f.money(c.api.monthlyCost),
        date: c.api.priceDate,
      }) + ` ${ctx.sources.add(c.api.citation)}`,
    ]);
  } else {
    rows.push([t("plan.compute.model"), `${f.num(c.modelSizeB)}B`]);
    rows.push([
      t("plan.compute.serving"),
      t("q3.serving", {
        precision: c.serving.precision,
        gb: f.num(c.serving.totalGb),
        gpus: f.num(c.serving.gpus, 0),
        gpu: gpuName(c.serving.gpu),
        cost: f.money(c.serving.monthlyCost),
      }),
    ]);
  }
  if (c.fineTune) {
    const ft = c.fineTune;
    rows.push([
      t("q3.fineTune"),
      t("q3.fineTuneText", {
        method: t.label("fineTuneMethod", ft.method),
        params: f.num(ft.paramsB),
        gpus: f.num(ft.gpus, 0),
        gpu: gpuName(ft.gpu),
        hours: f.num(ft.wallHours),
        gpuHours: f.num(ft.gpuHours),
        runs: ft.runs,
        cost: f.money(ft.cost),
      }),
    ]);
  }
  return { kind: "table", columns: [t("q3.item"), t("q3.estimate")], rows, widths: [110, "*"] };
}

/** The AI step that fed this plan: its model, tokens, cost and cache, and any notice (failed, proposals not used). */
function llmBlocks({ plan, t, f }: ViewContext): Block[] {
  const llm = plan.llm;
  const notice = llmNoticeFor(llm, t);
  if (llm.status === "failed") return [{ kind: "notice", text: notice ?? t("plan.llm.failed"), tone: "warn", testId: "llm-notice" }];
  if (llm.status !== "ok") return [];
  const u = llm.usage;
  const cost = u
    ? u.costUsd === null
      ? t("llm.unknownCost")
      : `≈ $${u.costUsd < 0.01 ? u.costUsd.toFixed(5) : u.costUsd.toFixed(2)}`
    : null;
  const parts = [
    llm.model,
    u ? t("llm.tokens", { p: f.num(u.promptTokens, 0), c: f.num(u.completionTokens, 0) }) : null,
    cost,
    llm.cached ? t("llm.cached") : null,
  ].filter(Boolean);
  const blocks: Block[] = [{ kind: "notice", text: `AI · ${t("llm.step")}: ${parts.join(" · ")}`, testId: "llm-usage-line" }];
  if (notice) blocks.push({ kind: "notice", text: notice, testId: "llm-notice" });
  return blocks;
}
