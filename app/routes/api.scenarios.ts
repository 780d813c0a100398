import type { ActionFunctionArgs } from "@remix-run/node";
import { parseScenarioInput } from "~/domain/scenario";
import { jsonResponse, methodNotAllowed, readJsonBody, resultResponse } from "~/lib/http.server";
import { computePlan } from "~/models/planning.server";
import { createScenario, listScenarios } from "~/models/scenario.server";

export async function loader() {
  return jsonResponse({ scenarios: await listScenarios() });
}

/** Body: one ScenarioInput. Plans it, saves it as version 1, answers 201 with where it lives. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  const plan = await computePlan(input.value);
  const { id, version } = await createScenario({ input: input.value, plan });
  const url = `/scenarios/${id}`;
  return jsonResponse({ id, url, version }, 201, { location: url });
}
