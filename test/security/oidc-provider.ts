// An OpenID provider of our own on 127.0.0.1 (node:http + node:crypto), so the single sign-on tests drive the real
// HTTP path: discovery, the authorization page (a form a browser can click), the token endpoint (client secret,
// one-time codes, PKCE S256 checked) and the JWKS. ID tokens are RS256-signed with a key pair made here; a test can
// rotate the key, or make the next ID token wrong in one way (claims, header, signature) to see it refused.
import { createHash, generateKeyPairSync, randomBytes, sign, createHmac, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProviderUser {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

interface Key {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

/** What the next ID token does wrong (the token endpoint still answers 200). */
export interface Tamper {
  claims?: Record<string, unknown>;
  /** Claims to leave out. */
  drop?: string[];
  header?: Record<string, unknown>;
  /** "other-key": signed with a key not in the JWKS under the published kid; "none": alg none, empty signature;
   *  "hs256": HMAC with the client secret (the classic key-confusion attack); "flip": one signature byte changed. */
  signature?: "other-key" | "none" | "hs256" | "flip";
}

interface Grant {
  clientId: string;
  redirectUri: string;
  nonce: string | undefined;
  challenge: string;
  user: ProviderUser;
  expiresAt: number;
}

function newKey(): Key {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(6).toString("hex");
  return { kid, privateKey, publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" } };
}

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the authorization page next. */
  user: ProviderUser;
  /** Applies to the next ID token only. */
  tamper: Tamper | null;
  /** Requests seen, by path (e.g. "/jwks"). */
  hits: Record<string, number>;
  /** Token requests and what they were refused for. */
  tokenErrors: string[];
  /** A new signing key (a new kid); the JWKS publishes the new one only. */
  rotateKey(): void;
  /** The callback URL the provider sends the browser to after its page's "Continue" (what a person's click does). */
  approve(authorizeUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startFakeProvider({
  clientId = "tierwise-test",
  clientSecret = "s3cret with spaces & symbols",
  user = { sub: "user-1", email: "ann@example.com", email_verified: true },
}: { clientId?: string; clientSecret?: string; user?: ProviderUser } = {}): Promise<FakeProvider> {
  let key = newKey();
  const grants = new Map<string, Grant>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider: FakeProvider = {
    issuer,
    clientId,
    clientSecret,
    user,
    tamper: null,
    hits: {},
    tokenErrors: [],
    rotateKey() {
      key = newKey();
    },
    async approve(authorizeUrl) {
      const q = new URL(authorizeUrl).searchParams;
      const res = await fetch(`${issuer}/approve`, { method: "POST", body: new URLSearchParams([...q]), redirect: "manual" });
      if (res.status !== 302) throw new Error(`the fake provider refused: ${res.status} ${await res.text()}`);
      return new URL(res.headers.get("location")!);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  }

  function idToken(grant: Grant): string {
    const now = Math.floor(Date.now() / 1000);
    const t = provider.tamper;
    provider.tamper = null;
    const claims: Record<string, unknown> = {
      iss: issuer,
      aud: grant.clientId,
      sub: grant.user.sub,
      ...(grant.user.email === undefined ? {} : { email: grant.user.email }),
      ...(grant.user.email_verified === undefined ? {} : { email_verified: grant.user.email_verified }),
      ...(grant.user.name === undefined ? {} : { name: grant.user.name }),
      ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
      iat: now,
      exp: now + 300,
      ...t?.claims,
    };
    for (const k of t?.drop ?? []) delete claims[k];
    const header: Record<string, unknown> = { alg: "RS256", typ: "JWT", kid: key.kid, ...t?.header };
    if (t?.signature === "none") header.alg = "none";
    if (t?.signature === "hs256") header.alg = "HS256";
    const input = `${b64(header)}.${b64(claims)}`;
    if (t?.signature === "none") return `${input}.`;
    if (t?.signature === "hs256") return `${input}.${createHmac("sha256", clientSecret).update(input).digest("base64url")}`;
    const signer = t?.signature === "other-key" ? newKey().privateKey : key.privateKey;
    const sig = sign("sha256", Buffer.from(input), signer);
    if (t?.signature === "flip") sig[10] ^= 0x01;
    return `${input}.${sig.toString("base64url")}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    provider.hits[url.pathname] = (provider.hits[url.pathname] ?? 0) + 1;
    if (req.method === "GET" && url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (req.method === "GET" && url.pathname === "/jwks") return json(res, 200, { keys: [key.publicJwk] });
    if (req.method === "GET" && url.pathname === "/authorize") {
      // The provider's sign-in page: who would sign in, and a button that sends the browser back.
      const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        `<!doctype html><title>Fake provider</title><h1>Fake provider</h1><p>Signing in as ${escape(provider.user.email ?? "")}</p>` +
          `<form method="post" action="/approve">${hidden}<button type="submit" id="approve">Continue</button></form>`,
      );
    }
    if (req.method === "POST" && url.pathname === "/approve") {
      const q = await readBody(req);
      if (q.get("client_id") !== clientId) return json(res, 400, { error: "unauthorized_client" });
      if (q.get("response_type") !== "code" || q.get("code_challenge_method") !== "S256" || !q.get("code_challenge"))
        return json(res, 400, { error: "invalid_request" });
      if (!(q.get("scope") ?? "").split(" ").includes("openid")) return json(res, 400, { error: "invalid_scope" });
      const redirectUri = q.get("redirect_uri")!;
      const code = randomBytes(24).toString("base64url");
      grants.set(code, {
        clientId,
        redirectUri,
        nonce: q.get("nonce") ?? undefined,
        challenge: q.get("code_challenge")!,
        user: { ...provider.user },
        expiresAt: Date.now() + 60_000,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      if (q.get("state") !== null) back.searchParams.set("state", q.get("state")!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === "POST" && url.pathname === "/token") {
      const q = await readBody(req);
      const refuse = (status: number, error: string) => {
        provider.tokenErrors.push(error);
        return json(res, status, { error });
      };
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
      const [id, secret] = basic
        ? Buffer.from(basic[1], "base64")
            .toString("utf8")
            .split(":")
            .map((s) => decodeURIComponent(s.replace(/\+/g, " ")))
        : [q.get("client_id"), q.get("client_secret")];
      if (id !== clientId || secret !== clientSecret) return refuse(401, "invalid_client");
      if (q.get("grant_type") !== "authorization_code") return refuse(400, "unsupported_grant_type");
      const code = q.get("code") ?? "";
      const grant = grants.get(code);
      grants.delete(code); // one use
      if (!grant || grant.expiresAt < Date.now()) return refuse(400, "invalid_grant");
      if (q.get("redirect_uri") !== grant.redirectUri) return refuse(400, "invalid_grant");
      const verifier = q.get("code_verifier") ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) return refuse(400, "invalid_grant");
      return json(res, 200, {
        access_token: randomBytes(16).toString("hex"),
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken(grant),
      });
    }
    res.writeHead(404);
    res.end();
  }

  return provider;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
