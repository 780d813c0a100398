import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse, notFound } from "~/lib/http.server";
import { getScenario } from "~/models/scenario.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const scenario = await getScenario({ id: params.id ?? "" });
  if (!scenario) return notFound(`scenario ${JSON.stringify(params.id ?? "")}`);
  return jsonResponse({ ...scenario, url: `/scenarios/${scenario.id}` });
}
