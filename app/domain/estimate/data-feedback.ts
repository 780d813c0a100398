// Examples needed (anchored on LIMA 1k / InstructGPT 13k SFT + 33k RM / Alpaca 52k), annotation effort and the
// feedback flow once in production: perMonth = users × interactions/day × working days × feedback rate.
import type { EstimateContext } from "~/domain/estimate/context";
import { factProvenance } from "~/domain/estimate/context";
import { EST } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { DataAnchor, DataNeed, FeedbackPlan } from "~/domain/estimate/types";

const kbSrc = (s: { source: string }) => s.source;

export interface DataVolumes {
  sftNeeded: number;
  sftToCollect: number;
  sftTask: string;
  evalExamples: number;
  /** Evaluation examples still to write once the labelled data left over from the SFT set is used. */
  evalToCollect: number;
  rewardModelTarget: number;
  minutesPerSftExample: number;
  minutesPerComparison: number;
  productiveHoursPerWeek: number;
  documents: number;
}

export function dataVolumes(ctx: EstimateContext): DataVolumes {
  const { book, profile } = ctx;
  const tasks = profile.tasks.value.length ? profile.tasks.value : ["generation"];
  const byTask = EST.sftExamplesByTask.values;
  let sftTask = tasks[0];
  for (const t of tasks) if ((byTask[t] ?? 0) > (byTask[sftTask] ?? 0)) sftTask = t;
  const sftDefault = byTask[sftTask] ?? 5000;
  const sftNeeded = !ctx.fineTune ? 0 : book.num("data.sftExamplesNeeded", {
    value: sftDefault,
    source: "kb",
    citation: `${EST.sftExamplesByTask.source} Task: ${sftTask}. Anchors: LIMA 1k, InstructGPT 13k, Alpaca 52k.`,
    unit: "examples",
    label: { zh: "监督微调所需样本数", en: "SFT examples needed" },
    group: "data",
    range: { low: Math.max(1000, sftDefault * 0.5), high: sftDefault * 2 },
  });
  const onHand = profile.labeledExamples.value;
  const evalDefault = ctx.fineTune ? Math.max(200, Math.round(sftNeeded * 0.1)) : 200;
  const evalExamples = book.num("data.evalExamples", {
    value: evalDefault,
    source: "default",
    citation: "assumption: a held-out evaluation set of 10% of the SFT set (at least 200 cases) to compare prompt, RAG and fine-tune versions",
    unit: "examples",
    label: { zh: "评测集样本数", en: "Evaluation set size" },
    group: "data",
  });
  const rmDefault = ctx.rewardModel ? Math.round(sftNeeded * EST.rewardModelToSftRatio.value) : 0;
  const rewardModelTarget = !ctx.rewardModel ? 0 : book.num("data.rewardModelTarget", {
    value: rmDefault,
    source: "kb",
    citation: `${kbSrc(EST.rewardModelToSftRatio)}; one ranked prompt or one pick among candidates = one feedback item`,
    unit: "feedback items",
    label: { zh: "奖励模型目标反馈条数", en: "Reward-model feedback target" },
    group: "feedback",
  });
  const a = EST.annotation;
  // Filtering dialogues already in the chat logs is faster than writing examples from documents.
  const fromLogs = profile.chatLogs.value >= sftNeeded && sftNeeded > 0;
  const perExample = fromLogs ? a.minutesPerSftExampleFromLogs : a.minutesPerSftExample;
  const minutesPerSftExample = book.kb("data.minutesPerSftExample", perExample, {
    unit: "min/example",
    label: { zh: fromLogs ? "每条样本整理用时（来自聊天记录）" : "每条样本整理用时", en: fromLogs ? "Minutes to curate one example (from chat logs)" : "Minutes to curate one example" },
    group: "data",
    range: { low: perExample.low ?? perExample.value, high: perExample.high ?? perExample.value },
  });
  const minutesPerComparison = book.kb("data.minutesPerComparison", a.minutesPerComparison, {
    unit: "min/item",
    label: { zh: "每条偏好标注用时", en: "Minutes per preference label" },
    group: "data",
    range: { low: a.minutesPerComparison.low ?? a.minutesPerComparison.value, high: a.minutesPerComparison.high ?? a.minutesPerComparison.value },
  });
  // No range although the KB has low/high: no Monte Carlo driver draws this key, so a range would overstate the P10–P90 bands.
  const productiveHoursPerWeek = book.kb("data.productiveHoursPerWeek", a.productiveHoursPerWeek, {
    unit: "h/week",
    label: { zh: "每人每周有效工时", en: "Productive hours per person-week" },
    group: "data",
  });
  return {
    sftNeeded,
    sftToCollect: Math.max(0, sftNeeded - onHand),
    sftTask,
    evalExamples,
    evalToCollect: evalExamples - Math.min(evalExamples, Math.max(0, onHand - sftNeeded)),
    rewardModelTarget,
    minutesPerSftExample,
    minutesPerComparison,
    productiveHoursPerWeek,
    documents: ctx.rag ? profile.documents.value : 0,
  };
}

export function dataAnchors(): DataAnchor[] {
  return EST.anchors.map((a) => ({ ...a }));
}

/** The needs with their effort; costs are filled in by the team module (in-house hourly cost of the role doing it). */
export function dataNeeds(ctx: EstimateContext, v: DataVolumes, hourlyCost: { curator: number; annotator: number }): DataNeed[] {
  const needs: DataNeed[] = [];
  const tier = ctx.tier;
  const push = (n: Omit<DataNeed, "annotationHours" | "annotationCost">, costPerHour: number) => {
    const hours = round3((n.toCollect * n.minutesPerItem) / 60);
    needs.push({ ...n, annotationHours: hours, annotationCost: Math.round(hours * costPerHour * 100) / 100 });
  };
  if (ctx.fineTune) {
    push(
      {
        id: "sft",
        label: { zh: "监督微调样本（问答对）", en: "Supervised fine-tuning examples" },
        task: v.sftTask,
        tier,
        examplesNeeded: v.sftNeeded,
        onHand: Math.min(v.sftNeeded, ctx.profile.labeledExamples.value),
        toCollect: v.sftToCollect,
        unit: "examples",
        anchorId: v.sftNeeded <= 2000 ? "lima" : v.sftNeeded <= 20000 ? "instructgpt-sft" : "alpaca",
        minutesPerItem: v.minutesPerSftExample,
      },
      hourlyCost.curator,
    );
  } else {
    push(
      {
        id: "few_shot",
        label: { zh: "少样本示例", en: "Few-shot examples" },
        task: v.sftTask,
        tier,
        examplesNeeded: 20,
        onHand: Math.min(20, ctx.profile.labeledExamples.value),
        toCollect: Math.max(0, 20 - ctx.profile.labeledExamples.value),
        unit: "examples",
        minutesPerItem: v.minutesPerSftExample * 2,
      },
      hourlyCost.annotator,
    );
  }
  const evalOnHand = v.evalExamples - v.evalToCollect;
  push(
    {
      id: "eval",
      label: { zh: "评测集", en: "Evaluation set" },
      task: v.sftTask,
      tier,
      examplesNeeded: v.evalExamples,
      onHand: evalOnHand,
      toCollect: v.evalExamples - evalOnHand,
      unit: "examples",
      minutesPerItem: v.minutesPerSftExample,
    },
    hourlyCost.annotator,
  );
  if (ctx.rewardModel) {
    const onHand = Math.min(v.rewardModelTarget, ctx.profile.preferencePairs.value);
    push(
      {
        id: "reward_model",
        label: { zh: "奖励模型偏好数据", en: "Reward-model preference data" },
        task: v.sftTask,
        tier,
        examplesNeeded: v.rewardModelTarget,
        onHand,
        // Collected partly by in-house labelling before launch and the rest from production feedback.
        toCollect: v.rewardModelTarget - onHand,
        unit: "feedback items",
        anchorId: "instructgpt-rm",
        minutesPerItem: v.minutesPerComparison,
      },
      hourlyCost.annotator,
    );
  }
  if (ctx.rag) {
    push(
      {
        id: "rag_documents",
        label: { zh: "检索知识库文档", en: "Documents for retrieval" },
        task: "qa",
        tier: 2,
        examplesNeeded: v.documents,
        onHand: 0,
        toCollect: v.documents,
        unit: "documents",
        minutesPerItem: 60 * (EST.annotation.productiveHoursPerWeek.value / EST.timeline.documentsPerWeek.value),
      },
      hourlyCost.curator,
    );
  }
  return needs;
}

/** `days` is feedback.workingDaysPerMonth as planCompute registered it (it runs first and sets the request volume). */
export function feedbackPlan(ctx: EstimateContext, v: DataVolumes, labelledBeforeLaunch: number, days: number): FeedbackPlan {
  const { book, profile } = ctx;
  const usersProv = factProvenance(profile.users, "usage.users");
  const users = book.num("usage.users", {
    value: profile.users.value,
    ...usersProv,
    unit: "users",
    label: { zh: "活跃用户数", en: "Active users" },
    group: "feedback",
    range: { low: profile.users.value * 0.5, high: profile.users.value * 1.5 },
  });
  const ipdProv = factProvenance(profile.interactionsPerUserPerDay, "usage.interactionsPerUserPerDay");
  const interactions = book.num("usage.interactionsPerUserPerDay", {
    value: profile.interactionsPerUserPerDay.value,
    ...ipdProv,
    unit: "per user per day",
    label: { zh: "每用户每日交互次数", en: "Interactions per user per day" },
    group: "feedback",
  });
  const f = EST.feedback;
  // The description names no feedback: the plan's integration phase ships a thumbs up/down with the answers (see
  // timeline.integrationWeeks: "logging and the feedback UI"), so explicit feedback flows at its low opt-in rate.
  const mode = profile.feedbackMode.value === "none" ? "explicit" : profile.feedbackMode.value;
  const explicitDefault = f.explicitRate.value;
  const implicitDefault = mode === "implicit" ? f.implicitRate.value : 0;
  const explicitRate = book.kb("feedback.explicitRate", f.explicitRate, {
    citation:
      profile.feedbackMode.value === "none"
        ? `${f.explicitRate.source}; the description names no feedback step, so the plan counts the thumbs up/down its integration phase ships`
        : f.explicitRate.source,
    unit: "share of interactions",
    label: { zh: "显式反馈率（点赞/点踩）", en: "Explicit feedback rate (thumbs)" },
    group: "feedback",
    range: explicitDefault > 0 ? { low: f.explicitRate.low ?? explicitDefault, high: f.explicitRate.high ?? explicitDefault } : undefined,
  });
  const implicitRate = book.kb("feedback.implicitRate", f.implicitRate, {
    value: implicitDefault,
    unit: "share of interactions",
    label: { zh: "隐式反馈率（挑选/修改）", en: "Implicit feedback rate (pick / edit)" },
    group: "feedback",
    range: implicitDefault > 0 ? { low: f.implicitRate.low ?? implicitDefault, high: f.implicitRate.high ?? implicitDefault } : undefined,
  });
  const base = users * interactions * days;
  const explicitPerMonth = Math.round(base * explicitRate);
  const implicitPerMonth = Math.round(base * implicitRate);
  const perMonth = explicitPerMonth + implicitPerMonth;
  const onHand = ctx.profile.preferencePairs.value + labelledBeforeLaunch;
  const remaining = Math.max(0, v.rewardModelTarget - onHand);
  const months = v.rewardModelTarget === 0 || remaining === 0 ? 0 : perMonth > 0 ? Math.ceil(remaining / perMonth) : null;
  return {
    perMonth,
    explicitPerMonth,
    implicitPerMonth,
    mode: perMonth === 0 ? "none" : implicitPerMonth > 0 && mode === "implicit" ? "implicit" : "explicit",
    rewardModelTarget: v.rewardModelTarget,
    preferencePairsOnHand: onHand,
    monthsToRewardModelTarget: months,
    inputs: {
      users,
      interactionsPerUserPerDay: interactions,
      workingDaysPerMonth: days,
      explicitRate,
      implicitRate,
      comparisonsPerImplicitEvent: f.comparisonsPerImplicitEvent.value,
    },
    formula: "perMonth = users × interactionsPerUserPerDay × workingDaysPerMonth × (explicitRate + implicitRate)",
  };
}
