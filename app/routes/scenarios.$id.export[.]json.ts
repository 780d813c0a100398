import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExport, authorizeExport } from "~/lib/exports.server";
import { notFound } from "~/lib/http.server";
import { getScenario, getVersion } from "~/models/scenario.server";

/** The plan as JSON (the DecisionPlan contract), as a download. `?v=N` exports an older version. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const principal = await authorizeExport({ request, context }, id);
  const v = Number(new URL(request.url).searchParams.get("v"));
  const found = Number.isInteger(v) && v >= 1 ? await getVersion({ id, version: v }) : await getScenario({ id });
  if (!found) return notFound(`scenario ${JSON.stringify(id)}`);
  await auditExport(principal, id, { format: "JSON", version: "version" in found ? found.version : found.latestVersion });
  return new Response(JSON.stringify(found.plan, null, 2) + "\n", {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="tierwise-${id}.json"`,
    },
  });
}
