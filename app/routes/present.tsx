import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { VerdictBadge } from "~/components/badges";
import { RouteError } from "~/components/route-error";
import { MatrixFigure } from "~/components/workshop/matrix-figure";
import type { Translate } from "~/i18n/translate";
import { useT } from "~/i18n/use-locale";
import { formatMoneyCompact, formatNumber } from "~/present/format";
import workshopCss from "~/styles/workshop.css?url";
import { requireUser } from "~/lib/auth.server";
import { loadWorkshop } from "~/workshop/load.server";
import { withParams, workshopSearch } from "~/workshop/query";
import { matrixSvgIn, PROJECTOR_FRAME, type WorkshopView } from "~/workshop/view";

export const meta: MetaFunction = () => [{ title: "Present · Tierwise" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workshopCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await requireUser({ request, context });
  const loaded = await loadWorkshop(request, { min: 1, workspaceId: principal.workspaceId });
  const asked = Number(new URL(request.url).searchParams.get("slide") ?? "1");
  // The matrix, one slide per option in the suggested order, then the ranking.
  const total = loaded.view ? loaded.view.options.length + 2 : 0;
  const slide = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), Math.max(total, 1)) : 1;
  // The first slide's matrix in type a room can read; phones keep their own drawing.
  const projector = loaded.view && slide === 1 ? matrixSvgIn(loaded.view, PROJECTOR_FRAME, "projector") : null;
  return { ...loaded, slide, total, projector };
}

/**
 * A presenter view for a projector: large type, one screen per slide (the matrix, each option, the ranking), and the
 * keyboard to move: → / Space / Page Down next, ← / Page Up back, Home, End, Esc to leave. Every slide has its own
 * address and Previous/Next links, so it works without JavaScript and a clicker that sends Page Down works too.
 */
export default function Present() {
  const { view, slide, total, selection, projector } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const { search } = useLocation();
  const navigate = useNavigate();
  const slideRef = useRef<HTMLElement>(null);
  const base = workshopSearch(search);
  const href = (n: number) => `/present${withParams(base, { slide: String(n) })}`;
  const exit = `/compare${base}`;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      // The address is ahead of the render while a slide loads: keys pressed quickly count from where it is going.
      const current = Math.min(total, Math.max(1, Number(new URLSearchParams(window.location.search).get("slide") ?? slide) || slide));
      const go = (n: number) => {
        e.preventDefault();
        if (n !== current) navigate(href(n), { preventScrollReset: false });
      };
      if (e.key === "ArrowRight" || e.key === "PageDown" || (e.key === " " && !e.shiftKey)) go(Math.min(total, current + 1));
      else if (e.key === "ArrowLeft" || e.key === "PageUp" || (e.key === " " && e.shiftKey)) go(Math.max(1, current - 1));
      else if (e.key === "Home") go(1);
      else if (e.key === "End") go(total);
      else if (e.key === "Escape") {
        e.preventDefault();
        navigate(exit);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  // A new slide takes the focus, so a screen reader reads it and the keys keep working.
  useEffect(() => {
    slideRef.current?.focus({ preventScroll: true });
  }, [slide]);

  if (!view) {
    return (
      <div className="presenter" data-testid="presenter">
        <section className="presenter__slide">
          <h1>{t("present.title")}</h1>
          <p>{selection.problem === "tooMany" ? t("compare.tooMany") : t("portfolio.none")}</p>
          <p>
            <Link to="/compare">{t("compare.title")}</Link>
          </p>
        </section>
      </div>
    );
  }
  const order = [...view.portfolio.ranked, ...view.portfolio.excluded].map((r) => r.option.id);
  return (
    <div className="presenter" data-testid="presenter" data-slide={slide}>
      <nav className="presenter__bar" aria-label={t("present.nav")}>
        <span>
          {slide > 1 ? (
            <Link to={href(slide - 1)} rel="prev" data-testid="present-prev">
              ← {t("present.prev")}
            </Link>
          ) : (
            <span className="muted">← {t("present.prev")}</span>
          )}
        </span>
        <span aria-live="polite" data-testid="present-count">
          {t("present.slide", { n: slide, total })}
        </span>
        <span>
          {slide < total ? (
            <Link to={href(slide + 1)} rel="next" data-testid="present-next">
              {t("present.next")} →
            </Link>
          ) : (
            <span className="muted">{t("present.next")} →</span>
          )}{" "}
          · <Link to={exit}>{t("present.exit")}</Link>
        </span>
      </nav>
      <section
        className={slide === 1 ? "presenter__slide presenter__slide--matrix" : "presenter__slide"}
        ref={slideRef}
        tabIndex={-1}
        aria-labelledby="slide-title"
        data-testid="slide"
      >
        {slide === 1 ? (
          <>
            <h1 id="slide-title">{t("present.overview", { n: view.options.length })}</h1>
            {view.matrix ? (
              <MatrixFigure matrix={projector ? { ...view.matrix, desktop: projector } : view.matrix} t={t} large />
            ) : (
              <p>{t("ws.matrix.empty")}</p>
            )}
          </>
        ) : slide === total ? (
          <RankingSlide view={view} t={t} locale={locale} />
        ) : (
          <OptionSlide view={view} id={order[slide - 2]} t={t} locale={locale} />
        )}
        <p className="presenter__keys">{t("present.keys")}</p>
      </section>
    </div>
  );
}

function OptionSlide({ view, id, t, locale }: { view: WorkshopView; id: string; t: Translate; locale: "zh" | "en" }) {
  const o = view.options.find((x) => x.id === id)!;
  const d = view.details[id];
  const ranked = view.portfolio.ranked.find((r) => r.option.id === id);
  const row = (rowId: string) => view.rows.find((r) => r.id === rowId)?.cells[id]?.text ?? "—";
  const money = (v: number | null) => formatMoneyCompact(v, view.conversion.currency, locale);
  const figures: [string, string][] = [
    [t("ws.row.value"), formatNumber(o.value, locale, 0)],
    [t("ws.row.feasibility"), formatNumber(o.feasibility, locale, 1)],
    [t("ws.row.oneOff"), money(o.money.oneOff)],
    [t("ws.row.monthly"), money(o.money.monthly)],
    [t("ws.row.team"), row("team")],
    [t("ws.row.launch"), row("launch")],
    [t("ws.row.breakEven"), row("breakEven")],
    [t("ws.row.npv"), money(o.money.npv)],
  ];
  return (
    <>
      <h1 id="slide-title">
        <span className={`ws-num ws-num--${o.verdict}`}>{o.number}</span> {o.title}
      </h1>
      <p>
        <VerdictBadge verdict={o.verdict} t={t} /> {row("quadrant")} · {d?.tierLabel}
        {ranked?.rank ? ` · ${t("portfolio.col.rank")} ${ranked.rank}` : ""}
      </p>
      <dl className="presenter__figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {d?.why.length ? (
        <>
          <h2>{t("portfolio.topReasons")}</h2>
          <ul className="presenter__list">
            {d.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      {d?.risks.length ? (
        <>
          <h2>{t("portfolio.topRisks")}</h2>
          <ul className="presenter__list">
            {d.risks.map((r) => (
              <li key={r.text}>
                {r.text} ({r.severityLabel})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="presenter__note">{view.moneyNote}</p>
    </>
  );
}

function RankingSlide({ view, t, locale }: { view: WorkshopView; t: Translate; locale: "zh" | "en" }) {
  const money = (v: number | null) => formatMoneyCompact(v, view.conversion.currency, locale);
  const p = view.portfolio;
  return (
    <>
      <h1 id="slide-title">{t("present.ranking")}</h1>
      <ol className="presenter__list" data-testid="present-ranking">
        {p.ranked.map((r) => (
          <li key={r.option.id}>
            <strong>{r.option.title}</strong> — {r.quadrant ? t(`ws.quadrant.${r.quadrant}`) : "—"}, {money(r.option.money.oneOff)}
          </li>
        ))}
      </ol>
      <dl className="presenter__figures">
        <div>
          <dt>{t("portfolio.total.oneOff")}</dt>
          <dd>{money(p.totals.oneOff)}</dd>
        </div>
        <div>
          <dt>{t("portfolio.total.monthly")}</dt>
          <dd>{money(p.totals.monthly)}</dd>
        </div>
        <div>
          <dt>{t("portfolio.total.firstYear")}</dt>
          <dd>{money(p.totals.firstYear)}</dd>
        </div>
      </dl>
      {p.excluded.length ? (
        <p>
          {t("portfolio.excluded")}: {t.list(p.excluded.map((r) => r.option.title))}
        </p>
      ) : null}
      <p className="presenter__note">{t("portfolio.rule")}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
