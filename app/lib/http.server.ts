// The one adapter between domain results and HTTP: routes stay thin and every error body has the same shape.
import type { FieldError, Result } from "~/domain/scenario";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/**
 * The largest request body any route reads. The largest valid input is a 20,000-character description: about 60 KB
 * of CJK as UTF-8 JSON, 120 KB if every character is sent as a \u escape, 180 KB of CJK as a URL-encoded form (9 bytes
 * a character); every other field together adds under 20 KB. 256 KiB fits them all without letting one request hold
 * megabytes (see http.server.test.ts).
 */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** An error answer names at most this many problems (a hostile body can have hundreds of thousands). */
export const MAX_ERRORS = 50;
/** Values (objects, arrays, scalars) a JSON body may hold before validation runs; a valid input has a few hundred. */
export const MAX_JSON_VALUES = 5_000;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonTextResponse(JSON.stringify(body), status, headers);
}

/** An answer whose JSON is already written (a plan from the plan pool). */
export function jsonTextResponse(json: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** `{errors: [{path, message}]}`, the first MAX_ERRORS of them and one line saying how many more there were. */
export function errorResponse(errors: readonly FieldError[], status = 400, headers: Record<string, string> = {}): Response {
  const shown =
    errors.length > MAX_ERRORS
      ? [...errors.slice(0, MAX_ERRORS), { path: "(root)", message: `and ${errors.length - MAX_ERRORS} more problems not listed` }]
      : errors;
  return jsonResponse({ errors: shown }, status, headers);
}

export function notFound(what: string): Response {
  return errorResponse([{ path: "(root)", message: `${what} not found` }], 404);
}

/** ok → `onOk(value)` (default: 200 JSON of the value); errors → 400 `{errors}` (or the status the result carries). */
export function resultResponse<T>(result: Result<T> | BodyResult<T>, onOk: (value: T) => Response = (v) => jsonResponse(v)): Response {
  if (result.ok) return onOk(result.value);
  return errorResponse(result.errors, "status" in result && result.status ? result.status : 400);
}

/** A body that could not be read: 400 by default; 413 too large; 415 wrong content type. */
export type BodyResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; status?: 400 | 413 | 415 };

export function tooLarge(limit = BODY_LIMIT_BYTES): { ok: false; status: 413; errors: FieldError[] } {
  return {
    ok: false,
    status: 413,
    errors: [
      { path: "(root)", message: `is larger than the limit of ${limit.toLocaleString("en-US")} bytes (${Math.round(limit / 1024)} KiB)` },
    ],
  };
}

/** The body's bytes, refusing (413) as soon as they pass `limit`, whatever Content-Length claimed. */
export async function readBodyBytes(request: Request, limit = BODY_LIMIT_BYTES): Promise<BodyResult<Uint8Array<ArrayBuffer>>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, errors: [{ path: "(root)", message: "could not read the request body" }] };
  }
  return { ok: true, value: new Uint8Array(Buffer.concat(chunks)) };
}

/** application/json, or a `+json` type; parameters (charset) allowed. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

/** Counts the values of a parsed JSON document, stopping at `max` (no recursion: depth cannot overflow the stack). */
export function countJsonValues(root: unknown, max = MAX_JSON_VALUES): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length && n <= max) {
    const v = stack.pop();
    n++;
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v && typeof v === "object") for (const item of Object.values(v)) stack.push(item);
  }
  return n;
}

/**
 * The request body as JSON. Only `application/json` is accepted (415 otherwise): a cross-site page can send
 * text/plain or a form without asking, but never JSON, so this also keeps other sites' forms out of the API. A body
 * over BODY_LIMIT_BYTES is a 413, broken JSON or an empty body a 400 naming the problem, never a 500.
 */
export async function readJsonBody(request: Request): Promise<BodyResult<unknown>> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, status: 415, errors: [{ path: "(root)", message: "must be sent with Content-Type: application/json" }] };
  }
  const body = await readBodyBytes(request);
  if (!body.ok) return body;
  const text = new TextDecoder("utf-8").decode(body.value).replace(/^\uFEFF/, "");
  if (text.trim() === "")
    return { ok: false, errors: [{ path: "(root)", message: "is empty: send a JSON object with at least a description" }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: "(root)", message: `is not valid JSON (${(err as Error).message})` }] };
  }
  if (countJsonValues(value) > MAX_JSON_VALUES)
    return {
      ok: false,
      errors: [
        {
          path: "(root)",
          message: `holds more than ${MAX_JSON_VALUES.toLocaleString("en-US")} values; a scenario needs a few hundred at most`,
        },
      ],
    };
  return { ok: true, value };
}

export function methodNotAllowed(allowed: string[]): Response {
  return jsonResponse({ errors: [{ path: "(root)", message: `method not allowed; use ${allowed.join(", ")}` }] }, 405, {
    allow: allowed.join(", "),
  });
}
