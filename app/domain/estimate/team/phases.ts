// The seed's phases, each sized by its work: a prompt-only tool is one or two people for a few weeks; retrieval adds an
// automated ingestion with a spot-check; fine-tuning adds data curation (3 operations staff × 3 weeks in the seed),
// the first round (2 engineers × 3 weeks), a trial with labelling and iteration rounds. Trials grow with an internal
// rollout only: products for customers run an internal trial or a beta with tens of users, whatever the market size.
import { derived, kb } from "~/domain/estimate/assumptions/book";
import type { EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data";
import { EST, type ROLE_IDS } from "~/domain/estimate/kb";
import { round3 } from "~/domain/estimate/money";
import type { WorkVolume } from "~/domain/estimate/types";

export type RoleId = (typeof ROLE_IDS)[number];

export interface PhaseDraft {
  id: string;
  /** The phase's name in the knowledge base (data/estimation.json `timeline.phases`). */
  nameKey: string;
  /** Exact effort length (weeks); the Gantt shows it rounded up to half weeks. */
  weeks: number;
  dependsOn: string[];
  roles: Partial<Record<RoleId, number>>;
  workVolume?: WorkVolume;
  ongoing?: boolean;
  milestone?: boolean;
}

export interface Scope {
  /** The plan fine-tunes (tier 3). */
  fineTune: boolean;
  /** Iteration rounds after the first fine-tune. */
  iterate: boolean;
  /** Retrieval over documents. */
  rag: boolean;
  /** Tasks integrated (1 = the first task only). */
  tasks: number;
}

const T = EST.timeline;

/** Integration and trial lengths scaled by the rollout, as derivations; the trial only for an internal rollout. */
function scaled(ctx: EstimateContext, v: DataVolumes, scope: Scope) {
  const S = T.scale;
  const users = Math.max(0, ctx.book.value("usage.users") ?? ctx.profile.users.value);
  const documents = scope.rag ? v.documents : 0;
  const taskWeeks = (scope.tasks - 1) * S.integrationWeeksPerExtraTask.value;
  const docWeeks = documents > 100 ? Math.log10(documents / 100) * S.integrationWeeksPerTenfoldDocuments.value : 0;
  const onPremWeeks = ctx.selfHosted ? S.onPremIntegrationWeeks.value : 0;
  const internal = ctx.market === "internal";
  const waves = internal && users > S.pilotUsers.value ? Math.log10(users / S.pilotUsers.value) : 0;
  return {
    integrationExtra: taskWeeks + docWeeks + onPremWeeks,
    integrationWhy: {
      tasks: scope.tasks - 1,
      perTask: S.integrationWeeksPerExtraTask.value,
      documents,
      docWeeks: round3(docWeeks),
      onPremWeeks,
    },
    trialFactor: 1 + waves * S.trialShareAddedPerTenfoldUsers.value,
    trialWhy: { users, pilot: S.pilotUsers.value },
    internal,
  };
}

/** The timeline assumptions of a scope, registered once (only for the plan as proposed; alternatives reuse the values). */
export interface PhaseAssumptions {
  discovery: number;
  prototype: number;
  integration: number;
  trial: number;
  rounds: number;
  perRound: number;
  firstFineTune: number;
  minCuration: number;
  curators: number;
  engineers: number;
  backend: number;
  annotators: number;
  screenMinutes: number;
  ingestion: { setup: number; perDay: number; spotCheck: number; perWeek: number };
}

/** Registers in `ctx.book`: alternatives (constraints' smaller scopes) pass a context with a scratch book. */
export function phaseAssumptions(ctx: EstimateContext, v: DataVolumes, scope: Scope): PhaseAssumptions {
  const { book } = ctx;
  const lean = !scope.fineTune && !scope.rag && !ctx.techniques.has("agent") && !ctx.techniques.has("text_to_sql");
  const base = lean
    ? T.tier1
    : {
        discoveryWeeks: T.discoveryWeeks,
        promptPrototypeWeeks: T.promptPrototypeWeeks,
        integrationWeeks: T.integrationWeeks,
        internalTrialWeeks: T.internalTrialWeeks,
      };
  const s = scaled(ctx, v, scope);
  const integrationBase = base.integrationWeeks;
  const trialBase = base.internalTrialWeeks;
  const I = T.ingestion;
  const docs = v.documents;
  const setup = I.setupWeeks.value + (docs > 10_000 ? Math.log10(docs / 10_000) * I.setupWeeksPerTenfold.value : 0);
  return {
    discovery: book.get("timeline.discoveryWeeks", kb(base.discoveryWeeks, true)),
    prototype: book.get("timeline.promptPrototypeWeeks", kb(base.promptPrototypeWeeks, true)),
    integration: book.get("timeline.integrationWeeks", {
      ...derived(round3(integrationBase.value + s.integrationExtra), "timeline.integration_scaled", {
        base: integrationBase.value,
        ...s.integrationWhy,
      }),
      citation: integrationBase.source,
      range: { low: round3(integrationBase.low! + s.integrationExtra), high: round3(integrationBase.high! + s.integrationExtra) },
    }),
    trial: book.get("timeline.internalTrialWeeks", {
      ...derived(round3(trialBase.value * s.trialFactor), s.internal ? "timeline.trial_internal" : "timeline.trial_pilot", {
        base: trialBase.value,
        factor: round3(s.trialFactor),
        ...s.trialWhy,
      }),
      citation: trialBase.source,
      range: { low: round3(trialBase.low! * s.trialFactor), high: round3(trialBase.high! * s.trialFactor) },
    }),
    rounds: scope.fineTune ? Math.round(book.get("timeline.iterationRounds", kb(T.iterationRounds, true))) : 0,
    perRound: scope.fineTune ? book.get("timeline.weeksPerIterationRound", kb(T.weeksPerIterationRound, true)) : 0,
    firstFineTune: scope.fineTune ? book.get("timeline.firstFineTuneWeeks", kb(T.firstFineTuneWeeks, true)) : 0,
    minCuration: scope.fineTune ? book.get("timeline.minDataCurationWeeks", kb(T.minDataCurationWeeks, true)) : 0,
    curators: scope.fineTune ? book.get("team.opsCurators", kb(T.opsCurators, true)) : 0,
    engineers: scope.fineTune ? book.get("team.fineTuneEngineers", kb(T.fineTuneEngineers, true)) : 0,
    backend: book.get(
      "team.backendEngineers",
      derived(
        lean ? 0 : ctx.techniques.has("agent") || ctx.techniques.has("text_to_sql") ? 2 : 1,
        lean ? "team.backend_lean" : "team.backend_by_tools",
      ),
    ),
    annotators: book.get("team.annotators", derived(scope.fineTune ? 2 : lean ? 0.25 : 1, "team.annotators")),
    screenMinutes: scope.fineTune ? book.get("data.minutesPerOnHandExample", kb(EST.annotation.minutesPerOnHandExample, true)) : 0,
    ingestion: scope.rag
      ? {
          setup: book.get("timeline.ingestionSetupWeeks", {
            ...derived(round3(setup), "timeline.ingestion_setup", { documents: docs }),
            citation: I.setupWeeks.source,
          }),
          perDay: book.get("timeline.ingestionDocumentsPerDay", kb(I.documentsPerDay, true)),
          spotCheck: book.get("timeline.spotCheckDocuments", kb(I.spotCheckDocuments)),
          perWeek: book.get("timeline.documentsPerWeek", kb(T.documentsPerWeek, true)),
        }
      : { setup: 0, perDay: 1, spotCheck: 0, perWeek: 1 },
  };
}

/** The phases of a scope, in dependency order. */
export function draftPhases(
  ctx: EstimateContext,
  v: DataVolumes,
  scope: Scope,
  a: PhaseAssumptions,
  firstRunWallHours: number,
): PhaseDraft[] {
  const phases: PhaseDraft[] = [];
  const lean = a.backend === 0 && !scope.fineTune;
  phases.push({
    id: "discovery",
    nameKey: "discovery",
    weeks: a.discovery,
    dependsOn: [],
    roles: lean
      ? { pm: 0.5, prompt_engineer: 0.5 }
      : { pm: 1, domain_annotator: 0.5, ...(scope.fineTune ? { ml_engineer: 0.5 } : { prompt_engineer: 0.5 }) },
  });
  const prep = scope.rag ? knowledgePhase(v, a) : undefined;
  if (scope.fineTune) phases.push(...fineTunePhases(ctx, v, scope, a, firstRunWallHours, prep));
  else phases.push(...promptPhases(ctx, scope, a, lean, prep));
  const last = phases[phases.length - 1];
  phases.push({
    id: "production_feedback",
    nameKey: "production_feedback",
    weeks: T.productionCycleWeeks.value,
    dependsOn: [last.id],
    // Running the loop after launch: part-time owners, more of them when there is a model to retrain and serve.
    roles: scope.fineTune
      ? { pm: 0.2, domain_annotator: 0.5, ml_engineer: 0.5, backend_engineer: 0.2, ...(ctx.selfHosted ? { mlops_engineer: 0.25 } : {}) }
      : lean
        ? { pm: 0.1, prompt_engineer: 0.2, ...(ctx.selfHosted ? { mlops_engineer: 0.25 } : {}) }
        : {
            pm: 0.1,
            domain_annotator: 0.2,
            prompt_engineer: 0.1,
            backend_engineer: 0.1,
            ...(ctx.selfHosted ? { mlops_engineer: 0.25 } : {}),
          },
    ongoing: true,
    milestone: true,
  });
  return phases;
}

/** Indexing the documents: pipeline set-up, an automated run at documents/day, and a spot-check of a sample by hand. */
function knowledgePhase(v: DataVolumes, a: PhaseAssumptions): PhaseDraft {
  const i = a.ingestion;
  const machineWeeks = v.documents / (i.perDay * 5);
  const spotWeeks = Math.min(v.documents, i.spotCheck) / i.perWeek;
  const weeks = Math.max(0.5, i.setup + machineWeeks + spotWeeks);
  return {
    id: "knowledge_prep",
    nameKey: "knowledge_prep",
    weeks,
    dependsOn: ["discovery"],
    roles: { backend_engineer: 0.5, ops_curator: round3(Math.min(1, spotWeeks / weeks)) },
    workVolume: {
      quantity: v.documents,
      unit: "documents",
      kind: "documents",
      params: { perDay: i.perDay, spotCheck: Math.min(v.documents, i.spotCheck) },
      ratePerWeek: round3(v.documents / weeks),
      rounds: 1,
    },
  };
}

function promptPhases(ctx: EstimateContext, scope: Scope, a: PhaseAssumptions, lean: boolean, prep?: PhaseDraft): PhaseDraft[] {
  const evalExamples = ctx.book.value("data.evalExamples") ?? 200;
  const external = ctx.market !== "internal";
  return [
    ...(prep ? [prep] : []),
    {
      id: "prompt_prototype",
      nameKey: scope.rag ? "prompt_prototype_rag" : "prompt_prototype",
      weeks: a.prototype,
      dependsOn: ["discovery"],
      roles: lean ? { prompt_engineer: 1, domain_annotator: 0.25 } : { prompt_engineer: 1, domain_annotator: 0.5, pm: 0.5 },
      workVolume: {
        quantity: evalExamples,
        unit: "examples",
        kind: "eval_examples",
        ratePerWeek: round3(evalExamples / Math.max(0.5, a.prototype)),
        rounds: 1,
      },
    },
    {
      id: "integration",
      nameKey: "integration",
      weeks: a.integration,
      dependsOn: ["prompt_prototype"],
      // A prompt-only tool is integrated by the person who wrote the prompt.
      roles: lean
        ? { prompt_engineer: 1, pm: 0.25, ...(ctx.selfHosted ? { mlops_engineer: 1 } : {}) }
        : { backend_engineer: a.backend, prompt_engineer: 0.5, ...(ctx.selfHosted ? { mlops_engineer: 1 } : {}) },
    },
    {
      id: "internal_trial",
      nameKey: external ? "beta_trial" : "internal_trial_feedback",
      weeks: a.trial,
      dependsOn: ["integration", ...(prep ? [prep.id] : [])],
      roles: lean
        ? { prompt_engineer: 0.5, domain_annotator: a.annotators, pm: 0.25 }
        : { domain_annotator: a.annotators, pm: 0.5, prompt_engineer: 0.5 },
    },
  ];
}

function fineTunePhases(
  ctx: EstimateContext,
  v: DataVolumes,
  scope: Scope,
  a: PhaseAssumptions,
  firstRunWallHours: number,
  prep?: PhaseDraft,
): PhaseDraft[] {
  const productive = v.productiveHoursPerWeek;
  const items = v.sftToCollect + v.evalToCollect;
  // Examples on hand are not ready: they are screened against the good/bad-data definition (seed step 1).
  const screened = Math.min(
    ctx.profile.labeledExamples.value,
    Math.ceil(EST.annotation.onHandScreeningFactor.value * (v.sftNeeded + v.evalExamples)),
  );
  const curationWeeks = (items * v.minutesPerSftExample + screened * a.screenMinutes) / (a.curators * productive * 60);
  const out: PhaseDraft[] = [
    {
      id: "data_curation",
      nameKey: "data_curation",
      weeks: Math.max(a.minCuration, curationWeeks),
      dependsOn: ["discovery"],
      // Supervision scales with the curators so the phase's effort does not depend on how it is staffed.
      roles: { ops_curator: a.curators, domain_annotator: 0.2 * a.curators, pm: 0.1 * a.curators },
      workVolume: {
        quantity: items + screened,
        unit: "examples",
        kind: screened > 0 ? "curation_screened" : "curation",
        params: { screened },
        ratePerWeek: round3((items + screened) / Math.max(curationWeeks, 1e-9)),
        rounds: 1,
      },
    },
  ];
  // The curators who built the SFT set also spot-check the knowledge base, after it: it is not on the critical path.
  if (prep) out.push({ ...prep, dependsOn: ["data_curation"] });
  out.push({
    id: "first_finetune",
    nameKey: "first_finetune",
    weeks: a.firstFineTune + firstRunWallHours / 168,
    dependsOn: ["data_curation"],
    roles: { ml_engineer: a.engineers, pm: 0.25 },
    workVolume: { quantity: round3(firstRunWallHours), unit: "wall-clock GPU hours", kind: "training_run", ratePerWeek: 168, rounds: 1 },
  });
  out.push({
    id: "integration",
    nameKey: "integration_deploy",
    weeks: a.integration,
    dependsOn: ["discovery"],
    // The fine-tuned model still runs behind a system prompt and few-shot examples: someone owns them.
    roles: { backend_engineer: a.backend, prompt_engineer: 0.5, ...(ctx.selfHosted ? { mlops_engineer: 1 } : {}) },
  });
  out.push({
    id: "internal_trial",
    nameKey: "internal_trial_labelling",
    weeks: a.trial,
    dependsOn: ["first_finetune", "integration", ...(prep ? [prep.id] : [])],
    roles: { domain_annotator: a.annotators, pm: 0.5, ml_engineer: 1, backend_engineer: 0.5 },
  });
  if (scope.iterate && a.rounds > 0) {
    out.push({
      id: "iteration",
      nameKey: ctx.rewardModel ? "iteration_rm" : "iteration_sft",
      weeks: a.rounds * a.perRound,
      dependsOn: ["internal_trial"],
      roles: { ml_engineer: a.engineers, domain_annotator: a.annotators, pm: 0.25 },
      workVolume: { quantity: a.rounds, unit: "rounds", kind: "rounds", ratePerWeek: round3(1 / a.perRound), rounds: a.rounds },
    });
  }
  return out;
}
