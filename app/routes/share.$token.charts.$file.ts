import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { notFound } from "~/lib/http.server";
import { sharedVersion } from "~/lib/shared-version.server";
import { planViewOf } from "~/lib/view-plan.server";
import { chartIdOf, chartPngResponse } from "~/report/chart-response.server";

// GET /share/:token/charts/:chart.png?lang= — a chart of the shared version drawn on the server (no JavaScript).
export async function loader({ params, request }: LoaderFunctionArgs) {
  const chart = chartIdOf(params.file);
  const shared = chart ? await sharedVersion(params.token ?? "") : null;
  if (!shared || !chart) return notFound("chart");
  const view = planViewOf(shared.shown, { locale: resolveLocale(request), audience: "reader", timeZone: null });
  return chartPngResponse(chart, view.charts[chart], request.signal);
}
