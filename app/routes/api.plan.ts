import type { ActionFunctionArgs } from "@remix-run/node";
import { parseScenarioInput } from "~/domain/scenario";
import { requireUser } from "~/lib/auth.server";
import { jsonTextResponse, methodNotAllowed, readJsonBody, resultResponse } from "~/lib/http.server";
import { limitRequest } from "~/lib/rate-limit.server";
import { computePlan } from "~/models/planning.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** A plan for the body, saved nowhere: any member may ask (it writes nothing). */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const principal = await requireUser(args, "viewer");
  await limitRequest("plan", { ...args, principal });
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  return jsonTextResponse((await computePlan(input.value, { preview: true })).json);
}
