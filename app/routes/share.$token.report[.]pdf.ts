import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveTimeZone } from "~/i18n/locale.server";
import { auditExport, shareReader } from "~/lib/exports.server";
import { errorResponse, notFound } from "~/lib/http.server";
import { sharedVersion } from "~/lib/shared-version.server";
import { planPdfResponse, reportLang, unavailableForReader } from "~/report/pdf-response.server";

// GET /share/:token/report.pdf?lang=zh|en — the PDF of the version the link shows; revoked tokens are 404.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const shared = await sharedVersion(params.token ?? "");
  if (!shared) return notFound("share link");
  const { shown } = shared;
  const reader = await shareReader({ request, context }, shown.scenarioId);
  const lang = reportLang(new URL(request.url), shown.plan);
  if (!lang.ok) return errorResponse([{ path: "lang", message: lang.message }]);
  // The file name carries the scenario id only through the owner's route; a shared copy is named by title alone.
  const pdf = await planPdfResponse({
    plan: shown.plan,
    id: "shared",
    locale: lang.locale,
    version: { number: shown.version, savedAt: shown.createdAt },
    timeZone: resolveTimeZone(request),
    upgrade: shown.upgrade,
    ...(shared.title ? { title: shared.title } : {}),
    signal: request.signal,
    scenarioId: shown.scenarioId,
  });
  if (pdf.ok) await auditExport(reader, shown.scenarioId, { format: "PDF", version: shown.version, lang: lang.locale, via: "share link" });
  return unavailableForReader(request, pdf, `/share/${encodeURIComponent(params.token ?? "")}?lang=${lang.locale}`);
}
