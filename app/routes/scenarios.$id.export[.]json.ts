import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http.server";
import { getScenario, getVersion } from "~/models/scenario.server";

/** The plan as JSON (the DecisionPlan contract), as a download. `?v=N` exports an older version. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const v = Number(new URL(request.url).searchParams.get("v"));
  const found = Number.isInteger(v) && v >= 1 ? await getVersion({ id, version: v }) : await getScenario({ id });
  if (!found) return notFound(`scenario ${JSON.stringify(id)}`);
  return new Response(JSON.stringify(found.plan, null, 2) + "\n", {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="tierwise-${id}.json"`,
    },
  });
}
