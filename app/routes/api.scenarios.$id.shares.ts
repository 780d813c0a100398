import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { zodErrors } from "~/domain/scenario";
import { getEnv } from "~/env.server";
import { requireScenario } from "~/lib/auth.server";
import { errorResponse, jsonResponse, methodNotAllowed, notFound, readJsonBody, resultResponse } from "~/lib/http.server";
import { beginIdempotent, replay } from "~/lib/idempotency.server";
import { recordAudit } from "~/models/audit.server";
import { createShareLink, getScenario, listShareLinks } from "~/models/scenario.server";

/** `{}` pins the link to the latest version; `{version: N}` to version N; `{version: "latest"}` follows every new one. */
const ShareRequestSchema = z
  .object({
    version: z
      .union([
        z.number({ invalid_type_error: 'must be a version number or "latest"' }).int("must be a whole number").min(1, "must be at least 1"),
        z.literal("latest"),
      ])
      .optional(),
  })
  .strict();

const shareUrl = (token: string) => `${getEnv().PUBLIC_URL}/share/${token}`;

/** GET: the scenario's share links, live and revoked, with the version each shows (null: always the latest). */
/** Editors and owners only: whoever holds a token can read the plan. */
export async function loader(args: LoaderFunctionArgs) {
  const id = args.params.id ?? "";
  await requireScenario(args, id, "editor");
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  const links = await listShareLinks({ id });
  return jsonResponse({
    shares: links.map((l) => ({
      token: l.token,
      url: shareUrl(l.token),
      version: l.version,
      createdAt: l.createdAt,
      revokedAt: l.revokedAt,
    })),
  });
}

/** POST `{version?}`: a read-only link to that version; 201 `{token, url, version}` (version null: always the latest). */
export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const id = args.params.id ?? "";
  const principal = await requireScenario(args, id, "editor");
  const body = await readJsonBody(request);
  if (!body.ok) return resultResponse(body);
  const idem = await beginIdempotent(request, principal, `POST /api/scenarios/${id}/shares`, body.value);
  if (idem.answer) return idem.answer;
  const parsed = ShareRequestSchema.safeParse(body.value);
  if (!parsed.success) return errorResponse(zodErrors(parsed.error));
  if (!(await getScenario({ id }))) return notFound(`scenario ${JSON.stringify(id)}`);
  const answer = (token: string, version: number | string | null) => ({ token, url: shareUrl(token), version });
  const link = idem.claim
    ? await createShareLink({
        id,
        version: parsed.data.version,
        idempotency: {
          ...idem.claim,
          status: 201,
          body: (token) => JSON.stringify(answer(token, "{{version}}")).replace('"{{version}}"', "{{version}}"),
        },
      })
    : await createShareLink({ id, version: parsed.data.version });
  if (link && "replayed" in link && idem.claim) return replay(idem.claim);
  if (!link || "replayed" in link) return notFound(`version ${JSON.stringify(parsed.data.version)} of scenario ${JSON.stringify(id)}`);
  await recordAudit({
    actor: principal,
    action: "shared",
    scenarioId: id,
    detail: { link: `${link.token.slice(0, 6)}…`, version: link.version ?? "latest" },
  });
  const url = shareUrl(link.token);
  return jsonResponse({ token: link.token, url, version: link.version }, 201, { location: url });
}
