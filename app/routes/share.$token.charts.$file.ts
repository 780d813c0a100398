import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { notFound } from "~/lib/http.server";
import { planViewOf } from "~/lib/view-plan.server";
import { getScenario, getVersion, resolveShareLink } from "~/models/scenario.server";
import { chartIdOf, chartPngResponse } from "~/report/chart-response.server";

// GET /share/:token/charts/:chart.png?lang= — a chart of the shared version drawn on the server (no JavaScript).
export async function loader({ params, request }: LoaderFunctionArgs) {
  const chart = chartIdOf(params.file);
  const id = chart ? await resolveShareLink({ token: params.token ?? "" }) : null;
  const scenario = id ? await getScenario({ id }) : null;
  const shown = scenario ? await getVersion({ id: scenario.id, version: scenario.latestVersion }) : null;
  if (!shown || !chart) return notFound("chart");
  const view = planViewOf(shown, { locale: resolveLocale(request), audience: "reader", timeZone: null });
  return chartPngResponse(chart, view.charts[chart]);
}
