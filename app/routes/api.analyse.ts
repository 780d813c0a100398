import type { ActionFunctionArgs } from "@remix-run/node";
import { analyseScenario, publicLlmSettings } from "~/llm/analyse.server";
import { getDb, type Database } from "~/models/db.server";

// Resource route of the "analyse with AI" step. GET: whether a provider is configured (never the key).
// POST a ScenarioInput as JSON: the facts the LLM proposed, with their quotes, merged as the plan will merge them.

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

export async function loader() {
  return json(publicLlmSettings(process.env));
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

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ errors: [{ path: "(root)", message: "use POST" }] }, 405);
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json({ errors: [{ path: "(root)", message: "must be a JSON object with at least a description" }] }, 400);
  }
  const result = await analyseScenario(raw, { env: process.env, db: await databaseOrNone() });
  if (!result.ok) return json({ errors: result.errors }, 400);
  return json({ llm: result.llm, profile: result.profile });
}
