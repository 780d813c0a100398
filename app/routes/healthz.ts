import { getDb } from "~/models/db.server";

// 200 once the database is open and migrated; 503 while it cannot be opened, so a supervisor can tell.
export async function loader() {
  try {
    const db = await getDb();
    await db.get("SELECT 1 AS ok");
    return new Response("ok", { status: 200, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  } catch (err) {
    return new Response(`database unavailable: ${(err as Error).message}`, { status: 503, headers: { "content-type": "text/plain" } });
  }
}
