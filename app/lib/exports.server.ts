// What every download (PDF, Markdown, JSON; the owner's routes and a share link's) does around the file: who may,
// how often (the "export" rate limit: PDFs cost CPU), and the audit trail's "exported" row once the file is ready.
import type { AppLoadContext } from "@remix-run/node";
import { requireScenario } from "~/lib/auth.server";
import { limitRequest } from "~/lib/rate-limit.server";
import type { Principal } from "~/models/accounts.server";
import { recordAudit, type Actor } from "~/models/audit.server";
import { scenarioWorkspace } from "~/models/scenario.server";

type Args = { request: Request; context?: AppLoadContext };

/** A member of the scenario's workspace (any role may export what it may read), within the export limit. */
export async function authorizeExport(args: Args, id: string): Promise<Principal> {
  const principal = await requireScenario(args, id, "viewer");
  await limitRequest("export", { ...args, principal });
  return principal;
}

/** A share link's reader: no account; counted per address, and named "share link" in the owner's trail. */
export async function shareReader(args: Args, scenarioId: string): Promise<Actor> {
  await limitRequest("export", { ...args, principal: null });
  return { workspaceId: (await scenarioWorkspace({ id: scenarioId })) ?? "local", userId: null, label: "share link" };
}

/** Records the download; a trail that cannot be written is logged, and the reader still gets the file. */
export async function auditExport(actor: Actor, scenarioId: string, detail: Record<string, string | number>): Promise<void> {
  try {
    await recordAudit({ actor, action: "exported", scenarioId, detail });
  } catch (err) {
    console.error(`audit: could not record an export of ${scenarioId}: ${(err as Error).message}`);
  }
}
