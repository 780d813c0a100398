import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { VERDICTS } from "~/domain/engine/types";
import { parseScenarioInput } from "~/domain/scenario";
import { requireUser } from "~/lib/auth.server";
import { errorResponse, jsonResponse, methodNotAllowed, readJsonBody, resultResponse } from "~/lib/http.server";
import { beginIdempotent, replay } from "~/lib/idempotency.server";
import { readPage } from "~/lib/paging";
import { limitRequest } from "~/lib/rate-limit.server";
import { computePlan } from "~/models/planning.server";
import { createScenario } from "~/models/scenario.server";
import { findScenarios } from "~/models/workshop.server";
import { LIST_SORTS, LIST_STATUSES, type ListSort, type ListStatus } from "~/workshop/list";

/** A script may ask for bigger pages than the list page shows. */
const API_MAX_PAGE = 500;

/**
 * GET: the workspace's scenarios, the list page's query read the same way: `?q=` (title or tag), `?tag=`,
 * `?status=active|archived|trash`, `?verdict=`, `?sort=updated|created|title|score`, `?page=` and `?size=` (≤ 500).
 * Answers `{scenarios, page, size, total, pages}`; an unknown status, sort or verdict is a 400 naming it.
 */
export async function loader(args: LoaderFunctionArgs) {
  const principal = await requireUser(args);
  const p = new URL(args.request.url).searchParams;
  const errors = [
    ...(p.has("status") && !(LIST_STATUSES as readonly string[]).includes(p.get("status") ?? "")
      ? [{ path: "status", message: `must be one of ${LIST_STATUSES.join(", ")}` }]
      : []),
    ...(p.has("sort") && !(LIST_SORTS as readonly string[]).includes(p.get("sort") ?? "")
      ? [{ path: "sort", message: `must be one of ${LIST_SORTS.join(", ")}` }]
      : []),
    ...(p.has("verdict") && !(VERDICTS as readonly string[]).includes(p.get("verdict") ?? "")
      ? [{ path: "verdict", message: `must be one of ${VERDICTS.join(", ")}` }]
      : []),
    ...((p.get("q") ?? "").length > 200 ? [{ path: "q", message: "must be at most 200 characters" }] : []),
  ];
  if (errors.length) return errorResponse(errors);
  const tag = (p.get("tag") ?? "").trim();
  const found = await findScenarios({
    workspaceId: principal.workspaceId,
    page: readPage(p, { size: 100, maxSize: API_MAX_PAGE }),
    q: (p.get("q") ?? "").trim(),
    tags: tag ? [tag] : [],
    status: (p.get("status") as ListStatus | null) ?? "active",
    verdict: p.get("verdict") ?? undefined,
    sort: (p.get("sort") as ListSort | null) ?? "updated",
  });
  const { items, ...paging } = found;
  return jsonResponse({ scenarios: items, ...paging });
}

/**
 * Body: one ScenarioInput. Plans it, saves it as version 1 in the caller's workspace, answers 201 with where it
 * lives. With an Idempotency-Key, a retry gets the first answer back and saves nothing again.
 */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const principal = await requireUser(args, "editor");
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const idem = await beginIdempotent(request, principal, "POST /api/scenarios", body.value);
  if (idem.answer) return idem.answer;
  const input = parseScenarioInput(body.value);
  if (!input.ok) return resultResponse(input);
  await limitRequest("plan", { ...args, principal });
  const plan = await computePlan(input.value);
  const answer = (id: string) => ({ id, url: `/scenarios/${id}`, version: 1 });
  const saved = await createScenario({
    input: input.value,
    plan,
    workspaceId: principal.workspaceId,
    actor: principal,
    idempotency: idem.claim && { ...idem.claim, status: 201, body: (id) => JSON.stringify(answer(id)) },
  });
  if (!saved.created && idem.claim) return replay(idem.claim);
  return jsonResponse(answer(saved.id), 201, { location: `/scenarios/${saved.id}` });
}
