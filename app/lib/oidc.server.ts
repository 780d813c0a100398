// OpenID Connect, the relying party's half (ADR 0043), on node:crypto and fetch alone: discovery, the authorization
// request (code flow, PKCE S256, state, nonce), the code exchange at the token endpoint, and the ID token's checks
// (signature against the provider's JWKS, iss, aud/azp, exp/iat with a minute of skew, nonce, a verified email).
// Nothing here touches the database or a session: sign-in.server.ts decides who the verified person is here.
import { createHash, createPublicKey, randomBytes, verify as verifySignature, type KeyObject } from "node:crypto";
import { isLoopbackHost, type OidcConfig } from "~/env.server";

/** Why a sign-in through the provider was refused: each has its own words on the page (auth.oidc.error.<code>). */
export type OidcFailure =
  | "state" // unknown, used, expired, or not this browser's
  | "provider" // the provider answered the callback with an error (the person cancelled, or a misconfiguration)
  | "unreachable" // discovery, JWKS or token endpoint did not answer properly
  | "token" // the ID token failed a check (signature, iss, aud, exp, iat, nonce, shape)
  | "unverified" // no email, or the provider has not verified it
  | "no-invitation" // nobody here with that email, and no open invitation for it
  | "disabled" // the account is disabled or belongs to no workspace
  | "linked-elsewhere"; // the account is already linked to another account at this provider

export class OidcError extends Error {
  /** `detail` is for the server's log: it never holds a token, a code or a secret. */
  constructor(
    readonly code: OidcFailure,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "OidcError";
  }
}

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
}

export interface IdClaims {
  sub: string;
  email: string;
  name?: string;
}

const HTTP_TIMEOUT_MS = 10_000;
const DISCOVERY_TTL_MS = 3600_000;
const JWKS_TTL_MS = 3600_000;
/** An unknown `kid` fetches the keys again at most this often: tokens naming made-up kids cannot make us hammer the provider. */
export const JWKS_REFETCH_MIN_MS = 60_000;
/** Clock skew allowed between this server and the provider. */
export const CLOCK_SKEW_S = 60;
/** An ID token issued longer ago than this is refused even when not expired (it came back from a token call just now). */
const MAX_TOKEN_AGE_S = 10 * 60;

const b64url = (buf: Buffer) => buf.toString("base64url");
export const randomToken = () => b64url(randomBytes(32));
export const pkceChallenge = (verifier: string) => b64url(createHash("sha256").update(verifier).digest());

/**
 * An endpoint must be https, or a lying document could send codes anywhere; http only on this machine, and only when
 * the issuer itself is (a test provider): an https provider's document cannot point at a local http service.
 */
export function checkEndpoint(name: string, value: unknown, issuer: string): string {
  const issuerUrl = new URL(issuer);
  const httpAllowed = issuerUrl.protocol === "http:" && isLoopbackHost(issuerUrl.hostname);
  if (typeof value !== "string") throw new OidcError("unreachable", `discovery: ${name} is missing`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OidcError("unreachable", `discovery: ${name} is not a URL`);
  }
  if (url.protocol !== "https:" && !(httpAllowed && url.protocol === "http:" && isLoopbackHost(url.hostname)))
    throw new OidcError("unreachable", `discovery: ${name} must be https`);
  return value;
}

/** The most a provider's answer (discovery, JWKS, token) may weigh: theirs are a few KiB. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The body as text, refused (without reading on) once it passes MAX_RESPONSE_BYTES, declared or streamed. */
async function readCapped(res: Response, what: string): Promise<string> {
  const tooLarge = () => new OidcError("unreachable", `${what}: the answer is larger than ${MAX_RESPONSE_BYTES} bytes`);
  if (Number(res.headers.get("content-length") ?? 0) > MAX_RESPONSE_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (err) {
      throw new OidcError("unreachable", `${what}: ${(err as Error).message}`);
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(step.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function getJson(
  url: string,
  what: string,
  init?: RequestInit,
  refused: OidcFailure = "unreachable",
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (err) {
    throw new OidcError("unreachable", `${what}: ${(err as Error).message}`);
  }
  const text = await readCapped(res, what);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OidcError("unreachable", `${what}: HTTP ${res.status}, not JSON`);
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new OidcError("unreachable", `${what}: HTTP ${res.status}, not an object`);
  if (!res.ok) {
    const error = (body as { error?: unknown }).error;
    // The provider's error code only (its description may echo what we sent).
    throw new OidcError(
      res.status < 500 ? refused : "unreachable",
      `${what}: HTTP ${res.status}${typeof error === "string" ? ` ${error.slice(0, 80)}` : ""}`,
    );
  }
  return body as Record<string, unknown>;
}

interface JwksCache {
  uri: string;
  keys: Array<Record<string, unknown>>;
  at: number;
}

/**
 * One provider: its discovery document and keys, cached (an hour each; the keys fetched again once when a token
 * names a key id we do not know, which is how a provider's key rotation reaches us).
 */
export class OidcProvider {
  private metadata: { value: ProviderMetadata; at: number } | null = null;
  private metadataLoading: Promise<ProviderMetadata> | null = null;
  private jwks: JwksCache | null = null;
  private jwksLoading: Promise<JwksCache> | null = null;

  constructor(readonly config: OidcConfig) {}

  async discover(): Promise<ProviderMetadata> {
    if (this.metadata && Date.now() - this.metadata.at < DISCOVERY_TTL_MS) return this.metadata.value;
    this.metadataLoading ??= this.loadMetadata().finally(() => (this.metadataLoading = null));
    return this.metadataLoading;
  }

  private async loadMetadata(): Promise<ProviderMetadata> {
    const doc = await getJson(`${this.config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, "discovery");
    // OpenID Connect Discovery 1.0 §4.3: the document's issuer is exactly the one configured (no slash leniency).
    if (doc.issuer !== this.config.issuer) throw new OidcError("unreachable", "discovery: its issuer is not TIERWISE_OIDC_ISSUER");
    const value: ProviderMetadata = {
      issuer: doc.issuer,
      authorization_endpoint: checkEndpoint("authorization_endpoint", doc.authorization_endpoint, this.config.issuer),
      token_endpoint: checkEndpoint("token_endpoint", doc.token_endpoint, this.config.issuer),
      jwks_uri: checkEndpoint("jwks_uri", doc.jwks_uri, this.config.issuer),
      token_endpoint_auth_methods_supported: Array.isArray(doc.token_endpoint_auth_methods_supported)
        ? doc.token_endpoint_auth_methods_supported.filter((m): m is string => typeof m === "string")
        : undefined,
      code_challenge_methods_supported: Array.isArray(doc.code_challenge_methods_supported)
        ? doc.code_challenge_methods_supported.filter((m): m is string => typeof m === "string")
        : undefined,
    };
    if (value.code_challenge_methods_supported && !value.code_challenge_methods_supported.includes("S256"))
      throw new OidcError("unreachable", "discovery: the provider does not support PKCE with S256");
    this.metadata = { value, at: Date.now() };
    return value;
  }

  /** The URL to send the browser to. */
  async authorizationUrl({ state, nonce, codeVerifier, locale }: { state: string; nonce: string; codeVerifier: string; locale?: string }) {
    const meta = await this.discover();
    const url = new URL(meta.authorization_endpoint);
    const params: Record<string, string> = {
      response_type: "code",
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      scope: "openid email profile",
      state,
      nonce,
      code_challenge: pkceChallenge(codeVerifier),
      code_challenge_method: "S256",
      ...(locale ? { ui_locales: locale } : {}),
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  /** Exchanges the code (with the PKCE verifier) for an ID token, and verifies it. */
  async exchange({ code, codeVerifier, nonce }: { code: string; codeVerifier: string; nonce: string }): Promise<IdClaims> {
    const meta = await this.discover();
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: this.config.redirectUri,
      code_verifier: codeVerifier,
    });
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    const secret = this.config.clientSecret;
    const methods = meta.token_endpoint_auth_methods_supported;
    if (secret !== null && methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")) {
      body.set("client_id", this.config.clientId);
      body.set("client_secret", secret);
    } else if (secret !== null) {
      // RFC 6749 §2.3.1: each part form-encoded before base64.
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
      headers.authorization = `Basic ${Buffer.from(`${enc(this.config.clientId)}:${enc(secret)}`).toString("base64")}`;
    } else {
      body.set("client_id", this.config.clientId);
    }
    const answer = await getJson(meta.token_endpoint, "token endpoint", { method: "POST", headers, body }, "provider");
    if (typeof answer.id_token !== "string") throw new OidcError("token", "the token endpoint sent no id_token");
    return this.verifyIdToken(answer.id_token, nonce);
  }

  private async keys(refresh: boolean): Promise<JwksCache> {
    const meta = await this.discover();
    const fresh = this.jwks && this.jwks.uri === meta.jwks_uri && Date.now() - this.jwks.at < JWKS_TTL_MS;
    if (fresh && !refresh) return this.jwks!;
    if (fresh && refresh && Date.now() - this.jwks!.at < JWKS_REFETCH_MIN_MS) return this.jwks!;
    this.jwksLoading ??= getJson(meta.jwks_uri, "JWKS")
      .then((doc) => {
        if (!Array.isArray(doc.keys)) throw new OidcError("unreachable", "JWKS: no keys array");
        this.jwks = {
          uri: meta.jwks_uri,
          keys: doc.keys.filter((k): k is Record<string, unknown> => !!k && typeof k === "object"),
          at: Date.now(),
        };
        return this.jwks;
      })
      .finally(() => (this.jwksLoading = null));
    return this.jwksLoading;
  }

  /** The key a token's header names; an unknown `kid` fetches the provider's keys once more (rotation). */
  private async keyFor(header: { alg: string; kid?: string }): Promise<KeyObject> {
    const spec = ALGORITHMS[header.alg]!;
    const pick = (set: JwksCache) => {
      const usable = set.keys.filter(
        (k) =>
          k.kty === spec.kty &&
          (spec.crv === undefined || k.crv === spec.crv) &&
          (k.use === undefined || k.use === "sig") &&
          (k.alg === undefined || k.alg === header.alg),
      );
      return header.kid === undefined ? (usable.length === 1 ? usable[0] : undefined) : usable.find((k) => k.kid === header.kid);
    };
    let jwk = pick(await this.keys(false));
    if (!jwk) jwk = pick(await this.keys(true));
    if (!jwk)
      throw new OidcError(
        "token",
        `no ${spec.kty} key ${header.kid === undefined ? "(no kid)" : JSON.stringify(header.kid.slice(0, 64))} in the JWKS`,
      );
    let key: KeyObject;
    try {
      // Only the public parts: a JWKS that carried a private key must not turn into one here.
      const { kty, n, e, crv, x, y } = jwk as Record<string, string>;
      key = createPublicKey({ key: spec.kty === "RSA" ? { kty, n, e } : { kty, crv, x, y }, format: "jwk" });
    } catch {
      throw new OidcError("token", "the JWKS key is malformed");
    }
    const details = key.asymmetricKeyDetails ?? {};
    if (spec.kty === "RSA" && (details.modulusLength ?? 0) < MIN_RSA_BITS)
      throw new OidcError("token", `the RSA key has ${details.modulusLength ?? "?"} bits (at least ${MIN_RSA_BITS})`);
    if (spec.namedCurve !== undefined && details.namedCurve !== spec.namedCurve)
      throw new OidcError("token", `the EC key is not on ${spec.crv}`);
    return key;
  }

  /** Checks an ID token (OpenID Connect Core §3.1.3.7) and returns who it names. */
  async verifyIdToken(idToken: string, nonce: string, nowS = Math.floor(Date.now() / 1000)): Promise<IdClaims> {
    const parts = idToken.split(".");
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new OidcError("token", "not a compact JWS");
    const header = parseJsonPart(parts[0], "header");
    const claims = parseJsonPart(parts[1], "payload");
    // The algorithm is ours to choose from: never "none", never HMAC (a client secret is not a signing key here).
    if (typeof header.alg !== "string" || !(header.alg in ALGORITHMS))
      throw new OidcError("token", `algorithm ${JSON.stringify(String(header.alg).slice(0, 16))} is not accepted`);
    if (header.kid !== undefined && typeof header.kid !== "string") throw new OidcError("token", "kid is not a string");
    if (header.crit !== undefined) throw new OidcError("token", "critical header parameters are not supported");
    const spec = ALGORITHMS[header.alg]!;
    const key = await this.keyFor({ alg: header.alg, kid: header.kid as string | undefined });
    const good = verifySignature(
      spec.hash,
      Buffer.from(`${parts[0]}.${parts[1]}`),
      { key, ...spec.options },
      Buffer.from(parts[2], "base64url"),
    );
    if (!good) throw new OidcError("token", "bad signature");

    // Exactly (OpenID Connect Core §3.1.3.7 step 2): a trailing slash makes another issuer.
    if (claims.iss !== this.config.issuer) throw new OidcError("token", "iss is not the issuer");
    const aud = claims.aud;
    const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
    if (!audiences.includes(this.config.clientId)) throw new OidcError("token", "aud does not name this client");
    if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== this.config.clientId)
      throw new OidcError("token", "azp is not this client");
    if (typeof claims.exp !== "number" || claims.exp + CLOCK_SKEW_S <= nowS) throw new OidcError("token", "expired");
    if (typeof claims.iat !== "number" || claims.iat - CLOCK_SKEW_S > nowS) throw new OidcError("token", "issued in the future");
    if (claims.iat + MAX_TOKEN_AGE_S + CLOCK_SKEW_S < nowS) throw new OidcError("token", "issued too long ago");
    if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf - CLOCK_SKEW_S > nowS))
      throw new OidcError("token", "not valid yet (nbf)");
    if (typeof claims.nonce !== "string" || !safeEqual(claims.nonce, nonce)) throw new OidcError("token", "nonce does not match");
    if (typeof claims.sub !== "string" || claims.sub.length === 0 || claims.sub.length > 255)
      throw new OidcError("token", "sub is missing");
    if (typeof claims.email !== "string" || claims.email.length === 0 || claims.email.length > 254)
      throw new OidcError("unverified", "no email claim");
    // Some providers send the flag as the string "true".
    if (claims.email_verified !== true && claims.email_verified !== "true") throw new OidcError("unverified", "email_verified is not true");
    return { sub: claims.sub, email: claims.email, ...(typeof claims.name === "string" ? { name: claims.name.slice(0, 200) } : {}) };
  }
}

/** An EC key's curve is the one its algorithm names (RFC 7518 §3.4); Node's name for it, to check the key made. */
const ALGORITHMS: Record<
  string,
  { kty: "RSA" | "EC"; hash: string; options: Record<string, unknown>; crv?: "P-256" | "P-384"; namedCurve?: string }
> = {
  RS256: { kty: "RSA", hash: "sha256", options: {} },
  RS384: { kty: "RSA", hash: "sha384", options: {} },
  RS512: { kty: "RSA", hash: "sha512", options: {} },
  PS256: { kty: "RSA", hash: "sha256", options: { padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 } },
  ES256: { kty: "EC", hash: "sha256", options: { dsaEncoding: "ieee-p1363" }, crv: "P-256", namedCurve: "prime256v1" },
  ES384: { kty: "EC", hash: "sha384", options: { dsaEncoding: "ieee-p1363" }, crv: "P-384", namedCurve: "secp384r1" },
};
/** RSA keys shorter than this are refused (NIST SP 800-131A; RFC 7518 §3.3 asks for 2048 bits or more). */
const MIN_RSA_BITS = 2048;

function parseJsonPart(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // below
  }
  throw new OidcError("token", `the ${what} is not a JSON object`);
}

function safeEqual(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return x.equals(y);
}

const holder = globalThis as typeof globalThis & { __tierwiseOidc?: OidcProvider };

/** The configured provider (one per process, so its caches are shared), or null when single sign-on is off. */
export function oidcProvider(config: OidcConfig | null): OidcProvider | null {
  if (!config) return null;
  const current = holder.__tierwiseOidc;
  if (
    current &&
    current.config.issuer === config.issuer &&
    current.config.clientId === config.clientId &&
    current.config.redirectUri === config.redirectUri &&
    current.config.clientSecret === config.clientSecret
  )
    return current;
  holder.__tierwiseOidc = new OidcProvider(config);
  return holder.__tierwiseOidc;
}
