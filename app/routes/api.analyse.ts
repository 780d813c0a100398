import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/env.server";
import { requireUser } from "~/lib/auth.server";
import { limitRequest } from "~/lib/rate-limit.server";
import { errorResponse, jsonResponse, methodNotAllowed, readJsonBody, resultResponse } from "~/lib/http.server";
import { analyseScenario, publicLlmSettings } from "~/llm/analyse.server";
import { getDb, type Database } from "~/models/db.server";

// Resource route of the "analyse with AI" step. GET: whether a provider is configured (never the key).
// POST a ScenarioInput as JSON: the facts the LLM proposed, with their quotes, merged as the plan will merge them.

// Answers depend on the environment and on the text sent: never reuse one from a cache.
const NO_STORE = { "cache-control": "no-store" };

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, "viewer");
  return jsonResponse(publicLlmSettings(getEnv().llm), 200, NO_STORE);
}

async function databaseOrNone(): Promise<Database | undefined> {
  try {
    return await getDb();
  } catch (err) {
    // Without the cache the step still works; it just pays every time.
    console.warn(`analyse: database unavailable, no LLM cache: ${(err as Error).message}`);
    return undefined;
  }
}

/** Editors only: with a key configured, each new text is a paid call (and it is rate limited, per person). */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const principal = await requireUser(args, "editor");
  await limitRequest("analyse", { ...args, principal });
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const result = await analyseScenario(body.value, { llm: getEnv().llm, db: await databaseOrNone() });
  if (!result.ok) return errorResponse(result.errors);
  return jsonResponse({ llm: result.llm, profile: result.profile }, 200, NO_STORE);
}
