import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveTimeZone } from "~/i18n/locale.server";
import { auditExport, authorizeExport } from "~/lib/exports.server";
import { errorResponse, notFound } from "~/lib/http.server";
import { getScenario, getVersion, SCENARIO_ID_PATTERN } from "~/models/scenario.server";
import { planPdfResponse, reportLang, unavailableForReader } from "~/report/pdf-response.server";

// GET /scenarios/:id/report.pdf?lang=zh|en[&v=N] — the decision PDF of version N (the latest when absent), stamped
// with that version and the time it was saved.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!SCENARIO_ID_PATTERN.test(id)) return notFound("scenario");
  const principal = await authorizeExport({ request, context }, id);
  const url = new URL(request.url);
  const v = url.searchParams.get("v");
  let version: number | undefined;
  if (v !== null) {
    version = Number(v);
    if (!Number.isInteger(version) || version < 1) return errorResponse([{ path: "v", message: "must be a version number (1, 2, …)" }]);
  }
  const scenario = await getScenario({ id });
  if (!scenario) return notFound("scenario");
  const shown = await getVersion({ id, version: version ?? scenario.latestVersion });
  if (!shown) return notFound(`version ${version}`);
  const lang = reportLang(url, shown.plan);
  if (!lang.ok) return errorResponse([{ path: "lang", message: lang.message }]);
  const pdf = await planPdfResponse({
    plan: shown.plan,
    id: scenario.id,
    locale: lang.locale,
    version: { number: shown.version, savedAt: shown.createdAt },
    timeZone: resolveTimeZone(request),
    upgrade: shown.upgrade,
    ...(shown.version === scenario.latestVersion ? { title: scenario.title } : {}),
    signal: request.signal,
    scenarioId: scenario.id,
  });
  if (pdf.ok) await auditExport(principal, id, { format: "PDF", version: shown.version, lang: lang.locale });
  return unavailableForReader(request, pdf, `/scenarios/${scenario.id}?lang=${lang.locale}${version === undefined ? "" : `&v=${version}`}`);
}
