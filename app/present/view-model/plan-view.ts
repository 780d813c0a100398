// buildPlanView: a validated plan → the one presentation model (see types.ts). Pure and deterministic; the caller
// supplies what the plan does not hold: the version and the time it was saved, the reader's time zone, the audience.
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import { translator, type Translate } from "~/i18n/translate";
import { buildChartSpecs } from "~/present/charts/build";
import { formatters } from "~/present/format";
import { sensitivityGroups } from "~/present/sensitivity";
import { assumptionItems } from "~/present/view-model/assumptions";
import { buildBrief } from "~/present/view-model/brief";
import type { ViewContext } from "~/present/view-model/context";
import { achieveSection, reliabilitySection, techniquesSection } from "~/present/view-model/sections-decision";
import { teamSection, timelineSection } from "~/present/view-model/sections-delivery";
import { moneySection } from "~/present/view-model/sections-money";
import { assumptionsSection, methodologySection, profileSection, risksSection } from "~/present/view-model/sections-appendix";
import { SourceList } from "~/present/view-model/sources";
import type { Audience, PlanView, Stamp } from "~/present/view-model/types";

export interface PlanViewOptions {
  locale: Locale;
  audience?: Audience;
  /** The saved version shown and when it was saved; absent for a plan that was never saved (the CLI). */
  version?: { number: number; savedAt: string } | null;
  /** The reader's IANA time zone; times are shown in UTC (and say so) without one. */
  timeZone?: string | null;
  /** Why the stored plan was recomputed for this view, if it was (see the plan codec). */
  upgrade?: { fromSchemaVersion: number | null } | null;
  /** The scenario's name when someone renamed it (the latest version shows it); the plan's own title otherwise. */
  title?: string;
}

export function buildPlanView(plan: DecisionPlan, options: PlanViewOptions): PlanView {
  const { locale, audience = "reader" } = options;
  const t = translator(locale);
  const currency = plan.currency;
  const f = formatters(locale, currency, options.timeZone ?? null);
  const chartCtx = { plan, t, f, locale, currency };
  const drivers = sensitivityGroups(plan, t);
  const sources = new SourceList(t);
  const ctx: ViewContext = {
    ...chartCtx,
    audience,
    sources,
    charts: buildChartSpecs(chartCtx),
    drivers,
    assumptions: assumptionItems(plan, drivers, t, f),
  };
  const brief = buildBrief(ctx);
  const provenance = provenanceText(plan, t);
  const sections = [
    reliabilitySection(ctx),
    achieveSection(ctx),
    techniquesSection(ctx),
    teamSection(ctx),
    timelineSection(ctx),
    moneySection(ctx),
    risksSection(ctx),
    assumptionsSection(ctx),
    profileSection(ctx),
  ];
  sections.push(methodologySection(ctx, provenance));
  const title = (options.title ?? plan.title).trim() || t("report.docKind");
  return {
    locale,
    lang: locale === "zh" ? "zh-CN" : "en",
    currency,
    audience,
    title,
    stamp: stamp(options, t, f.dateTime),
    ...(options.upgrade ? { upgradeNotice: t("plan.upgraded", { from: options.upgrade.fromSchemaVersion ?? "?" }) } : {}),
    brief,
    sections,
    charts: ctx.charts,
    sources: ctx.sources.texts(),
    meta: {
      subject: t("report.subject"),
      author: t("report.product"),
      keywords: [t("report.docKind"), brief.verdict.label, `${t("report.grade")} ${brief.grade}`].join(", "),
      product: t("report.productLine"),
      docKind: t("report.docKind"),
    },
    provenance,
  };
}

function stamp(options: PlanViewOptions, t: Translate, dateTime: (iso: string) => string): Stamp {
  const v = options.version;
  if (!v) return { version: null, savedAt: null, text: t("stamp.unsaved") };
  return { version: v.number, savedAt: v.savedAt, text: t("stamp.text", { n: v.number, date: dateTime(v.savedAt) }) };
}

function provenanceText(plan: DecisionPlan, t: Translate): string {
  const llm =
    plan.llm.status === "ok"
      ? t("method.llmOk", { model: plan.llm.model ?? "LLM" })
      : plan.llm.status === "failed"
        ? t("method.llmFailed")
        : t("method.llmOff");
  return t("method.provenance", { engine: plan.meta.engineVersion, kb: plan.meta.knowledgeBaseVersion, llm });
}
