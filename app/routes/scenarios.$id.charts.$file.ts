import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { requireScenario } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { planViewOf } from "~/lib/view-plan.server";
import { getScenario, getVersion, SCENARIO_ID_PATTERN } from "~/models/scenario.server";
import { chartIdOf, chartPngResponse } from "~/report/chart-response.server";

// GET /scenarios/:id/charts/:chart.png?v=N&lang= — a chart of version N drawn on the server (the page without JS).
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const chart = chartIdOf(params.file);
  if (!SCENARIO_ID_PATTERN.test(id) || !chart) return notFound("chart");
  await requireScenario({ request, context }, id, "viewer");
  const v = Number(new URL(request.url).searchParams.get("v"));
  const scenario = await getScenario({ id });
  const shown = scenario
    ? await getVersion({ id, version: Number.isInteger(v) && v >= 1 ? v : scenario.latestVersion, readOnly: true })
    : null;
  if (!shown) return notFound("chart");
  const view = planViewOf(shown, { locale: resolveLocale(request), audience: "owner", timeZone: null });
  return chartPngResponse(chart, view.charts[chart], request.signal);
}
