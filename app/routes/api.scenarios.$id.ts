import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScenario } from "~/lib/auth.server";
import { jsonResponse, notFound } from "~/lib/http.server";
import { getScenario } from "~/models/scenario.server";

/** The scenario with its latest plan; another workspace's scenario is a 404 like an unknown one. */
export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.id ?? "";
  await requireScenario(args, id, "viewer");
  const scenario = await getScenario({ id });
  if (!scenario) return notFound(`scenario ${JSON.stringify(id)}`);
  return jsonResponse({ ...scenario, url: `/scenarios/${scenario.id}` });
}
