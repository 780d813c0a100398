import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, notFound } from "~/lib/http.server";
import { revokeShare } from "~/models/scenario.server";

export function loader() {
  return methodNotAllowed(["DELETE"]);
}

/** DELETE: revokes the link; 204, and from then on the link (page, PDF, images) is 404. An unknown or revoked token: 404. */
export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== "DELETE") return methodNotAllowed(["DELETE"]);
  if (!(await revokeShare({ token: params.token ?? "" }))) return notFound("share link");
  return new Response(null, { status: 204 });
}
