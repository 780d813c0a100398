// The plan page, section by section, in the order of the seed's six questions. Every section reads the plan through
// SparsePlan: a saved plan from an earlier engine, or one whose estimators are still growing, renders what it has.
import type { ReactNode } from "react";
import { GradeBadge, SourceBadge } from "~/components/badges";
import { ChartFigure } from "~/components/charts/chart-figure";
import { LlmSummary } from "~/components/llm-summary";
import type { Formatters } from "~/components/format";
import type { Locale } from "~/domain/scenario";
import { pick, type LocalizedText } from "~/domain/text";
import { assumptionLabel, costLineLabel, dataNeedLabel, workVolumeLabel } from "~/i18n/assumption-labels";
import { reasonText } from "~/i18n/derivations";
import { MARKET_LABELS, PROFILE_FACT_LABELS, TIER_LABELS, VERDICT_LABELS } from "~/i18n/enums";
import type { Translate } from "~/i18n/messages";
import type { ChartId, ChartSpec } from "~/report/chart-specs";
import { tr } from "~/report/labels";
import { assumedFactTexts, profileFactRows } from "~/report/profile-facts";
import { isNum, list, planCurrency, type SparsePlan } from "~/report/sparse-plan";

export interface SectionProps {
  plan: SparsePlan;
  locale: Locale;
  t: Translate;
  f: Formatters;
  charts: Record<ChartId, ChartSpec>;
}

const text = (v: LocalizedText | Partial<LocalizedText> | undefined, locale: Locale, fallback = "") =>
  v ? pick({ zh: v.zh ?? "", en: v.en ?? "" }, locale) || fallback : fallback;

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Chart({ spec, t, tall }: { spec: ChartSpec; t: Translate; tall?: boolean }) {
  return <ChartFigure spec={spec} tableLabel={t("plan.chart.showData")} emptyText={spec.alt} tall={tall} />;
}

// ── 1. verdict ────────────────────────────────────────────────────────────
export function VerdictSection({ plan, locale, t, charts }: SectionProps) {
  const fz = plan.feasibility ?? {};
  const verdict = fz.verdict ?? "pilot";
  const reasons = list(fz.reasons);
  const dims = list(fz.dimensions);
  return (
    <Section id="verdict" title={t("plan.q1")}>
      <div className={`card verdict verdict--${verdict}`} data-testid="verdict-card">
        <div className="verdict__main">
          <div className="verdict__label">{t("plan.verdict")}</div>
          <div className="verdict__value" data-testid="verdict">
            {tr(VERDICT_LABELS[verdict], locale, verdict)}
          </div>
        </div>
        <div className="verdict__figures">
          <div className="figure-big">
            <span>{t("plan.grade")}</span>
            <strong data-testid="grade">
              <GradeBadge grade={fz.grade ?? "C"} />
            </strong>
          </div>
          <div className="figure-big">
            <span>{t("plan.score")}</span>
            <strong data-testid="score">{isNum(fz.score) ? Math.round(fz.score) : "—"}/100</strong>
          </div>
          <div className="figure-big">
            <span>{t("plan.tier")}</span>
            <strong>{tr(TIER_LABELS[plan.primaryTier ?? 1], locale)}</strong>
          </div>
        </div>
      </div>
      <LlmSummary llm={plan.llm} locale={locale} fallbackNotice={t("plan.llm.failed")} />
      <div className="grid-2" style={{ marginTop: "1rem" }}>
        <div className="card">
          <h3>{t("plan.reasons")}</h3>
          {reasons.length === 0 ? (
            <p className="muted">{t("plan.reasons.none")}</p>
          ) : (
            <ul className="reasons">
              {reasons.map((r, i) => (
                <li key={r.ruleId ?? i}>
                  <span className={`reason-kind reason-kind--${r.kind}`}>{t(r.kind === "gate" ? "plan.reason.gate" : r.kind === "positive" ? "plan.reason.positive" : "plan.reason.negative")}</span>
                  <span>
                    {text(r.text, locale, r.ruleId)}
                    {r.source ? <span className="citation" title={r.source}>{t("plan.reason.source")}: {r.source}</span> : null}
                    {list(r.assumed).length ? (
                      <span className="reason-assumed small" data-testid="reason-assumed">
                        {t("plan.reason.assumed")}: {assumedFactTexts(list(r.assumed), plan.profile as Record<string, unknown> | undefined, locale, planCurrency(plan, locale)).join(locale === "zh" ? "；" : "; ")}
                      </span>
                    ) : null}
                  </span>
                  <span className="muted small">{r.kind === "gate" || !isNum(r.weight) ? "" : t("plan.reason.points", { n: `${r.weight > 0 ? "+" : ""}${r.weight}` })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <Chart spec={charts.radar} t={t} />
          {dims.length ? (
            <div className="table-wrap" style={{ marginTop: "0.75rem" }}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("plan.dimension")}</th>
                    <th scope="col" className="num">
                      {t("plan.score")}
                    </th>
                    <th scope="col" className="num">
                      {t("plan.weight")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dims.map((d) => (
                    <tr key={d.id}>
                      <td>{text(d.label, locale, d.id)}</td>
                      <td className="num">{isNum(d.score) ? Math.round(d.score) : "—"}</td>
                      <td className="num">{isNum(d.weight) ? `${Math.round(d.weight * 100)}%` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      </div>
    </Section>
  );
}

// ── 2. what a small team can achieve ──────────────────────────────────────
export function AchieveSection({ plan, t, f }: SectionProps) {
  const launch = plan.timeline?.launchWeek;
  const be = plan.finance?.breakEvenMonth;
  const horizon = plan.finance?.horizonMonths ?? 36;
  const rm = plan.feedback?.monthsToRewardModelTarget;
  const hasRm = isNum(plan.feedback?.rewardModelTarget) && plan.feedback.rewardModelTarget > 0;
  const narrative = list(plan.llm?.narrative);
  return (
    <Section id="achieve" title={t("plan.q2")}>
      <div className="kpis">
        <div className="kpi">
          <div className="kpi__label">{t("plan.achieve.firstVersion")}</div>
          <div className="kpi__value">{isNum(launch) ? t("plan.achieve.weeks", { n: launch }) : isNum(plan.timeline?.totalWeeks) && plan.timeline.totalWeeks > 0 ? t("plan.achieve.weeks", { n: plan.timeline.totalWeeks }) : "—"}</div>
        </div>
        <div className="kpi">
          <div className="kpi__label">{t("plan.achieve.team")}</div>
          <div className="kpi__value">{isNum(plan.team?.headcount) && plan.team.headcount > 0 ? t("plan.achieve.people", { n: plan.team.headcount }) : "—"}</div>
        </div>
        <div className="kpi">
          <div className="kpi__label">{t("plan.achieve.feedback")}</div>
          <div className="kpi__value">{f.num(plan.feedback?.perMonth, 0)}</div>
        </div>
        <div className="kpi">
          <div className="kpi__label">{t("plan.achieve.breakEven")}</div>
          <div className="kpi__value" data-testid="break-even">
            {isNum(be) ? t("plan.achieve.month", { n: be }) : isNum(plan.finance?.npv) ? t("plan.achieve.never", { n: horizon }) : "—"}
          </div>
        </div>
        {hasRm ? (
          <div className="kpi">
            <div className="kpi__label">{t("plan.achieve.rmTarget")}</div>
            <div className="kpi__value">{rm === 0 ? t("plan.achieve.already") : isNum(rm) ? t("plan.achieve.months", { n: f.num(rm, 1) }) : t("plan.achieve.noFlow")}</div>
          </div>
        ) : null}
      </div>
      {narrative.length ? (
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3>
            {t("plan.ai.narrative")} <span className="ai-label">AI</span>
          </h3>
          {narrative.map((para, i) => (
            <p key={i}>{para}</p>
          ))}
          <p className="muted small">{t("plan.ai.label")}</p>
        </div>
      ) : null}
    </Section>
  );
}

// ── 3. techniques ─────────────────────────────────────────────────────────
export function TechniquesSection({ plan, locale, t }: SectionProps) {
  const techniques = list(plan.techniques);
  const llm = techniques.filter((x) => x.kind !== "traditional");
  const traditional = techniques.filter((x) => x.kind === "traditional");
  const factLabel = (fact: string) => text(PROFILE_FACT_LABELS[fact], locale, fact);
  const item = (x: (typeof techniques)[number], i: number) => (
    <li key={`${x.id}-${i}`} data-technique={x.id}>
      <strong>{text(x.name, locale, x.id)}</strong>
      <span>{text(x.whyText, locale, x.why ?? "")}</span>
      {list(x.triggeredBy).length ? (
        <span className="citation">
          {t("plan.tech.triggeredBy")}: {list(x.triggeredBy).map(factLabel).join(locale === "zh" ? "、" : ", ")}
        </span>
      ) : null}
      {list(x.sources).length ? <span className="citation">{list(x.sources).join("; ")}</span> : null}
    </li>
  );
  return (
    <Section id="techniques" title={t("plan.q3")}>
      {techniques.length === 0 ? <p className="muted">{t("plan.tech.none")}</p> : null}
      <div className="tiers">
        {[1, 2, 3].map((tier) => {
          const inTier = llm.filter((x) => x.tier === tier);
          return (
            <div key={tier} className={inTier.length ? "tier" : "tier tier--empty"} data-tier={tier}>
              <h3>
                <span className="tier__num">{tier}</span>
                {tr(TIER_LABELS[tier], locale)}
              </h3>
              <ul>{inTier.map(item)}</ul>
            </div>
          );
        })}
        {traditional.length ? (
          <div className="tier" data-tier="traditional">
            <h3>{t("plan.tech.traditional")}</h3>
            <ul>{traditional.map(item)}</ul>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

// ── 4. team ───────────────────────────────────────────────────────────────
export function TeamSection({ plan, locale, t, f }: SectionProps) {
  const roles = list(plan.team?.roles);
  return (
    <Section id="team" title={t("plan.q4")}>
      {roles.length === 0 ? (
        <p className="muted">{t("plan.team.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table data-testid="team-table">
            <thead>
              <tr>
                <th scope="col">{t("plan.team.role")}</th>
                <th scope="col" className="num">{t("plan.team.count")}</th>
                <th scope="col" className="num">{t("plan.team.personWeeks")}</th>
                <th scope="col" className="num">{t("plan.team.rate")}</th>
                <th scope="col" className="num">{t("plan.team.labour")}</th>
                <th scope="col" className="num">{t("plan.team.runFte")}</th>
                <th scope="col" className="num">{t("plan.team.runCost")}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r, i) => (
                <tr key={r.role ?? i}>
                  <td>{text(r.label, locale, r.role)}</td>
                  <td className="num">{f.num(r.count, 0)}</td>
                  <td className="num">{f.num(r.personWeeks, 1)}</td>
                  <td className="num">{f.money(r.monthlyRate)}</td>
                  <td className="num">{f.money(r.labourCost)}</td>
                  <td className="num">{f.num(r.runFte, 2)}</td>
                  <td className="num">{f.money(r.runMonthlyCost)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("plan.team.total")}</th>
                <td className="num">{f.num(plan.team?.headcount, 0)}</td>
                <td className="num">{f.num(plan.team?.personWeeks, 1)}</td>
                <td />
                <td className="num">{f.money(plan.team?.labourCost)}</td>
                <td />
                <td className="num">{f.money(plan.team?.runMonthlyCost)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Section>
  );
}

// ── 5. timeline, data and feedback ────────────────────────────────────────
export function TimelineSection({ plan, locale, t, f, charts }: SectionProps) {
  const phases = list(plan.timeline?.phases);
  const needs = list(plan.data?.needs);
  const anchors = list(plan.data?.anchors);
  const fb = plan.feedback;
  return (
    <Section id="timeline" title={t("plan.q5")}>
      <Chart spec={charts.gantt} t={t} />
      {phases.length ? (
        <div className="card table-wrap" style={{ marginTop: "1rem" }}>
          {isNum(plan.timeline?.totalWeeks) ? <p>{t("plan.timeline.total", { n: plan.timeline.totalWeeks, launch: plan.timeline.launchWeek ?? "—" })}</p> : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plan.timeline.phase")}</th>
                <th scope="col" className="num">{t("plan.timeline.start")}</th>
                <th scope="col" className="num">{t("plan.timeline.weeks")}</th>
                <th scope="col">{t("plan.timeline.work")}</th>
              </tr>
            </thead>
            <tbody>
              {phases.map((ph, i) => (
                <tr key={ph.id ?? i}>
                  <td>
                    {text(ph.nameText, locale, ph.name ?? ph.id)}
                    {ph.ongoing ? <span className="muted small"> · {t("plan.timeline.ongoing")}</span> : null}
                    {ph.milestone ? <span className="citation">◆ {text(ph.milestone, locale)}</span> : null}
                  </td>
                  <td className="num">{f.num(ph.startWeek, 1)}</td>
                  <td className="num">{f.num(ph.weeks, 1)}</td>
                  <td>
                    {ph.workVolume ? (
                      <>
                        {workVolumeLabel(ph.workVolume as Parameters<typeof workVolumeLabel>[0], locale)}: {f.num(ph.workVolume.quantity, 0)} {ph.workVolume.unit}
                        {isNum(ph.workVolume.ratePerWeek) ? <span className="muted small"> · {f.num(ph.workVolume.ratePerWeek, 0)}/{locale === "zh" ? "周" : "week"}</span> : null}
                        {isNum(ph.workVolume.rounds) && ph.workVolume.rounds > 1 ? <span className="muted small"> × {ph.workVolume.rounds}</span> : null}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("plan.timeline.none")}</p>
      )}
      <div className="data-feedback" style={{ marginTop: "1rem" }}>
        <div className="card table-wrap">
          <h3>{t("plan.data.title")}</h3>
          {needs.length === 0 ? (
            <p className="muted">{t("plan.data.none")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("plan.data.need")}</th>
                  <th scope="col" className="num">{t("plan.data.needed")}</th>
                  <th scope="col" className="num">{t("plan.data.onHand")}</th>
                  <th scope="col" className="num">{t("plan.data.toCollect")}</th>
                  <th scope="col" className="num">{t("plan.data.hours")}</th>
                  <th scope="col" className="num">{t("plan.data.cost")}</th>
                </tr>
              </thead>
              <tbody>
                {needs.map((n, i) => (
                  <tr key={n.id ?? i}>
                    <td>
                      {dataNeedLabel(n.id ?? "", locale, n.label as LocalizedText | undefined)}
                      {n.unit ? <span className="citation">{n.unit}</span> : null}
                    </td>
                    <td className="num">{f.num(n.examplesNeeded, 0)}</td>
                    <td className="num">{f.num(n.onHand, 0)}</td>
                    <td className="num">{f.num(n.toCollect, 0)}</td>
                    <td className="num">{f.num(n.annotationHours, 0)}</td>
                    <td className="num">{f.money(n.annotationCost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {anchors.length ? (
            <>
              <h4 className="small" style={{ marginTop: "0.75rem" }}>
                {t("plan.data.anchors")}
              </h4>
              <ul className="small">
                {anchors.map((a, i) => (
                  <li key={a.id ?? i}>
                    {a.name}: {f.num(a.examples, 0)}
                    {a.citation ? <span className="citation">{a.citation}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div className="card">
          <h3>{t("plan.feedback.title")}</h3>
          <p className="kpi__value">{t("plan.feedback.perMonth", { n: f.num(fb?.perMonth, 0) })}</p>
          <dl className="dl">
            {isNum(fb?.explicitPerMonth) ? (
              <>
                <dt>{t("plan.feedback.explicit")}</dt>
                <dd>{f.num(fb.explicitPerMonth, 0)}</dd>
              </>
            ) : null}
            {isNum(fb?.implicitPerMonth) ? (
              <>
                <dt>{t("plan.feedback.implicit")}</dt>
                <dd>{f.num(fb.implicitPerMonth, 0)}</dd>
              </>
            ) : null}
            {isNum(fb?.rewardModelTarget) && fb.rewardModelTarget > 0 ? (
              <>
                <dt>{t("plan.feedback.rmTarget")}</dt>
                <dd>{f.num(fb.rewardModelTarget, 0)}</dd>
              </>
            ) : null}
            {fb?.formula ? (
              <>
                <dt>{t("plan.feedback.formula")}</dt>
                <dd>
                  <code>{fb.formula}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
    </Section>
  );
}

// ── 6. money ──────────────────────────────────────────────────────────────
export function MoneySection({ plan, locale, t, f, charts }: SectionProps) {
  const c = plan.compute;
  const lines = list(plan.cost?.lines);
  const fin = plan.finance;
  const sens = list(fin?.sensitivity);
  const ranges = fin?.ranges;
  const beRange = ranges?.breakEvenMonth;
  const fmtMonth = (v: number | null | undefined) => (isNum(v) ? String(v) : t("plan.finance.noBreakEven"));
  const usd = (v: number | null | undefined) => (isNum(v) ? new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { style: "currency", currency: "USD", maximumFractionDigits: v < 100 ? 2 : 0 }).format(v) : "—");
  return (
    <Section id="money" title={t("plan.q6")}>
      {c ? (
        <div className="card" style={{ marginBottom: "1rem" }}>
          <h3>{t("plan.compute.title")}</h3>
          <dl className="dl">
            <dt>{t("plan.compute.model")}</dt>
            <dd>{isNum(c.modelSizeB) ? `${c.modelSizeB}B` : "—"}</dd>
            <dt>{t("plan.compute.deployment")}</dt>
            <dd>
              {c.deployment === "self_hosted" ? t("plan.compute.selfHosted") : t("plan.compute.api")}
              {c.deploymentReason ? <span className="citation">{reasonText(c.deploymentReason as Parameters<typeof reasonText>[0], locale)}</span> : null}
            </dd>
            {c.api ? (
              <>
                <dt>{t("plan.compute.apiCost")}</dt>
                <dd>
                  {c.api.provider} {c.api.model}: {t("plan.compute.perMonth", { v: f.money(c.api.monthlyCost) })} · {f.num(c.api.monthlyTokens, 0)} tokens
                  {c.api.citation ? <span className="citation">{c.api.citation}{c.api.priceDate ? ` (${c.api.priceDate})` : ""}</span> : null}
                </dd>
              </>
            ) : null}
            {c.serving ? (
              <>
                <dt>{t("plan.compute.serving")}</dt>
                <dd>
                  {c.serving.paramsB}B {c.serving.precision} · {c.serving.gpus} × {c.serving.gpu} · {f.num(c.serving.totalGb, 1)} GB ·{" "}
                  {t("plan.compute.perMonth", { v: f.money(c.serving.monthlyCost) })}
                </dd>
              </>
            ) : null}
            {isNum(c.monthlyRequests) ? (
              <>
                <dt>{t("plan.compute.monthlyRequests")}</dt>
                <dd>{f.num(c.monthlyRequests, 0)}</dd>
              </>
            ) : null}
          </dl>
          {list(c.fineTuneOptions).length ? (
            <div className="table-wrap" style={{ marginTop: "0.75rem" }}>
              <table>
                <caption>{t("plan.compute.fineTune")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("plan.compute.method")}</th>
                    <th scope="col" className="num">{t("plan.compute.memory")}</th>
                    <th scope="col" className="num">{t("plan.compute.gpus")}</th>
                    <th scope="col" className="num">{t("plan.compute.gpuHours")}</th>
                    <th scope="col" className="num">{t("plan.compute.wallHours")}</th>
                    <th scope="col" className="num">{t("plan.compute.cost")}</th>
                    <th scope="col">{t("plan.compute.fits")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list(c.fineTuneOptions).map((o, i) => (
                    <tr key={o.method ?? i}>
                      <td>
                        {o.method?.toUpperCase()} · {o.paramsB}B · {o.gpu}
                        {c.fineTune?.method === o.method ? <span className="badge badge--pilot" style={{ marginLeft: 6 }}>{t("plan.compute.chosen")}</span> : null}
                      </td>
                      <td className="num">{f.num(o.memoryGbPerGpu, 1)} GB</td>
                      <td className="num">{f.num(o.gpus, 0)}</td>
                      <td className="num">{f.num(o.gpuHours, 1)}</td>
                      <td className="num">{f.num(o.wallHours, 1)}</td>
                      <td className="num">
                        {isNum(o.cost) ? f.money(o.cost) : usd(o.costUsd)}
                        {isNum(o.runs) && o.runs > 1 ? <span className="muted small"> ({o.runs}×)</span> : null}
                      </td>
                      <td>{o.fits ? "✓" : "✗"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="grid-2">
        <Chart spec={charts.cost} t={t} />
        <div className="card table-wrap">
          <h3>{t("plan.cost.title")}</h3>
          {lines.length ? (
            <table data-testid="cost-table">
              <thead>
                <tr>
                  <th scope="col">{t("plan.cost.line")}</th>
                  <th scope="col" className="num">{t("plan.cost.oneOff")}</th>
                  <th scope="col" className="num">{t("plan.cost.monthly")}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr key={l.id ?? i}>
                    <td>{costLineLabel(l.id ?? "", locale, l.label as LocalizedText | undefined)}</td>
                    <td className="num">{f.money(l.oneOff)}</td>
                    <td className="num">{f.money(l.monthly)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("plan.team.total")}</th>
                  <td className="num">{f.money(plan.cost?.oneOffTotal)}</td>
                  <td className="num">{f.money(plan.cost?.monthlyTotal)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("plan.cost.firstYear")}</th>
                  <td className="num" colSpan={2}>
                    {f.money(plan.cost?.firstYearTotal)}
                  </td>
                </tr>
              </tfoot>
            </table>
          ) : (
            <p className="muted">—</p>
          )}
        </div>
      </div>
      <h3 style={{ marginTop: "1.25rem" }}>{t("plan.finance.title")}</h3>
      {isNum(fin?.npv) ? (
        <div className="kpis" style={{ marginBottom: "1rem" }}>
          <div className="kpi">
            <div className="kpi__label">{t("plan.finance.model")}</div>
            <div className="kpi__value">{text(MARKET_LABELS[fin.model ?? ""], locale, fin.model)}</div>
          </div>
          <div className="kpi">
            <div className="kpi__label">{t("plan.finance.breakEven")}</div>
            <div className="kpi__value">{isNum(fin.breakEvenMonth) ? t("plan.achieve.month", { n: fin.breakEvenMonth }) : t("plan.achieve.never", { n: fin.horizonMonths ?? 36 })}</div>
            {beRange ? (
              <div className="kpi__sub">
                {t("plan.finance.range")}: {fmtMonth(beRange.p10)} – {fmtMonth(beRange.p90)}
              </div>
            ) : null}
          </div>
          <div className="kpi">
            <div className="kpi__label">{t("plan.finance.npv")}</div>
            <div className="kpi__value" data-testid="npv">{f.moneyCompact(fin.npv)}</div>
            {ranges?.npv ? (
              <div className="kpi__sub">
                {t("plan.finance.range")}: {f.moneyCompact(ranges.npv.p10)} – {f.moneyCompact(ranges.npv.p90)}
              </div>
            ) : null}
          </div>
          <div className="kpi">
            <div className="kpi__label">{t("plan.finance.roi")}</div>
            <div className="kpi__value">{f.pct(fin.roi)}</div>
            {ranges?.roi ? (
              <div className="kpi__sub">
                {t("plan.finance.range")}: {f.pct(ranges.roi.p10)} – {f.pct(ranges.roi.p90)}
              </div>
            ) : null}
          </div>
          {isNum(ranges?.breakEvenProbability) ? (
            <div className="kpi">
              <div className="kpi__label">{t("plan.finance.probability", { n: fin.horizonMonths ?? 36 })}</div>
              <div className="kpi__value">{f.pct(ranges.breakEvenProbability)}</div>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("plan.finance.none")}</p>
      )}
      <Chart spec={charts.cashflow} t={t} tall />
      <div className="stack" style={{ marginTop: "1rem" }}>
        <Chart spec={charts.tornado} t={t} />
        {sens.length ? (
          <div className="card table-wrap">
            <h3>{t("plan.finance.sensitivity")}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("plan.finance.driver")}</th>
                  <th scope="col" className="num">{t("plan.finance.npvLow")}</th>
                  <th scope="col" className="num">{t("plan.finance.npvHigh")}</th>
                </tr>
              </thead>
              <tbody>
                {sens.map((s, i) => (
                  <tr key={s.key ?? i}>
                    <td>{assumptionLabel(s.key ?? "", locale, s.label as LocalizedText | undefined)}</td>
                    <td className="num">{f.moneyCompact(s.npvLow)}</td>
                    <td className="num">{f.moneyCompact(s.npvHigh)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

// ── risks ─────────────────────────────────────────────────────────────────
export function RisksSection({ plan, locale, t }: SectionProps) {
  const risks = list(plan.risks);
  const aiRisks = list(plan.llm?.risks);
  if (!risks.length && !aiRisks.length) return null;
  return (
    <Section id="risks" title={t("plan.risks")}>
      {risks.length ? (
        <div className="card table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plan.risks")}</th>
                <th scope="col">{t("plan.risk.severity")}</th>
                <th scope="col">{t("plan.risk.mitigation")}</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((r, i) => (
                <tr key={r.id ?? i}>
                  <td>
                    {text(r.text, locale)}
                    {r.source ? <span className="citation">{r.source}</span> : null}
                  </td>
                  <td>
                    <span className={`badge badge--${r.severity === "high" ? "no_go" : r.severity === "medium" ? "rethink" : "go"}`}>{t(`plan.risk.${r.severity ?? "medium"}` as "plan.risk.medium")}</span>
                  </td>
                  <td>{text(r.mitigation, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {aiRisks.length ? (
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3>
            {t("plan.ai.risks")} <span className="ai-label">AI</span>
          </h3>
          <ul>
            {aiRisks.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}

// ── profile with provenance ───────────────────────────────────────────────
export function ProfileSection({ plan, locale, t }: SectionProps) {
  const rows = profileFactRows(plan.profile as Record<string, unknown> | undefined, locale, planCurrency(plan, locale));
  if (!rows.length) return null;
  return (
    <Section id="profile" title={t("plan.profile")}>
      <div className="card table-wrap">
        <table data-testid="profile-table">
          <thead>
            <tr>
              <th scope="col">{t("plan.profile.fact")}</th>
              <th scope="col">{t("plan.profile.value")}</th>
              <th scope="col">{t("plan.profile.source")}</th>
              <th scope="col">{t("plan.profile.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-fact={row.key}>
                <td>{row.label}</td>
                <td>{row.value}</td>
                <td>{row.source ? <SourceBadge source={row.source} locale={locale} /> : null}</td>
                <td className="small">
                  {row.evidence.map((e) => `“${e}”`).join(" ")}
                  {row.note ? <span className="citation">{row.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
