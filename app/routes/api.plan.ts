import type { ActionFunctionArgs } from "@remix-run/node";
import { parseScenarioInput } from "~/domain/scenario";
import { jsonResponse, methodNotAllowed, readJsonBody, resultResponse } from "~/lib/http.server";
import { computePlan } from "~/models/planning.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  return jsonResponse(await computePlan(input.value));
}
