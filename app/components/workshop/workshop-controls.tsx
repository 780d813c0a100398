import { Form, Link } from "@remix-run/react";
import type { Translate } from "~/i18n/translate";
import type { Selection } from "~/workshop/selection.server";
import { workshopSearch } from "~/workshop/query";
import type { WorkshopParams, WorkshopView } from "~/workshop/view";

/** The selection, carried as hidden fields so every control is a plain GET form. */
export function SelectionFields({ selection }: { selection: Pick<Selection, "ids" | "tag"> }) {
  return (
    <>
      {selection.tag ? (
        <input type="hidden" name="tag" value={selection.tag} />
      ) : (
        selection.ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />)
      )}
    </>
  );
}

/**
 * Currency, exchange rate and quadrant lines: a GET form (works without JavaScript; the address can be shared). The
 * money note says what was converted at which rate.
 */
export function WorkshopControls({
  view,
  params,
  selection,
  t,
  extra,
  keep = {},
}: {
  view: WorkshopView;
  params: WorkshopParams;
  selection: Pick<Selection, "ids" | "tag">;
  t: Translate;
  extra?: React.ReactNode;
  keep?: Record<string, string | null>;
}) {
  return (
    <Form method="get" className="card ws-controls no-print" data-testid="workshop-controls" preventScrollReset>
      <SelectionFields selection={selection} />
      {Object.entries(keep).map(([name, value]) => (value === null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <div className="ws-controls__row">
        <label className="ws-field">
          <span className="label">{t("compare.currency")}</span>
          <select name="currency" defaultValue={view.conversion.currency} data-testid="currency">
            <option value="CNY">{t("ws.currency.CNY")}</option>
            <option value="USD">{t("ws.currency.USD")}</option>
          </select>
        </label>
        <label className="ws-field">
          <span className="label">{t("compare.rate")}</span>
          <input
            name="rate"
            inputMode="decimal"
            size={7}
            defaultValue={params.rateInvalid ? "" : params.rate !== null ? String(params.rate) : ""}
            placeholder={String(view.conversion.rate ?? view.conversion.reference.rate)}
            aria-describedby="ws-money-note"
            aria-invalid={params.rateInvalid || undefined}
            data-testid="rate"
          />
        </label>
        <label className="ws-field">
          <span className="label">{t("ws.matrix.split")}</span>
          <select name="split" defaultValue={view.split.mode}>
            <option value="bar">{t("ws.matrix.split.bar", { n: 68 })}</option>
            <option value="median">{t("ws.matrix.split.median")}</option>
          </select>
        </label>
        {extra}
        <button type="submit" className="button--ghost" data-testid="apply">
          {t("compare.apply")}
        </button>
      </div>
      {params.rateInvalid ? (
        <p className="field-error" role="alert">
          {t("compare.rate.invalid")}
        </p>
      ) : null}
      <p id="ws-money-note" className="ws-money-note" role="status" data-testid="money-note">
        {view.moneyNote}
      </p>
    </Form>
  );
}

/** Links from one workshop view to the others, keeping the selection and the choices. */
export function WorkshopNav({ search, t, current }: { search: string; t: Translate; current: "compare" | "portfolio" | "present" }) {
  const q = workshopSearch(search);
  const items: [typeof current, string, string][] = [
    ["compare", `/compare${q}`, t("compare.title")],
    ["portfolio", `/portfolio${q}`, t("compare.toPortfolio")],
    ["present", `/present${q}`, t("compare.toPresent")],
  ];
  return (
    <nav className="ws-views no-print" aria-label={t("compare.views")}>
      {items.map(([id, href, label]) => (
        <Link
          key={id}
          to={href}
          className={id === current ? "button" : "button button--ghost"}
          aria-current={id === current ? "page" : undefined}
          data-testid={`to-${id}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
