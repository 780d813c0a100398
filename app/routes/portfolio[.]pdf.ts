import type { LoaderFunctionArgs } from "@remix-run/node";
import { LOCALES, type Locale } from "~/domain/scenario";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import { requireUser } from "~/lib/auth.server";
import { errorResponse } from "~/lib/http.server";
import { limitRequest } from "~/lib/rate-limit.server";
import { formatDateTime } from "~/present/format";
import { contentDisposition } from "~/report/pdf-response.server";
import { renderPortfolioPdfInPool, renderUnavailableResponse } from "~/report/render-pool.server";
import { loadWorkshop } from "~/workshop/load.server";

// GET /portfolio.pdf?ids=…|tag=…[&currency=&rate=&split=&budget=]&lang=zh|en — the ranked portfolio as one PDF,
// rendered in the worker pool like the decision PDF (a full queue or a missed deadline answers 503 + Retry-After).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const principal = await requireUser({ request, context });
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  if (lang !== null && lang !== "" && !(LOCALES as readonly string[]).includes(lang))
    return errorResponse([{ path: "lang", message: "must be zh or en" }]);
  const locale: Locale = lang === "zh" || lang === "en" ? lang : resolveLocale(request);
  const { view, selection } = await loadWorkshop(request, { min: 1, locale, workspaceId: principal.workspaceId });
  if (!view) {
    const message =
      selection.problem === "tooMany"
        ? "at most 12 scenarios"
        : selection.problem === "tagNone"
          ? "no scenario carries this tag"
          : "pick at least one scenario that exists";
    return errorResponse([{ path: selection.tag ? "tag" : "ids", message }], selection.ids.length || selection.tag ? 404 : 400);
  }
  await limitRequest("export", { request, context, principal });
  const preparedAt = formatDateTime(new Date().toISOString(), locale, resolveTimeZone(request));
  let pdf: Buffer;
  try {
    pdf = await renderPortfolioPdfInPool({ view, preparedAt }, request.signal);
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
      "content-disposition": contentDisposition({
        id: "portfolio",
        title: locale === "zh" ? "研讨会方案组合" : "workshop-portfolio",
        locale,
      }),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
