// The one adapter between domain results and HTTP: routes stay thin and every error body has the same shape.
import type { FieldError, Result } from "~/domain/scenario";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function errorResponse(errors: FieldError[], status = 400): Response {
  return jsonResponse({ errors }, status);
}

export function notFound(what: string): Response {
  return errorResponse([{ path: "(root)", message: `${what} not found` }], 404);
}

/** ok → `onOk(value)` (default: 200 JSON of the value); errors → 400 `{errors}`. */
export function resultResponse<T>(result: Result<T>, onOk: (value: T) => Response = (v) => jsonResponse(v)): Response {
  return result.ok ? onOk(result.value) : errorResponse(result.errors);
}

/** The request body as JSON; a broken body is a 400 naming the problem rather than a 500. */
export async function readJsonBody(request: Request): Promise<Result<unknown>> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, errors: [{ path: "(root)", message: "could not read the request body" }] };
  }
  if (text.trim() === "") return { ok: false, errors: [{ path: "(root)", message: "is empty: send a JSON object with at least a description" }] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, errors: [{ path: "(root)", message: `is not valid JSON (${(err as Error).message})` }] };
  }
}

export function methodNotAllowed(allowed: string[]): Response {
  return jsonResponse({ errors: [{ path: "(root)", message: `method not allowed; use ${allowed.join(", ")}` }] }, 405, { allow: allowed.join(", ") });
}
