// Examples needed (anchored on LIMA 1k / InstructGPT 13k SFT + 33k RM / Alpaca 52k), the knowledge base to index, and
// the annotation effort each need takes.
import { derived, kb } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import { EST } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { DataAnchor, DataNeed } from "~/domain/estimate/types";

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
  /** Documents to index for retrieval (stated, else a mid-size default); 0 without retrieval. */
  documents: number;
}

export function dataVolumes(ctx: EstimateContext): DataVolumes {
  const { book, profile } = ctx;
  const tasks = profile.tasks.value.length ? profile.tasks.value : ["generation"];
  const byTask = EST.sftExamplesByTask.values;
  let sftTask = tasks[0];
  for (const t of tasks) if ((byTask[t] ?? 0) > (byTask[sftTask] ?? 0)) sftTask = t;
  const sftDefault = byTask[sftTask] ?? 5000;
  const sftNeeded = !ctx.fineTune
    ? 0
    : book.get("data.sftExamplesNeeded", {
        value: sftDefault,
        source: "kb",
        citation: `${EST.sftExamplesByTask.source} Task: ${sftTask}. Anchors: LIMA 1k, InstructGPT 13k, Alpaca 52k.`,
        range: { low: Math.max(1000, sftDefault * 0.5), high: sftDefault * 2 },
      });
  const onHand = profile.labeledExamples.value;
  const evalDefault = ctx.fineTune ? Math.max(200, Math.round(sftNeeded * 0.1)) : 200;
  const evalExamples = book.get("data.evalExamples", derived(evalDefault, "data.eval_set", { share: 0.1, minimum: 200 }));
  const rewardModelTarget = !ctx.rewardModel
    ? 0
    : book.get("data.rewardModelTarget", {
        value: Math.round(sftNeeded * EST.rewardModelToSftRatio.value),
        source: "kb",
        citation: EST.rewardModelToSftRatio.source,
      });
  const a = EST.annotation;
  // Filtering dialogues already in the chat logs is faster than writing examples from documents.
  const fromLogs = profile.chatLogs.value >= sftNeeded && sftNeeded > 0;
  const minutesPerSftExample = book.get(
    "data.minutesPerSftExample",
    kb(fromLogs ? a.minutesPerSftExampleFromLogs : a.minutesPerSftExample, true),
  );
  const minutesPerComparison = book.get("data.minutesPerComparison", kb(a.minutesPerComparison, true));
  // No range although the KB has low/high: no Monte Carlo driver draws this key, so a range would overstate the bands.
  const productiveHoursPerWeek = book.get("data.productiveHoursPerWeek", kb(a.productiveHoursPerWeek));
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
    documents: ctx.rag ? knowledgeDocuments(ctx) : 0,
  };
}

/** The stated document count, or a mid-size knowledge base when none is stated (so no phase sizes itself on zero). */
function knowledgeDocuments(ctx: EstimateContext): number {
  const f = ctx.profile.documents;
  const I = EST.timeline.ingestion;
  if (f.value > 0)
    return ctx.book.get("timeline.knowledgeDocuments", {
      value: f.value,
      source: f.source === "user" ? "user" : "profile",
      citation: f.evidence?.[0] ?? "data.documents",
    });
  return ctx.book.get("timeline.knowledgeDocuments", { ...kb(I.defaultDocuments), range: { low: 100, high: 5000 } });
}

export function dataAnchors(): DataAnchor[] {
  return EST.anchors.map((a) => ({ ...a }));
}

/** The needs with their effort; costs at the in-house hourly cost of the role doing it. */
export function dataNeeds(ctx: EstimateContext, v: DataVolumes, hourlyCost: { curator: number; annotator: number }): DataNeed[] {
  const needs: DataNeed[] = [];
  const tier = ctx.tier;
  const onHand = ctx.profile.labeledExamples.value;
  const push = (n: Omit<DataNeed, "annotationHours" | "annotationCost">, costPerHour: number) => {
    const hours = round3((n.toCollect * n.minutesPerItem) / 60);
    needs.push({ ...n, annotationHours: hours, annotationCost: Math.round(hours * costPerHour * 100) / 100 });
  };
  if (ctx.fineTune) {
    push(
      {
        id: "sft",
        task: v.sftTask,
        tier,
        examplesNeeded: v.sftNeeded,
        onHand: Math.min(v.sftNeeded, onHand),
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
        task: v.sftTask,
        tier,
        examplesNeeded: 20,
        onHand: Math.min(20, onHand),
        toCollect: Math.max(0, 20 - onHand),
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
    const pairs = Math.min(v.rewardModelTarget, ctx.profile.preferencePairs.value);
    // Collected partly by in-house labelling before launch and the rest from production feedback.
    push(
      {
        id: "reward_model",
        task: v.sftTask,
        tier,
        examplesNeeded: v.rewardModelTarget,
        onHand: pairs,
        toCollect: v.rewardModelTarget - pairs,
        unit: "feedback items",
        anchorId: "instructgpt-rm",
        minutesPerItem: v.minutesPerComparison,
      },
      hourlyCost.annotator,
    );
  }
  if (ctx.rag) {
    // Ingestion is automated; people spot-check a sample (the knowledge-prep phase), so the need counts documents only.
    push(
      {
        id: "rag_documents",
        task: "qa",
        tier: 2,
        examplesNeeded: v.documents,
        onHand: v.documents,
        toCollect: 0,
        unit: "documents",
        minutesPerItem: 0,
      },
      hourlyCost.curator,
    );
  }
  return needs;
}
