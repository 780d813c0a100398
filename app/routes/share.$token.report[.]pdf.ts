import type { LoaderFunctionArgs } from "@remix-run/node";
import { errorResponse, notFound } from "~/lib/http.server";
import { resolveTimeZone } from "~/i18n/locale.server";
import { getScenario, getVersion, resolveShareLink } from "~/models/scenario.server";
import { planPdfResponse, reportLang } from "~/report/pdf-response.server";

/** Share tokens are URL-safe random strings; anything else cannot be one and skips the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{8,128}$/;

// GET /share/:token/report.pdf?lang=zh|en — the same PDF for a read-only share link; revoked tokens are 404.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  if (!TOKEN_SHAPE.test(token)) return notFound("share link");
  const id = await resolveShareLink({ token });
  const scenario = id ? await getScenario({ id }) : null;
  const shown = scenario ? await getVersion({ id: scenario.id, version: scenario.latestVersion }) : null;
  if (!shown) return notFound("share link");
  const lang = reportLang(new URL(request.url), shown.plan);
  if (!lang.ok) return errorResponse([{ path: "lang", message: lang.message }]);
  // The file name carries the scenario id only through the owner's route; a shared copy is named by title alone.
  return planPdfResponse({
    plan: shown.plan,
    id: "shared",
    locale: lang.locale,
    version: { number: shown.version, savedAt: shown.createdAt },
    timeZone: resolveTimeZone(request),
    upgrade: shown.upgrade,
    signal: request.signal,
  });
}
