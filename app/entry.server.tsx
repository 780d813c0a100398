// Remix's default Node entry, plus a small cache of rendered pages for routes that declare a `renderKey`, and the
// CSP nonce (from the app handler, through the load context) on Remix's inline scripts.
// Why: a plan page is large (every table of the plan) and its versions are immutable, so the same URL with the same
// data renders the same bytes; rendering it once per change instead of once per request keeps the page fast when a
// workshop room opens it at the same time. Only GET 200 renders without action data are cached, keyed by the URL,
// the root data (locale) and the route's renderKey, which the route builds from everything its page shows.
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getEnv } from "~/env.server";
import { BoundedCache } from "~/lib/bounded-cache";
import { NonceProvider } from "~/lib/nonce";

// A bad environment stops the server at boot with every problem named, not at the first request that needs it.
getEnv();

// What scripts/serve.mjs builds the server from (it loads this build, then wraps Remix's handler with ours).
export { closeServerResources, createAppHandler, watchConnections } from "~/lib/app-handler.server";
export { getEnv } from "~/env.server";
export { securityHeaders } from "~/lib/security-headers.server";
export { warmUp } from "~/lib/warm-up.server";

const ABORT_DELAY = 5_000;
const RENDER_CACHE_MAX = 64;

const renderCache = new BoundedCache<string>(RENDER_CACHE_MAX);
/**
 * Cached pages are rendered with this stand-in for the nonce and get each response's own nonce when served. It is
 * random per process, so no stored text can predict it.
 */
const NONCE_STAND_IN = `nonce${randomBytes(12).toString("hex")}`;

function cacheKey(request: Request, status: number, context: EntryContext): string | null {
  if (request.method !== "GET" || status !== 200) return null;
  const sh = context.staticHandlerContext;
  if (sh.actionData || sh.errors) return null;
  const leaf = sh.matches[sh.matches.length - 1];
  const data = leaf ? (sh.loaderData[leaf.route.id] as { renderKey?: unknown } | undefined) : undefined;
  if (typeof data?.renderKey !== "string") return null;
  return `${request.url}\n${JSON.stringify(sh.loaderData.root ?? null)}\n${leaf.route.id}\n${data.renderKey}`;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce;
  const key = cacheKey(request, responseStatusCode, remixContext);
  if (key) {
    const hit = renderCache.get(key);
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    const withNonce = (html: string) => html.replaceAll(NONCE_STAND_IN, nonce ?? "");
    if (hit !== undefined) return new Response(withNonce(hit), { status: responseStatusCode, headers: responseHeaders });
    return renderToString(request, remixContext, nonce === undefined ? undefined : NONCE_STAND_IN).then((html) => {
      renderCache.set(key, html);
      return new Response(withNonce(html), { status: responseStatusCode, headers: responseHeaders });
    });
  }
  return renderStreaming(request, responseStatusCode, responseHeaders, remixContext, nonce);
}

/** The whole document, waiting for everything (cached pages have nothing to stream later). */
function renderToString(request: Request, remixContext: EntryContext, nonce: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = new PassThrough();
    body.on("data", (c: Buffer) => chunks.push(c));
    body.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    body.on("error", reject);
    const { pipe, abort } = renderToPipeableStream(app(request, remixContext, nonce), {
      nonce,
      onAllReady() {
        pipe(body);
      },
      onShellError: reject,
      onError(error: unknown) {
        console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY).unref();
  });
}

function app(request: Request, remixContext: EntryContext, nonce: string | undefined) {
  return (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>
  );
}

function renderStreaming(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  nonce: string | undefined,
) {
  // Crawlers get the complete document; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(app(request, remixContext, nonce), {
      nonce,
      onShellReady: waitForAll ? undefined : ready,
      onAllReady: waitForAll ? ready : undefined,
      onShellError: reject,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY).unref();
  });
}
