import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { zodErrors } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { errorResponse, jsonResponse, methodNotAllowed, notFound, readJsonBody, resultResponse } from "~/lib/http.server";
import { createShareLink, getScenario, listShareLinks } from "~/models/scenario.server";

/** `{}` pins the link to the latest version; `{version: N}` to version N; `{version: "latest"}` follows every new one. */
const ShareRequestSchema = z
  .object({ version: z.union([z.number({ invalid_type_error: "must be a version number or \"latest\"" }).int("must be a whole number").min(1, "must be at least 1"), z.literal("latest")]).optional() })
  .strict();

const shareUrl = (token: string) => `${getEnv().PUBLIC_URL}/share/${token}`;

/** GET: the scenario's share links, live and revoked, with the version each shows (null: always the latest). */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  const links = await listShareLinks({ id });
  return jsonResponse({ shares: links.map((l) => ({ token: l.token, url: shareUrl(l.token), version: l.version, createdAt: l.createdAt, revokedAt: l.revokedAt })) });
}

/** POST `{version?}`: a read-only link to that version; 201 `{token, url, version}` (version null: always the latest). */
export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const id = params.id ?? "";
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const parsed = ShareRequestSchema.safeParse(body.value);
  if (!parsed.success) return errorResponse(zodErrors(parsed.error));
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  const link = await createShareLink({ id, version: parsed.data.version });
  if (!link) return notFound(`version ${JSON.stringify(parsed.data.version)} of scenario ${JSON.stringify(id)}`);
  const url = shareUrl(link.token);
  return jsonResponse({ token: link.token, url, version: link.version }, 201, { location: url });
}
