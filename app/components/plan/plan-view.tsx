import type { ReactNode } from "react";
import { formatters } from "~/components/format";
import {
  AchieveSection,
  MoneySection,
  ProfileSection,
  RisksSection,
  Section,
  TeamSection,
  TechniquesSection,
  TimelineSection,
  VerdictSection,
  type SectionProps,
} from "~/components/plan/plan-sections";
import { AssumptionsTable } from "~/components/plan/assumptions-table";
import type { DecisionPlan } from "~/domain/plan-types";
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/messages";
import type { ChartId, ChartSpec } from "~/report/chart-specs";
import { planCurrency, sparse } from "~/report/sparse-plan";

export interface PlanViewProps {
  plan: DecisionPlan;
  /** Built on the server by the report's pure chart specs (the PDF uses the same), handed over as loader data. */
  charts: Record<ChartId, ChartSpec>;
  locale: Locale;
  t: Translate;
  /** Owner view: assumptions are inputs. Share view: plain values. */
  editable: boolean;
  version?: number;
  assumptionErrors?: Record<string, string>;
  assumptionValues?: Record<string, string>;
  /** Sections after the plan (versions, share, export) that only some views have. */
  extraSections?: { id: string; title: string; node: ReactNode }[];
}

/** The six questions in order, then the assumptions and the profile they rest on. */
export function PlanView({ plan, charts, locale, t, editable, version, assumptionErrors, assumptionValues, extraSections = [] }: PlanViewProps) {
  const p = sparse(plan);
  const f = formatters(locale, planCurrency(p, locale));
  const props: SectionProps = { plan: p, locale, t, f, charts };
  const toc = [
    ["verdict", t("plan.q1")],
    ["achieve", t("plan.q2")],
    ["techniques", t("plan.q3")],
    ["team", t("plan.q4")],
    ["timeline", t("plan.q5")],
    ["money", t("plan.q6")],
    ...(p.risks?.length || p.llm?.risks?.length ? [["risks", t("plan.risks")]] : []),
    ["assumptions", t("plan.assumptions")],
    ["profile", t("plan.profile")],
    ...extraSections.map((s) => [s.id, s.title]),
  ];
  return (
    <div className="plan-layout">
      <nav className="toc" aria-label={t("plan.toc")}>
        <ol>
          {toc.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div>
        <VerdictSection {...props} />
        <AchieveSection {...props} />
        <TechniquesSection {...props} />
        <TeamSection {...props} />
        <TimelineSection {...props} />
        <MoneySection {...props} />
        <RisksSection {...props} />
        <Section id="assumptions" title={t("plan.assumptions")}>
          <p className="muted">{t("plan.assumptions.intro")}</p>
          <AssumptionsTable plan={p} locale={locale} t={t} f={f} editable={editable} errors={assumptionErrors} values={assumptionValues} version={version} />
        </Section>
        <ProfileSection {...props} />
        {extraSections.map((s) => (
          <Section key={s.id} id={s.id} title={s.title}>
            {s.node}
          </Section>
        ))}
        <p className="muted small" style={{ marginTop: "2rem" }}>
          {t("plan.meta", { engine: p.meta?.engineVersion ?? "?", kb: p.meta?.knowledgeBaseVersion ?? "?" })}
        </p>
      </div>
    </div>
  );
}
