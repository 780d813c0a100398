// Questions 4 and 5: the team, and the timeline with data volumes and human feedback per month.
import { dataNeedLabel, workVolumeLabel } from "~/i18n/assumption-labels";
import type { ViewContext } from "~/present/view-model/context";
import type { Block, Section } from "~/present/view-model/types";

export function teamSection(ctx: ViewContext): Section {
  const { plan, t, f } = ctx;
  const team = plan.team;
  const blocks: Block[] = [];
  if (!team.roles.length) blocks.push({ kind: "paragraph", text: t("plan.team.none") });
  else {
    blocks.push({
      kind: "paragraph",
      text: t("q4.summary", {
        n: f.num(team.headcount, 0),
        pw: f.num(team.personWeeks, 0),
        labour: f.money(team.labourCost),
        run: f.money(team.runMonthlyCost),
      }),
    });
    blocks.push({
      kind: "table",
      testId: "team-table",
      columns: [
        t("plan.team.role"),
        t("plan.team.count"),
        t("plan.team.personWeeks"),
        t("plan.team.rate"),
        t("plan.team.labour"),
        t("plan.team.runFte"),
        t("plan.team.runCost"),
      ],
      rows: team.roles.map((r) => [
        t.pick(r.label, r.role),
        f.num(r.count, 0),
        f.num(r.personWeeks),
        f.money(r.monthlyRate),
        f.money(r.labourCost),
        f.num(r.runFte, 2),
        f.money(r.runMonthlyCost),
      ]),
      numeric: [false, true, true, true, true, true, true],
      widths: ["*", 35, 45, 60, 65, 40, 60],
    });
  }
  return { id: "q4", heading: t("plan.q4"), short: t("toc.q4"), blocks, appendix: false };
}

export function timelineSection(ctx: ViewContext): Section {
  const { plan, t, f } = ctx;
  const phases = plan.timeline.phases;
  const blocks: Block[] = [];
  if (phases.length) {
    blocks.push({
      kind: "paragraph",
      text: t("plan.timeline.total", { n: f.num(plan.timeline.totalWeeks), launch: f.num(plan.timeline.launchWeek) }),
    });
    blocks.push({ kind: "chart", chartId: "gantt" });
    const roleName = (role: string) => t.pick(plan.team.roles.find((r) => r.role === role)?.label, role);
    blocks.push({
      kind: "table",
      columns: [t("plan.timeline.phase"), t("plan.timeline.start"), t("plan.timeline.weeks"), t("plan.timeline.work"), t("q5.people")],
      rows: phases.map((ph) => {
        const wv = ph.workVolume;
        const volume = wv
          ? t(wv.rounds > 1 ? "q5.volumeRounds" : "q5.volume", {
              n: f.num(wv.quantity, 0),
              what: workVolumeLabel(wv as Parameters<typeof workVolumeLabel>[0], t.locale) || wv.unit,
              rate: f.num(wv.ratePerWeek, 0),
              rounds: wv.rounds,
            })
          : "";
        return [
          { text: t.pick(ph.nameText, ph.name), ...(ph.ongoing ? { sub: t("plan.timeline.ongoing") } : {}) },
          f.num(ph.startWeek),
          f.num(ph.weeks),
          volume,
          t.list(ph.roles.map((r) => `${roleName(r.role)} ${f.num(r.fte)}`)),
        ];
      }),
      numeric: [false, true, true, false, false],
      widths: [100, 40, 35, "*", 110],
    });
  } else blocks.push({ kind: "paragraph", text: t("plan.timeline.none") });
  blocks.push(...dataBlocks(ctx), ...feedbackBlocks(ctx));
  return { id: "q5", heading: t("plan.q5"), short: t("toc.q5"), blocks, appendix: false };
}

function dataBlocks(ctx: ViewContext): Block[] {
  const { plan, t, f } = ctx;
  const needs = plan.data.needs;
  if (!needs.length)
    return [
      { kind: "subheading", text: t("plan.data.title") },
      { kind: "paragraph", text: t("plan.data.none") },
    ];
  const blocks: Block[] = [{ kind: "subheading", text: t("plan.data.title") }];
  blocks.push({
    kind: "table",
    columns: [
      t("plan.data.need"),
      t("plan.data.needed"),
      t("plan.data.onHand"),
      t("plan.data.toCollect"),
      t("plan.data.hours"),
      t("plan.data.cost"),
    ],
    rows: needs.map((n) => [
      dataNeedLabel(n.id, t.locale),
      f.num(n.examplesNeeded, 0),
      f.num(n.onHand, 0),
      f.num(n.toCollect, 0),
      f.num(n.annotationHours, 0),
      f.money(n.annotationCost),
    ]),
    numeric: [false, true, true, true, true, true],
    widths: ["*", 55, 55, 55, 60, 70],
  });
  // Only the published reference points a need of this plan is sized from: no fine-tuning datasets for a prompting plan.
  const used = new Set(needs.map((n) => n.anchorId).filter(Boolean));
  const anchors = plan.data.anchors.filter((a) => used.has(a.id));
  if (anchors.length)
    blocks.push({
      kind: "paragraph",
      text: t("q5.anchors", {
        list: t.list(anchors.map((a) => `${a.name} (${f.num(a.examples, 0)}) ${ctx.sources.add(a.citation)}`.trim())),
      }),
    });
  if (plan.data.totalToCollect > 0)
    blocks.push({
      kind: "paragraph",
      text: t("q5.dataTotal", {
        n: f.num(plan.data.totalToCollect, 0),
        hours: f.num(plan.data.annotationHours, 0),
        cost: f.money(plan.data.annotationCost),
      }),
    });
  return blocks;
}

/** The feedback count with its terms filled in: "1,000 people × 5 a day × 22 days × 2% = 2,200 a month". */
export function feedbackFormula(ctx: ViewContext): string {
  const { plan, t, f } = ctx;
  const fb = plan.feedback;
  const i = fb.inputs;
  const rate = i.implicitRate > 0 ? `(${f.pct(i.explicitRate, 1)} + ${f.pct(i.implicitRate, 1)})` : f.pct(i.explicitRate, 1);
  return t("q5.feedback.formula", {
    users: f.num(i.users, 0),
    per: f.num(i.interactionsPerUserPerDay),
    days: f.num(i.workingDaysPerMonth, 0),
    rate,
    total: f.num(fb.perMonth, 0),
  });
}

function feedbackBlocks(ctx: ViewContext): Block[] {
  const { plan, t, f } = ctx;
  const fb = plan.feedback;
  const items = [
    fb.perMonth > 0
      ? t("q5.feedback.perMonth", {
          n: f.num(fb.perMonth, 0),
          explicit: f.num(fb.explicitPerMonth, 0),
          implicit: f.num(fb.implicitPerMonth, 0),
        })
      : t("q5.feedback.none"),
    feedbackFormula(ctx),
  ];
  if (fb.rewardModelTarget > 0) {
    const m = fb.monthsToRewardModelTarget;
    items.push(
      m === null
        ? t("q5.feedback.rmNever", { n: f.num(fb.rewardModelTarget, 0) })
        : t("q5.feedback.rm", { n: f.num(fb.rewardModelTarget, 0), months: f.num(m) }),
    );
  }
  return [
    { kind: "subheading", text: t("plan.feedback.title") },
    { kind: "bullets", items },
  ];
}
