import type { LoaderFunctionArgs } from "@remix-run/node";
import { errorResponse, notFound } from "~/lib/http.server";
import { getScenario, SCENARIO_ID_PATTERN } from "~/models/scenario.server";
import { planPdfResponse, reportLang } from "~/report/pdf-response.server";

// GET /scenarios/:id/report.pdf?lang=zh|en — the decision PDF of the scenario's latest plan.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!SCENARIO_ID_PATTERN.test(id)) return notFound("scenario");
  const scenario = await getScenario({ id });
  if (!scenario) return notFound("scenario");
  const lang = reportLang(new URL(request.url), scenario.plan);
  if (!lang.ok) return errorResponse([{ path: "lang", message: lang.message }]);
  return planPdfResponse({ plan: scenario.plan, id: scenario.id, locale: lang.locale, signal: request.signal });
}
