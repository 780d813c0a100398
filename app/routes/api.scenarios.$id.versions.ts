import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseScenarioInput } from "~/domain/scenario";
import { jsonResponse, methodNotAllowed, notFound, readJsonBody, resultResponse } from "~/lib/http.server";
import { computePlan } from "~/models/planning.server";
import { getScenario, listVersions, saveVersion } from "~/models/scenario.server";

/** GET: the versions of a scenario, newest first (number, title, verdict, grade, score, tier, note, saved at). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  return jsonResponse({ versions: await listVersions({ id }) });
}

/** POST a whole ScenarioInput: plans it and saves it as the scenario's next version; 201 `{id, version, url}`. */
export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const id = params.id ?? "";
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  const plan = await computePlan(input.value);
  const saved = await saveVersion({ id, input: input.value, plan, note: "api" });
  if (!saved) return notFound(`scenario ${JSON.stringify(id)}`);
  const url = `/scenarios/${id}?v=${saved.version}`;
  return jsonResponse({ id, version: saved.version, url }, 201, { location: url });
}
