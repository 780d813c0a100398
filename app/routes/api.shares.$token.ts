import type { ActionFunctionArgs } from "@remix-run/node";
import { requireScenario } from "~/lib/auth.server";
import { methodNotAllowed, notFound } from "~/lib/http.server";
import { TOKEN_SHAPE } from "~/lib/shared-version.server";
import { recordAudit } from "~/models/audit.server";
import { resolveShareLink, revokeShareLink } from "~/models/scenario.server";

export function loader() {
  return methodNotAllowed(["DELETE"]);
}

/**
 * DELETE: revokes the link; 204, and from then on the link (page, PDF, images) is 404. An unknown or revoked token,
 * or one of another workspace's scenario: 404. Editors and owners of the scenario's workspace only.
 */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "DELETE") return methodNotAllowed(["DELETE"]);
  const token = args.params.token ?? "";
  const scenarioId = TOKEN_SHAPE.test(token) ? await resolveShareLink({ token }) : null;
  if (!scenarioId) return notFound("share link");
  // Another workspace's link is unknown here (the 404 must not name its scenario).
  const principal = await requireScenario(args, scenarioId, "editor").catch((err: unknown) => {
    if (err instanceof Response && err.status === 404) return null;
    throw err;
  });
  if (!principal) return notFound("share link");
  if (!(await revokeShareLink({ id: scenarioId, token }))) return notFound("share link");
  await recordAudit({ actor: principal, action: "revoked", scenarioId, detail: { link: `${token.slice(0, 6)}…` } });
  return new Response(null, { status: 204 });
}
