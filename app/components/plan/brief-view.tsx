// The bottom line at the top of the plan page and the share page: the verdict and its one-sentence answer, the ask,
// the money with its range, the three most serious risks, the next step and its gate, what must be true, and the
// inferred facts to confirm (corrected in place on the owner's page: the plan is recomputed as a new version).
import { Form } from "@remix-run/react";
import { FigureView } from "~/components/plan/blocks";
import type { Translate } from "~/i18n/translate";
import type { Brief, ConfirmView } from "~/present/view-model/types";

export interface ConfirmEditing {
  /** Where the correction posts (the plan page, without ?saved). */
  action: string;
  version: number;
  /** A correction the server refused: the field and why, with what was typed. */
  error?: { field: string; message: string; value: string } | null;
}

export function BriefView({ brief, t, editing }: { brief: Brief; t: Translate; editing?: ConfirmEditing }) {
  return (
    <section id="bottom-line" className="brief" aria-labelledby="bottom-line-title" data-testid="bottom-line">
      <h2 id="bottom-line-title" className="visually-hidden">
        {t("brief.title")}
      </h2>
      <div className="brief__main">
        <div className={`card brief__verdict verdict--${brief.verdict.id}`} data-testid="verdict-card">
          <div className="brief__verdict-head">
            <span className="verdict__label">{t("plan.verdict")}</span>
            <strong className="verdict__value" data-testid="verdict">
              {brief.verdict.label}
            </strong>
            <span className="brief__grade">
              <span className={`grade grade--${brief.grade}`} data-testid="grade">
                {brief.grade}
              </span>{" "}
              <span data-testid="score">{brief.score}/100</span> · {brief.tier}
            </span>
          </div>
          <p className="brief__answer" data-testid="answer">
            {brief.answer}
          </p>
        </div>
        {brief.regulations.length ? (
          <div className="card brief__regulations" data-testid="regulations">
            <h3 className="brief__label">{t("brief.regulations")}</h3>
            <ul>
              {brief.regulations.map((r, i) => (
                <li key={i}>
                  {r.text}
                  {r.cap ? <strong> ({r.cap})</strong> : null} <a href={`#source-${r.source.replace(/\D/g, "")}`}>{r.source}</a>
                  <span className="citation">{t("regulation.requires", { text: r.requirement })}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="brief__figures">
          <h3 className="brief__label">{t("brief.theAsk")}</h3>
          <div className="kpis kpis--4" data-testid="ask">
            {brief.ask.map((f) => (
              <FigureView key={f.id} figure={f} t={t} />
            ))}
          </div>
          <h3 className="brief__label">{t("brief.theMoney")}</h3>
          <div className="kpis" data-testid="money">
            {[...brief.money, ...(brief.quality ? [brief.quality] : [])].map((f) => (
              <FigureView key={f.id} figure={f} t={t} />
            ))}
          </div>
          {brief.constraints.length ? (
            <ul className="brief__constraints" data-testid="constraints">
              {brief.constraints.map((c) => (
                <li key={c.kind} className={c.fits ? "ok" : "bad"}>
                  {c.label}: {c.planned} · {t("brief.constraint.stated")} {c.stated} ·{" "}
                  {t(c.fits ? "brief.constraint.ok" : "brief.constraint.notOk")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="brief__side">
        <div className="card brief__risks">
          <h3 className="brief__label">{t("brief.risks")}</h3>
          <ol data-testid="top-risks">
            {brief.risks.map((r, i) => (
              <li key={i}>
                <span className={`badge badge--sev-${r.severity}`}>{r.severityLabel}</span> {r.text}
                <span className="citation">{r.mitigation}</span>
              </li>
            ))}
          </ol>
        </div>
        <div className="card brief__next" data-testid="next-step">
          <h3 className="brief__label">{t("brief.next")}</h3>
          <p>{brief.nextStep.text}</p>
          {brief.nextStep.gate ? <p className="brief__gate">{brief.nextStep.gate}</p> : null}
        </div>
        {brief.confirm.length ? <ConfirmList items={brief.confirm} t={t} editing={editing} /> : null}
        {brief.mustBeTrue.length ? (
          <details className="card brief__must">
            <summary className="brief__label">{t("brief.mustBeTrue")}</summary>
            <ul>
              {brief.mustBeTrue.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function ConfirmList({ items, t, editing }: { items: ConfirmView[]; t: Translate; editing?: ConfirmEditing }) {
  return (
    <div className="card brief__confirm" id="confirm" data-testid="confirm">
      <h3 className="brief__label">{t("brief.confirm")}</h3>
      <p className="muted small">{t("brief.confirmIntro")}</p>
      <ul>
        {items.map((c) => {
          const error = editing?.error && c.edit && editing.error.field === c.edit.field ? editing.error : null;
          const id = `confirm-${c.key}`;
          return (
            <li key={c.key} data-confirm={c.key}>
              <strong>{c.label}</strong>: {c.value} <span className="muted small">({c.sourceLabel})</span>
              {c.quotes.length ? <span className="citation">{c.quotes.map((q) => `“${q}”`).join(" ")}</span> : null}
              {c.affects.length ? <span className="citation">{t("brief.confirm.ifWrong", { list: t.list(c.affects) })}</span> : null}
              {c.ifOther ? <span className="citation">{c.ifOther}</span> : null}
              {editing && c.edit ? (
                <Form method="post" action={editing.action} preventScrollReset className="confirm-edit">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="version" value={editing.version} />
                  <input type="hidden" name="field" value={c.edit.field} />
                  <label htmlFor={id} className="visually-hidden">
                    {t("brief.confirm.correctLabel", { fact: c.label })}
                  </label>
                  {c.edit.options ? (
                    <select id={id} name="value" defaultValue={error?.value ?? c.edit.current}>
                      {c.edit.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="unit-field">
                      <input
                        id={id}
                        name="value"
                        type="text"
                        inputMode="decimal"
                        defaultValue={error?.value ?? c.edit.current}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        autoFocus={Boolean(error)}
                      />
                      {c.edit.suffix ? <span className="unit-field__unit">{c.edit.suffix}</span> : null}
                    </span>
                  )}
                  <button type="submit" className="button--small">
                    {t("brief.confirm.apply")}
                  </button>
                  {error ? (
                    <span className="field-error" id={`${id}-error`} role="alert">
                      {error.message}
                    </span>
                  ) : null}
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
