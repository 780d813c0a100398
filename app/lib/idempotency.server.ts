// The Idempotency-Key flow of a POST API route: a stored first answer is replayed (a different body with the same key
// is a 422); otherwise the route gets the claim to pass to its save, which stores the answer in the same transaction.
import { errorResponse } from "~/lib/http.server";
import type { Principal } from "~/models/accounts.server";
import { findAnswer, hashRequest, readIdempotencyKey, type IdempotencyClaim } from "~/models/idempotency.server";

export type Begun = { answer: Response; claim?: undefined } | { answer?: undefined; claim: Omit<IdempotencyClaim, "claim"> | undefined };

function stored(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true" } });
}

/** Scope: the caller and the route, so one person's key never answers another's request. */
export async function beginIdempotent(request: Request, principal: Principal, route: string, body: unknown): Promise<Begun> {
  const read = readIdempotencyKey(request);
  if ("problem" in read) return { answer: errorResponse([{ path: "Idempotency-Key", message: read.problem }]) };
  if (read.key === null) return { claim: undefined };
  const scope = `${principal.userId ?? "local"}:${principal.workspaceId}:${route}`;
  const requestHash = hashRequest([route, JSON.stringify(body)]);
  const first = await findAnswer({ scope, key: read.key });
  if (first) {
    if (first.requestHash !== requestHash) {
      return {
        answer: errorResponse(
          [{ path: "Idempotency-Key", message: "was used for a different request body: use a new key for a new request" }],
          422,
        ),
      };
    }
    return { answer: stored(first.status, first.body) };
  }
  return { claim: { scope, key: read.key, requestHash } };
}

/** The answer another request with the same key stored while this one was working. */
export async function replay(claim: Omit<IdempotencyClaim, "claim">): Promise<Response> {
  const first = await findAnswer({ scope: claim.scope, key: claim.key });
  if (!first)
    return errorResponse([{ path: "Idempotency-Key", message: "a request with this key is still being answered: retry in a moment" }], 409);
  return stored(first.status, first.body);
}
