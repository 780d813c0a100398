// The seed's phases (data collection and curation; first fine-tune round; internal trial with labelling; SFT/RM
// iteration rounds; feedback collection in production), each sized by its work, and the team on each phase.
// Tier 1/2 plans get a shorter set without fine-tuning.
import { byCurrency, WEEKS_PER_MONTH, type EstimateContext } from "~/domain/estimate/context";
import type { DataVolumes } from "~/domain/estimate/data-feedback";
import { EST, ROLE_IDS, roleRate } from "~/domain/estimate/kb";
import { roundMoney, round3 } from "~/domain/estimate/money";
import type { Team, TeamRole, Timeline, TimelinePhase, WorkVolume } from "~/domain/estimate/types";
import type { LocalizedText } from "~/domain/text";
import type { AssumptionKey } from "~/domain/estimate/assumption-keys";
import { kbRange } from "~/domain/estimate/assumption-book";

type RoleId = (typeof ROLE_IDS)[number];

interface PhaseDraft {
  id: string;
  nameText: LocalizedText;
  /** Exact effort length (weeks); the Gantt shows it rounded up to half weeks. */
  weeks: number;
  dependsOn: string[];
  roles: Partial<Record<RoleId, number>>;
  workVolume?: WorkVolume;
  ongoing?: boolean;
  milestone?: LocalizedText;
}

export interface TeamTimeline {
  team: Team;
  timeline: Timeline;
  /** Preference labels the in-house annotators produce before launch (count toward the RM target). */
  labelledBeforeLaunch: number;
  /** Hourly in-house cost of the people who curate and annotate (plan currency). */
  hourlyCost: { curator: number; annotator: number };
  /** Build labour split by cost category. */
  buildLabour: number;
  buildAnnotation: number;
  runLabour: number;
  runAnnotation: number;
  /** Σ exact weeks to launch, for the finance model. */
  launchWeek: number;
  /** Launch week if the trial and iteration assumptions land at the low / high ends of their ranges. */
  launchWeekRange: { low: number; high: number };
}

const half = (w: number) => Math.ceil(w * 2 - 1e-9) / 2;

export function teamAndTimeline(ctx: EstimateContext, v: DataVolumes, firstRunWallHours: number): TeamTimeline {
  const { book } = ctx;
  const T = EST.timeline;
  const rates = {} as Record<RoleId, number>;
  for (const id of ROLE_IDS) {
    const r = roleRate(id);
    const value = byCurrency(ctx, { CNY: r.monthlyCNY, USD: r.monthlyUSD });
    rates[id] = book.num(`team.rate.${id}` as AssumptionKey, {
      value,
      source: "kb",
      citation: `${r.source} (${r.date})`,
      unit: `${ctx.currency}/month`,
      label: { zh: `${r.label.zh}月成本（含社保等）`, en: `${r.label.en} loaded monthly cost` },
      group: "team",
      range: { low: value * 0.8, high: value * 1.3 },
    });
  }
  const productive = v.productiveHoursPerWeek;
  const hourly = (id: RoleId) => rates[id] / WEEKS_PER_MONTH / productive;

  const annotators = book.num("team.annotators", {
    value: ctx.fineTune ? 2 : 1,
    source: "default",
    citation: "assumption: in-house domain reviewers who label during the internal trial and iteration rounds (seed: 内部使用，进行标记)",
    unit: "people",
    label: { zh: "领域标注人员", en: "Domain annotators" },
    group: "team",
  });
  const backend = book.num("team.backendEngineers", {
    value: ctx.techniques.has("agent") || ctx.techniques.has("text_to_sql") ? 2 : 1,
    source: "default",
    citation: "assumption: one backend engineer to integrate; two when the plan has tools/agents or text-to-SQL",
    unit: "people",
    label: { zh: "后端工程师", en: "Backend engineers" },
    group: "team",
  });
  const discoveryWeeks = book.kb("timeline.discoveryWeeks", T.discoveryWeeks, { unit: "weeks", label: { zh: "需求澄清周数", en: "Discovery weeks" }, group: "timeline", range: kbRange(T.discoveryWeeks) });
  const scale = scheduleScale(ctx, v);
  const integrationWeeks = book.num("timeline.integrationWeeks", {
    value: round3(T.integrationWeeks.value + scale.integrationExtra),
    source: "kb",
    citation: `${T.integrationWeeks.source}; ${scale.integrationWhy}`,
    unit: "weeks",
    label: { zh: "系统集成周数", en: "Integration weeks" },
    group: "timeline",
    range: { low: round3(T.integrationWeeks.low! + scale.integrationExtra), high: round3(T.integrationWeeks.high! + scale.integrationExtra) },
  });
  const trialWeeks = book.num("timeline.internalTrialWeeks", {
    value: round3(T.internalTrialWeeks.value * scale.trialFactor),
    source: "kb",
    citation: `${T.internalTrialWeeks.source}; ${scale.trialWhy}`,
    unit: "weeks",
    label: { zh: "内部试用周数", en: "Internal trial weeks" },
    group: "timeline",
    range: { low: round3(T.internalTrialWeeks.low! * scale.trialFactor), high: round3(T.internalTrialWeeks.high! * scale.trialFactor) },
  });

  const phases: PhaseDraft[] = [];
  phases.push({
    id: "discovery",
    nameText: { zh: "需求澄清与评测标准", en: "Discovery and success metrics" },
    weeks: discoveryWeeks,
    dependsOn: [],
    roles: { pm: 1, domain_annotator: 0.5, ...(ctx.fineTune ? { ml_engineer: 0.5 } : { prompt_engineer: 0.5 }) },
  });
  const prepDeps: string[] = [];
  if (ctx.rag) {
    const docsPerWeek = book.kb("timeline.documentsPerWeek", T.documentsPerWeek, { unit: "documents/week", label: { zh: "每周处理文档数", en: "Documents prepared per week" }, group: "timeline", range: kbRange(T.documentsPerWeek) });
    const docs = Math.max(v.documents, 1);
    const curators = book.kb("team.opsCurators", T.opsCurators, { unit: "people", label: { zh: "运营/数据整理人员", en: "Operations data curators" }, group: "team", range: kbRange(T.opsCurators) });
    // Moved after the data curation below when the plan fine-tunes: the same curators do both, one after the other.
    phases.push({
      id: "knowledge_prep",
      nameText: { zh: "知识库整理与向量化", en: "Knowledge base preparation" },
      weeks: Math.max(0.5, docs / (docsPerWeek * curators)),
      dependsOn: ["discovery"],
      roles: { ops_curator: curators, backend_engineer: 0.5 },
      workVolume: { quantity: docs, unit: "documents", label: { zh: "待整理文档", en: "documents to prepare" }, ratePerWeek: docsPerWeek * curators, rounds: 1 },
    });
    prepDeps.push("knowledge_prep");
  }
  let labelledBeforeLaunch = 0;
  if (ctx.fineTune) {
    const curators = book.kb("team.opsCurators", T.opsCurators, { unit: "people", label: { zh: "运营/数据整理人员", en: "Operations data curators" }, group: "team", range: kbRange(T.opsCurators) });
    const items = v.sftToCollect + v.evalToCollect;
    const ratePerWeek = (curators * productive * 60) / v.minutesPerSftExample;
    // Examples on hand are not ready: they are screened against the good/bad-data definition (seed step 1).
    const screeningFactor = EST.annotation.onHandScreeningFactor.value;
    const screened = Math.min(ctx.profile.labeledExamples.value, Math.ceil(screeningFactor * (v.sftNeeded + v.evalExamples)));
    const screenMinutes = book.kb("data.minutesPerOnHandExample", EST.annotation.minutesPerOnHandExample, { unit: "min/example", label: { zh: "每条已有样本筛查用时", en: "Minutes to screen one example on hand" }, group: "timeline", range: kbRange(EST.annotation.minutesPerOnHandExample) });
    const minWeeks = book.kb("timeline.minDataCurationWeeks", T.minDataCurationWeeks, { unit: "weeks", label: { zh: "数据整理最短周数（定义好/坏数据）", en: "Minimum data-curation weeks (define good and bad data)" }, group: "timeline", range: kbRange(T.minDataCurationWeeks) });
    const curationWeeks = (items * v.minutesPerSftExample + screened * screenMinutes) / (curators * productive * 60);
    phases.push({
      id: "data_curation",
      nameText: { zh: "数据收集与清洗", en: "Data collection and curation" },
      weeks: Math.max(minWeeks, curationWeeks),
      dependsOn: ["discovery"],
      // Supervision scales with the curators so the phase's effort does not depend on how it is staffed.
      roles: { ops_curator: curators, domain_annotator: 0.2 * curators, pm: 0.1 * curators },
      workVolume:
        screened > 0
          ? {
              quantity: items + screened,
              unit: "examples",
              label: { zh: `待整理样本（含评测集，其中 ${screened} 条为已有样本筛查）`, en: `examples to curate (incl. eval set; ${screened} on hand to screen)` },
              ratePerWeek: round3((items + screened) / Math.max(curationWeeks, 1e-9)),
              rounds: 1,
            }
          : { quantity: items, unit: "examples", label: { zh: "待整理样本（含评测集）", en: "examples to curate (incl. eval set)" }, ratePerWeek: round3(ratePerWeek), rounds: 1 },
    });
    // The same curators prepare the knowledge base: after the fine-tuning data, which is on the critical path.
    const at = phases.findIndex((p) => p.id === "knowledge_prep");
    if (at >= 0) {
      const [prep] = phases.splice(at, 1);
      phases.push({ ...prep, dependsOn: ["data_curation"] });
    }
    const engineers = book.kb("team.fineTuneEngineers", T.fineTuneEngineers, { unit: "people", label: { zh: "微调工程师", en: "Fine-tuning engineers" }, group: "team", range: kbRange(T.fineTuneEngineers) });
    const ftWeeks = book.kb("timeline.firstFineTuneWeeks", T.firstFineTuneWeeks, { unit: "weeks", label: { zh: "首轮微调周数", en: "First fine-tune round weeks" }, group: "timeline", range: kbRange(T.firstFineTuneWeeks) });
    phases.push({
      id: "first_finetune",
      nameText: { zh: "首轮微调（第一版）", en: "First fine-tune round (v1)" },
      weeks: ftWeeks + firstRunWallHours / 168,
      dependsOn: ["data_curation"],
      roles: { ml_engineer: engineers, pm: 0.25 },
      workVolume: { quantity: round3(firstRunWallHours), unit: "wall-clock GPU hours", label: { zh: "训练耗时", en: "training run" }, ratePerWeek: 168, rounds: 1 },
    });
    phases.push({
      id: "integration",
      nameText: { zh: "系统集成与部署", en: "Integration and deployment" },
      weeks: integrationWeeks,
      dependsOn: ["discovery"],
      // The fine-tuned model still runs behind a system prompt and few-shot examples: someone owns them.
      roles: { backend_engineer: backend, prompt_engineer: 0.5, ...(ctx.selfHosted ? { mlops_engineer: 1 } : {}) },
    });
    phases.push({
      id: "internal_trial",
      nameText: { zh: "内部试用与标注", en: "Internal trial with labelling" },
      weeks: trialWeeks,
      dependsOn: ["first_finetune", "integration", ...prepDeps],
      roles: { domain_annotator: annotators, pm: 0.5, ml_engineer: 1, backend_engineer: 0.5 },
    });
    const rounds = Math.round(book.kb("timeline.iterationRounds", T.iterationRounds, { unit: "rounds", label: { zh: "SFT/RM 迭代轮数", en: "SFT / RM iteration rounds" }, group: "timeline", range: kbRange(T.iterationRounds) }));
    const perRound = book.kb("timeline.weeksPerIterationRound", T.weeksPerIterationRound, { unit: "weeks", label: { zh: "每轮迭代周数", en: "Weeks per iteration round" }, group: "timeline", range: kbRange(T.weeksPerIterationRound) });
    if (rounds > 0) {
      phases.push({
        id: "iteration",
        nameText: { zh: ctx.rewardModel ? "SFT/奖励模型迭代" : "SFT 迭代调优", en: ctx.rewardModel ? "SFT / reward-model iteration" : "SFT iteration" },
        weeks: rounds * perRound,
        dependsOn: ["internal_trial"],
        roles: { ml_engineer: engineers, domain_annotator: annotators, pm: 0.25 },
        workVolume: { quantity: rounds, unit: "rounds", label: { zh: "迭代轮次", en: "iteration rounds" }, ratePerWeek: round3(1 / perRound), rounds },
      });
    }
    if (ctx.rewardModel) {
      // Half of the annotators' time during trial and iteration goes to preference labels.
      const weeks = trialWeeks + rounds * perRound;
      labelledBeforeLaunch = Math.floor((annotators * weeks * productive * 60 * 0.5) / v.minutesPerComparison);
    }
  } else {
    const protoWeeks = book.kb("timeline.promptPrototypeWeeks", T.promptPrototypeWeeks, { unit: "weeks", label: { zh: "提示词原型周数", en: "Prompt prototype weeks" }, group: "timeline", range: kbRange(T.promptPrototypeWeeks) });
    phases.push({
      id: "prompt_prototype",
      nameText: { zh: ctx.tier === 2 ? "提示词与检索原型" : "提示词原型与评测", en: ctx.tier === 2 ? "Prompt and retrieval prototype" : "Prompt prototype and evaluation" },
      weeks: protoWeeks,
      dependsOn: ["discovery"],
      roles: { prompt_engineer: 1, domain_annotator: 0.5, pm: 0.5 },
      workVolume: { quantity: v.evalExamples, unit: "examples", label: { zh: "评测集样本", en: "evaluation examples" }, ratePerWeek: round3(v.evalExamples / Math.max(0.5, protoWeeks)), rounds: 1 },
    });
    phases.push({
      id: "integration",
      nameText: { zh: "系统集成", en: "Integration" },
      weeks: integrationWeeks,
      dependsOn: ["prompt_prototype"],
      roles: { backend_engineer: backend, prompt_engineer: 0.5, ...(ctx.selfHosted ? { mlops_engineer: 1 } : {}) },
    });
    phases.push({
      id: "internal_trial",
      nameText: { zh: "内部试用与反馈", en: "Internal trial with feedback" },
      weeks: trialWeeks,
      dependsOn: ["integration", ...prepDeps],
      roles: { domain_annotator: annotators, pm: 0.5, prompt_engineer: 0.5 },
    });
  }
  phases.push({
    id: "production_feedback",
    nameText: { zh: "上线与人类反馈收集", en: "Production and feedback collection" },
    weeks: T.productionCycleWeeks.value,
    dependsOn: [phases[phases.length - 1].id],
    // Running the loop after launch: part-time owners, more of them when there is a model to retrain and serve.
    roles: ctx.fineTune
      ? { pm: 0.2, domain_annotator: 0.5, ml_engineer: 0.5, backend_engineer: 0.2, ...(ctx.selfHosted ? { mlops_engineer: 0.25 } : {}) }
      : { pm: 0.1, domain_annotator: 0.2, prompt_engineer: 0.1, backend_engineer: 0.1, ...(ctx.selfHosted ? { mlops_engineer: 0.25 } : {}) },
    ongoing: true,
    milestone: { zh: "第一版上线", en: "First version live" },
  });

  // Schedule: each phase starts when all it depends on have ended (display weeks, half-week grid).
  const end = new Map<string, number>();
  const exactEnd = new Map<string, number>();
  const out: TimelinePhase[] = [];
  for (const p of phases) {
    const start = Math.max(0, ...p.dependsOn.map((d) => end.get(d) ?? 0));
    const exactStart = Math.max(0, ...p.dependsOn.map((d) => exactEnd.get(d) ?? 0));
    const weeks = half(p.weeks);
    end.set(p.id, start + weeks);
    exactEnd.set(p.id, exactStart + p.weeks);
    out.push({
      id: p.id,
      name: p.nameText[ctx.locale],
      nameText: p.nameText,
      startWeek: start,
      weeks,
      dependsOn: p.dependsOn,
      roles: Object.entries(p.roles).map(([role, fte]) => ({ role, fte: round3(fte as number) })),
      ...(p.workVolume ? { workVolume: p.workVolume } : {}),
      ongoing: Boolean(p.ongoing),
      ...(p.milestone ? { milestone: p.milestone } : {}),
    });
  }
  const prod = out[out.length - 1];
  const launchWeek = prod.startWeek;
  const exactLaunch = exactEnd.get(phases[phases.length - 2].id) ?? launchWeek;

  // Team: effort from exact weeks (so staffing changes do not move cost through rounding).
  const roles: TeamRole[] = [];
  let buildLabour = 0;
  let buildAnnotation = 0;
  let runLabour = 0;
  let runAnnotation = 0;
  const build = phases.filter((p) => !p.ongoing);
  const run = phases.find((p) => p.ongoing)!;
  for (const id of ROLE_IDS) {
    const perPhase = build.filter((p) => (p.roles[id] ?? 0) > 0).map((p) => ({ phaseId: p.id, fte: round3(p.roles[id]!) }));
    const runFte = run.roles[id] ?? 0;
    if (perPhase.length === 0 && runFte === 0) continue;
    const personWeeks = build.reduce((s, p) => s + (p.roles[id] ?? 0) * p.weeks, 0);
    const labourCost = (personWeeks / WEEKS_PER_MONTH) * rates[id];
    const runMonthlyCost = runFte * rates[id];
    // Headcount = the most FTE the role carries at once (phases overlap on the Gantt), rounded up to whole people.
    let peak = runFte;
    for (const a of out) {
      const concurrent = out
        .filter((b) => b.startWeek <= a.startWeek && a.startWeek < b.startWeek + Math.max(b.weeks, 1e-9))
        .reduce((sum, b) => sum + (phases.find((p) => p.id === b.id)!.roles[id] ?? 0), 0);
      peak = Math.max(peak, concurrent);
    }
    const r = roleRate(id);
    roles.push({
      role: id,
      label: r.label,
      count: Math.max(1, Math.ceil(peak - 1e-9)),
      ftePerPhase: runFte > 0 ? [...perPhase, { phaseId: run.id, fte: round3(runFte) }] : perPhase,
      personWeeks: round3(personWeeks),
      monthlyRate: roundMoney(rates[id]),
      labourCost: roundMoney(labourCost),
      runFte: round3(runFte),
      runMonthlyCost: roundMoney(runMonthlyCost),
    });
    if (id === "ops_curator" || id === "domain_annotator") {
      buildAnnotation += labourCost;
      runAnnotation += runMonthlyCost;
    } else {
      buildLabour += labourCost;
      runLabour += runMonthlyCost;
    }
  }
  const team: Team = {
    roles,
    headcount: roles.reduce((s, r) => s + r.count, 0),
    personWeeks: round3(roles.reduce((s, r) => s + r.personWeeks, 0)),
    labourCost: roundMoney(buildLabour + buildAnnotation),
    runMonthlyCost: roundMoney(runLabour + runAnnotation),
    currency: ctx.currency,
  };
  const totalWeeks = Math.max(...out.map((p) => p.startWeek + p.weeks));
  return {
    team,
    timeline: { phases: out, totalWeeks, launchWeek },
    labelledBeforeLaunch,
    hourlyCost: { curator: hourly("ops_curator"), annotator: hourly("domain_annotator") },
    buildLabour,
    buildAnnotation,
    runLabour,
    runAnnotation,
    launchWeek: exactLaunch,
    launchWeekRange: slipRange(ctx, exactLaunch),
  };
}

/** The critical path ends with the internal trial and the iteration rounds; their ranges move the launch. */
function slipRange(ctx: EstimateContext, launch: number): { low: number; high: number } {
  const { book } = ctx;
  const span = (key: AssumptionKey) => {
    const r = book.range(key);
    const v = book.value(key) ?? 0;
    return { v, low: r?.low ?? v, high: r?.high ?? v };
  };
  const trial = span("timeline.internalTrialWeeks");
  let low = launch - (trial.v - trial.low);
  let high = launch + (trial.high - trial.v);
  if (ctx.fineTune) {
    const rounds = span("timeline.iterationRounds");
    const per = span("timeline.weeksPerIterationRound");
    const base = Math.round(rounds.v) * per.v;
    low -= base - Math.round(rounds.low) * per.low;
    high += Math.round(rounds.high) * per.high - base;
  }
  return { low: Math.max(1, Math.min(low, launch)), high: Math.max(high, launch) };
}

/**
 * Integration and the internal trial grow with the rollout, in a stated way: each task beyond the first, each tenfold
 * documents above 100 and on-premises serving add integration weeks; each tenfold users beyond a pilot group adds a
 * staged rollout wave to the trial.
 */
function scheduleScale(ctx: EstimateContext, v: DataVolumes) {
  const S = EST.timeline.scale;
  const zh = ctx.locale === "zh";
  const tasks = Math.max(1, ctx.profile.tasks.value.length);
  const users = Math.max(0, ctx.input.assumptions?.["usage.users"] ?? ctx.profile.users.value);
  const documents = ctx.rag ? Math.max(0, v.documents) : 0;
  const taskWeeks = (tasks - 1) * S.integrationWeeksPerExtraTask.value;
  const docWeeks = documents > 100 ? Math.log10(documents / 100) * S.integrationWeeksPerTenfoldDocuments.value : 0;
  const onPremWeeks = ctx.selfHosted ? S.onPremIntegrationWeeks.value : 0;
  const waves = users > S.pilotUsers.value ? Math.log10(users / S.pilotUsers.value) : 0;
  const trialFactor = 1 + waves * S.trialShareAddedPerTenfoldUsers.value;
  const f = (x: number) => round3(x);
  return {
    integrationExtra: taskWeeks + docWeeks + onPremWeeks,
    integrationWhy: zh
      ? `按规模加：${tasks - 1} 个额外任务 × ${S.integrationWeeksPerExtraTask.value} 周 + 文档 ${documents} 份（每十倍于 100 份加 ${S.integrationWeeksPerTenfoldDocuments.value} 周）= ${f(docWeeks)} 周 + 本地部署 ${onPremWeeks} 周`
      : `scaled: ${tasks - 1} extra task(s) × ${S.integrationWeeksPerExtraTask.value} wk + ${f(docWeeks)} wk for ${documents} documents (${S.integrationWeeksPerTenfoldDocuments.value} wk per tenfold above 100) + ${onPremWeeks} wk on-premises serving`,
    trialFactor,
    trialWhy: zh
      ? `按用户规模：${users} 人，相对 ${S.pilotUsers.value} 人试点组每多十倍加半轮灰度，× ${f(trialFactor)}`
      : `scaled by users: ${users} against a ${S.pilotUsers.value}-user pilot group, half the base trial per tenfold, × ${f(trialFactor)}`,
  };
}
