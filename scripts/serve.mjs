// Serves the built app (build/server/index.js) on HOST:PORT: static files from build/client, everything else through
// the app handler (request guard → Remix → security headers; see app/lib/app-handler.server.ts). `npm start` runs
// this in its own process after building; `node scripts/serve.mjs [build/server/index.js]` runs it alone.
//
// Lifecycle: the environment is checked before listening (a bad one exits 1 naming every variable); "ready at …"
// once listening; SIGTERM/SIGINT stop accepting, let requests in flight finish (10 s at most), close the database
// and exit 0; a second signal, or a crash, exits non-zero at once so a supervisor sees it.
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createReadableStreamFromReadable, createRequestHandler, installGlobals, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";

const SHUTDOWN_GRACE_MS = 10_000;
/** A client has this long to send its headers and body (Node's default is 5 minutes). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 20_000;

const log = (line) => process.stderr.write(`tierwise: ${line}\n`);

/** Node's request → a fetch Request for the app handler. Aborted when the client goes away before the answer. */
function toRequest(req, res, fallbackHost) {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") || fallbackHost}`);
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Share tokens and query strings stay out of the access log. */
function loggedPath(url) {
  return url.split("?")[0].replace(/^\/share\/[^/]+/, "/share/…");
}

export async function serve({ buildPath = resolve(process.cwd(), "build/server/index.js") } = {}) {
  let build;
  try {
    build = await import(pathToFileURL(buildPath).href);
  } catch (err) {
    // A bad environment throws while the build loads (entry.server checks it): name every problem, exit 1.
    log(err?.name === "EnvError" ? err.message : `cannot load the app from ${buildPath}: ${err?.stack ?? err}`);
    process.exitCode = 1;
    return null;
  }
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const { getEnv, createAppHandler, securityHeaders, closeServerResources } = build.entry.module;
  const env = getEnv();
  const handler = createAppHandler({ handle: createRequestHandler(build, "production"), env });
  const https = env.PUBLIC_URL.startsWith("https:");

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TIERWISE_TRUST_PROXY);
  app.use(compression());
  if (env.TIERWISE_ACCESS_LOG) {
    app.use((req, res, next) => {
      const t0 = performance.now();
      res.on("finish", () =>
        log(`${req.method} ${loggedPath(req.originalUrl)} ${res.statusCode} ${Math.round(performance.now() - t0)} ms`),
      );
      next();
    });
  }
  const client = join(dirname(buildPath), "../client");
  const staticHeaders = (res, path) => {
    for (const [k, v] of Object.entries(securityHeaders(express.static.mime.lookup(path), { https }))) res.setHeader(k, v);
  };
  // Vite names built files by their content: they never change, so browsers may keep them for a year.
  app.use("/assets", express.static(join(client, "assets"), { immutable: true, maxAge: "1y", index: false, setHeaders: staticHeaders }));
  // The other files at the root of build/client (the favicon): looked up by name, so that a page view or an API call
  // does not cost a file-system lookup first (express.static would stat build/client/scenarios/… on every request).
  const rootFiles = new Set(
    (existsSync(client) ? readdirSync(client, { withFileTypes: true }) : []).filter((e) => e.isFile()).map((e) => `/${e.name}`),
  );
  const rootStatic = express.static(client, { maxAge: "1h", index: false, setHeaders: staticHeaders });
  app.use((req, res, next) => (rootFiles.has(req.path) ? rootStatic(req, res, next) : next()));
  app.all("*", async (req, res, next) => {
    try {
      const request = toRequest(req, res, `${env.HOST}:${env.PORT}`);
      await send(res, await handler(request, { clientAddress: req.ip }));
    } catch (err) {
      next(err);
    }
  });
  // An error outside the routes (a malformed URL, a broken socket): a short answer, the details in the log only.
  // A client's mistake (an unparseable URL, a malformed percent-escape that the static files' middleware refuses
  // with a 4xx status) is a 400 and not worth a stack in the log; anything else is ours: a 500, logged.
  app.use((err, req, res, _next) => {
    const given = Number(err?.status ?? err?.statusCode);
    const clientError = (err instanceof TypeError && /Invalid URL/.test(err.message)) || (given >= 400 && given < 500);
    if (!clientError) log(`error on ${req.method} ${loggedPath(req.originalUrl)}: ${err?.stack ?? err}`);
    if (res.headersSent) return res.destroy();
    res
      .status(clientError ? 400 : 500)
      .type("text/plain")
      .send(clientError ? "400: bad request\n" : "500: unexpected server error\n");
  });

  const server = createServer(app);
  // A crowd connecting at once is accepted before pages render (ADR 0052).
  build.entry.module.watchConnections?.(server, env);
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", fail);
      ok();
    });
  }).catch((err) => {
    log(
      err.code === "EADDRINUSE"
        ? `${env.HOST}:${env.PORT} is already in use (set PORT to another port)`
        : `cannot listen on ${env.HOST}:${env.PORT}: ${err.message}`,
    );
    process.exit(1);
  });
  const { port } = server.address();
  const url = env.publicUrlConfigured ? env.PUBLIC_URL : `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;
  console.log(`tierwise: ready at ${url} (accounts ${env.TIERWISE_AUTH === "off" ? "off: this machine only" : "on"})`);
  // Not awaited: the plan threads start and warm up while the first requests are already served (ADR 0053).
  void build.entry.module.warmUp?.();

  let stopping = false;
  const stop = (signal) => {
    if (stopping) {
      log(`${signal} again: stopping now`);
      process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    }
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    const timer = setTimeout(() => {
      log(`requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    server.close(async () => {
      await closeServerResources?.().catch((err) => log(`closing: ${err.message}`));
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return server;
}

// `node scripts/serve.mjs [build]`: serve without building.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  await serve({ buildPath: resolve(process.argv[2] ?? "build/server/index.js") });
}
