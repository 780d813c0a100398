// The one adapter from a stored plan to the PDF HTTP response, shared by the owner's route and the share-link route.
import type { DecisionPlan } from "~/domain/plan-types";
import { LOCALES, type Locale } from "~/domain/scenario";
import type { PdfOptions } from "~/report/pdf.server";
import { getDb } from "~/models/db.server";
import { pdfCache } from "~/report/pdf-cache.server";
import { renderPdfInPool, renderUnavailableResponse } from "~/report/render-pool.server";

export type LangChoice = { ok: true; locale: Locale } | { ok: false; message: string };

/** `?lang=zh|en`; absent means the scenario's own language. */
export function reportLang(url: URL, plan: Pick<DecisionPlan, "locale">): LangChoice {
  const lang = url.searchParams.get("lang");
  if (lang === null || lang === "") return { ok: true, locale: plan.locale === "en" ? "en" : "zh" };
  return (LOCALES as readonly string[]).includes(lang) ? { ok: true, locale: lang as Locale } : { ok: false, message: "must be zh or en" };
}

const MAX_NAME_CHARS = 80;

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<title>` (RFC 6266 / RFC 5987). The ASCII name is built from
 * the id only, so no user text reaches the legacy parameter; the UTF-8 one carries the title, stripped of path
 * separators, quotes and controls, and percent-encoded so it cannot break out of the header.
 */
export function contentDisposition(opts: { id: string; title: string; locale: Locale }): string {
  const safeId = opts.id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40) || "plan";
  const ascii = `tierwise-${safeId}-${opts.locale}.pdf`;
  const cleaned = Array.from(
    opts.title
      .normalize("NFC")
      // eslint-disable-next-line no-control-regex -- control characters must not reach a header
      .replace(/[\u0000-\u001f\u007f-\u009f"\\/:*?<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
      .replace(/\.{2,}/g, ".")
      .replace(/\s+/g, " ")
      .trim(),
  )
    .slice(0, MAX_NAME_CHARS)
    .join("")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const utf8Name = `${cleaned || "tierwise"}-${opts.locale}.pdf`;
  // encodeURIComponent leaves !'()* unescaped; RFC 5987 attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(utf8Name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * What makes a saved version's PDF: the database and scenario, the version and when it was saved (versions never
 * change), and every option that shows in the document. Null for a plan that was never saved (nothing to key on).
 */
export function pdfCacheKey(database: string, scenarioId: string, locale: Locale, options: Omit<PdfOptions, "charts">): string | null {
  if (!options.version) return null;
  const { version, timeZone, upgrade, title } = options;
  return JSON.stringify([database, scenarioId, version.number, version.savedAt, locale, timeZone ?? null, upgrade ?? null, title ?? null]);
}

export async function planPdfResponse(
  opts: {
    plan: DecisionPlan;
    id: string;
    locale: Locale;
    signal?: AbortSignal;
    /** The saved scenario this plan is a version of: the PDF is then rendered once and served from memory after. */
    scenarioId?: string;
  } & Omit<PdfOptions, "charts">,
): Promise<Response> {
  const { plan, id: _id, locale, signal, scenarioId, ...options } = opts;
  // Rendered by the worker pool, off the event loop; a full queue or a job past its deadline is a 503 with Retry-After.
  let pdf: Buffer;
  try {
    const key = scenarioId ? pdfCacheKey((await getDb()).name, scenarioId, locale, options) : null;
    pdf = key
      ? await pdfCache().get(key, (stop) => renderPdfInPool(plan, locale, options, stop), signal)
      : await renderPdfInPool(plan, locale, options, signal);
  } catch (err) {
    const unavailable = renderUnavailableResponse(err);
    if (unavailable) return unavailable;
    throw err;
  }
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": contentDisposition({ id: opts.id, title: opts.title ?? opts.plan.title ?? "", locale: opts.locale }),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A person who followed the PDF link without JavaScript and met a busy render pool goes back to the page they came
 * from, which says so in their language and when to retry (`pdf=busy&retry=N`), instead of a JSON error. Scripts and
 * API clients (no navigation) keep the 503 with its Retry-After.
 */
export function unavailableForReader(request: Request, response: Response, backTo: string): Response {
  if (response.status !== 503) return response;
  const mode = request.headers.get("sec-fetch-mode");
  const navigation = mode === "navigate" || (mode === null && (request.headers.get("accept") ?? "").includes("text/html"));
  if (!navigation) return response;
  const retry = Math.max(1, Math.ceil(Number(response.headers.get("retry-after")) || 5));
  const location = `${backTo}${backTo.includes("?") ? "&" : "?"}pdf=busy&retry=${retry}`;
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/** The page side of `unavailableForReader`: the seconds to wait when the page was reached that way, else null. */
export function pdfBusyRetry(url: URL): number | null {
  if (url.searchParams.get("pdf") !== "busy") return null;
  const retry = Number(url.searchParams.get("retry"));
  return Number.isInteger(retry) && retry >= 1 && retry <= 3600 ? retry : 5;
}
