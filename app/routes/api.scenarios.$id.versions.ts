import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseScenarioInput } from "~/domain/scenario";
import { requireScenario } from "~/lib/auth.server";
import { jsonResponse, methodNotAllowed, notFound, readJsonBody, resultResponse } from "~/lib/http.server";
import { beginIdempotent, replay } from "~/lib/idempotency.server";
import { limitRequest } from "~/lib/rate-limit.server";
import { computePlan } from "~/models/planning.server";
import { getScenario, listVersions, saveVersion } from "~/models/scenario.server";

/** GET: the versions of a scenario, newest first (number, title, verdict, grade, score, tier, note, saved at). */
export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.id ?? "";
  await requireScenario(args, id, "viewer");
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  return jsonResponse({ versions: await listVersions({ id }) });
}

/**
 * POST a whole ScenarioInput: plans it and saves it as the scenario's next version; 201 `{id, version, url}`. With an
 * Idempotency-Key, a retry gets the first answer (the same version number) and saves nothing again.
 */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const id = args.params.id ?? "";
  const principal = await requireScenario(args, id, "editor");
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const idem = await beginIdempotent(request, principal, `POST /api/scenarios/${id}/versions`, body.value);
  if (idem.answer) return idem.answer;
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  await limitRequest("plan", { ...args, principal });
  const plan = await computePlan(input.value);
  const url = (version: number | string) => `/scenarios/${id}?v=${version}`;
  const saved = await saveVersion({
    id,
    input: input.value,
    plan,
    note: "api",
    actor: principal,
    idempotency: idem.claim && {
      ...idem.claim,
      status: 201,
      body: () => `{"id":${JSON.stringify(id)},"version":{{version}},"url":${JSON.stringify(url("{{version}}"))}}`,
    },
  });
  if (!saved) return notFound(`scenario ${JSON.stringify(id)}`);
  if (saved.replayed && idem.claim) return replay(idem.claim);
  return jsonResponse({ id, version: saved.version, url: url(saved.version) }, 201, { location: url(saved.version) });
}
