// ID token checks of app/lib/oidc.server.ts against a discovery document and JWKS served on 127.0.0.1 by this file
// (node:http + node:crypto): which keys and algorithms are accepted, nbf, the issuer, and what the provider's
// documents may say. The whole sign-in flow is in oidc.test.ts.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkEndpoint, MAX_RESPONSE_BYTES, OidcProvider, type OidcError } from "~/lib/oidc.server";

interface TestKey {
  kid: string;
  alg: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}
function rsaKey(alg = "RS256", bits = 2048): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const kid = randomBytes(6).toString("hex");
  return { kid, alg, privateKey, jwk: { ...publicKey.export({ format: "jwk" }), kid, use: "sig" } };
}
function ecKey(namedCurve: "P-256" | "P-384"): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve });
  const kid = randomBytes(6).toString("hex");
  return { kid, alg: namedCurve === "P-256" ? "ES256" : "ES384", privateKey, jwk: { ...publicKey.export({ format: "jwk" }), kid } };
}

/** What the server answers: the JWKS's keys, and changes to the discovery document. */
const served: {
  keys: Array<Record<string, unknown>>;
  discovery: Record<string, unknown>;
  hits: Record<string, number>;
  /** Bytes the JWKS sends after its JSON's first half, in chunks without a Content-Length. */
  jwksPadding: number;
} = { keys: [], discovery: {}, hits: {}, jwksPadding: 0 };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  served.hits[path] = (served.hits[path] ?? 0) + 1;
  res.writeHead(200, { "content-type": "application/json" });
  if (path === "/.well-known/openid-configuration")
    return res.end(
      JSON.stringify({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/jwks`,
        ...served.discovery,
      }),
    );
  if (path === "/jwks") {
    if (served.jwksPadding === 0) return res.end(JSON.stringify({ keys: served.keys }));
    res.write(`{"keys": ${JSON.stringify(served.keys)}, "padding": "`);
    for (let left = served.jwksPadding; left > 0; left -= 65536) res.write("x".repeat(Math.min(left, 65536)));
    return res.end('"}');
  }
  res.end("{}");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const ISSUER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const CLIENT = "tierwise-test";
const NONCE = "the-nonce";
const providerFor = (issuer = ISSUER) =>
  new OidcProvider({ issuer, clientId: CLIENT, clientSecret: null, name: "Test", redirectUri: "http://x/cb" });

const HASH: Record<string, string> = { RS256: "sha256", PS256: "sha256", ES256: "sha256", ES384: "sha384" };
function idToken(key: TestKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const body = {
    iss: ISSUER,
    aud: CLIENT,
    sub: "s1",
    email: "a@example.com",
    email_verified: true,
    nonce: NONCE,
    iat: now,
    exp: now + 300,
    ...claims,
  };
  const head = { alg: key.alg, kid: key.kid, typ: "JWT", ...header };
  const input = `${Buffer.from(JSON.stringify(head)).toString("base64url")}.${Buffer.from(JSON.stringify(body)).toString("base64url")}`;
  const opts = key.alg.startsWith("ES")
    ? { key: key.privateKey, dsaEncoding: "ieee-p1363" as const }
    : key.alg.startsWith("PS")
      ? { key: key.privateKey, padding: 6, saltLength: 32 }
      : key.privateKey;
  return `${input}.${sign(HASH[key.alg], Buffer.from(input), opts).toString("base64url")}`;
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (err: OidcError) => `${err.code}: ${err.detail}`,
  );

beforeEach(() => {
  served.keys = [];
  served.discovery = {};
  served.hits = {};
  served.jwksPadding = 0;
});

describe("keys and algorithms", () => {
  it("accepts RS256, PS256, ES256 on P-256 and ES384 on P-384", async () => {
    const keys = [rsaKey(), rsaKey("PS256"), ecKey("P-256"), ecKey("P-384")];
    served.keys = keys.map((k) => k.jwk);
    const p = providerFor();
    for (const k of keys) expect(await p.verifyIdToken(idToken(k), NONCE)).toMatchObject({ sub: "s1", email: "a@example.com" });
  });

  it("refuses an EC key on another curve than its algorithm names, and an RSA key under 2048 bits", async () => {
    const p384 = ecKey("P-384");
    const small = rsaKey("RS256", 1024);
    served.keys = [p384.jwk, small.jwk];
    const p = providerFor();
    // A P-384 key used for ES256 (its kid named): not a usable ES256 key.
    expect(await refusal(p.verifyIdToken(idToken({ ...p384, alg: "ES256" }), NONCE))).toMatch(/^token: no EC key/);
    // The JWKS says P-256 but the key's points are P-384's: the key made is checked too.
    served.keys = [{ ...p384.jwk, crv: "P-256" }, small.jwk];
    expect(await refusal(providerFor().verifyIdToken(idToken({ ...p384, alg: "ES256" }), NONCE))).toMatch(/^token: /);
    expect(await refusal(p.verifyIdToken(idToken(small), NONCE))).toBe("token: the RSA key has 1024 bits (at least 2048)");
  });
});

describe("claims", () => {
  it("refuses a token not valid yet (nbf beyond the minute of skew); nbf within it, or absent, is fine", async () => {
    const k = rsaKey();
    served.keys = [k.jwk];
    const p = providerFor();
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(p.verifyIdToken(idToken(k, { nbf: now + 600 }), NONCE))).toBe("token: not valid yet (nbf)");
    expect(await refusal(p.verifyIdToken(idToken(k, { nbf: "soon" }), NONCE))).toBe("token: not valid yet (nbf)");
    expect(await refusal(p.verifyIdToken(idToken(k, { nbf: now + 30 }), NONCE))).toBe("accepted");
    expect(await refusal(p.verifyIdToken(idToken(k, { nbf: now - 5 }), NONCE))).toBe("accepted");
  });
});

describe("the issuer", () => {
  it("is matched exactly, in the discovery document and in the token: a trailing slash is another issuer", async () => {
    const k = rsaKey();
    served.keys = [k.jwk];
    // Configured with a slash, the document without: refused.
    expect(await refusal(providerFor(`${ISSUER}/`).discover())).toBe("unreachable: discovery: its issuer is not TIERWISE_OIDC_ISSUER");
    // The token's iss with a slash the issuer does not have: refused.
    expect(await refusal(providerFor().verifyIdToken(idToken(k, { iss: `${ISSUER}/` }), NONCE))).toBe("token: iss is not the issuer");
    // An issuer that has the slash everywhere (Auth0's do) works, its discovery document fetched without a double slash.
    served.discovery = { issuer: `${ISSUER}/` };
    const slash = providerFor(`${ISSUER}/`);
    expect(await refusal(slash.verifyIdToken(idToken(k, { iss: `${ISSUER}/` }), NONCE))).toBe("accepted");
    expect(await refusal(slash.verifyIdToken(idToken(k, { iss: ISSUER }), NONCE))).toBe("token: iss is not the issuer");
  });
});

describe("the provider's answers", () => {
  it("are refused past 1 MiB, declared (Content-Length) or streamed; just under is read", async () => {
    const k = rsaKey();
    served.keys = [k.jwk];
    served.discovery = { padding: "x".repeat(MAX_RESPONSE_BYTES) };
    expect(await refusal(providerFor().discover())).toBe(`unreachable: discovery: the answer is larger than ${MAX_RESPONSE_BYTES} bytes`);
    served.discovery = {};
    served.jwksPadding = MAX_RESPONSE_BYTES + 1;
    expect(await refusal(providerFor().verifyIdToken(idToken(k), NONCE))).toBe(
      `unreachable: JWKS: the answer is larger than ${MAX_RESPONSE_BYTES} bytes`,
    );
    served.jwksPadding = MAX_RESPONSE_BYTES - 1000;
    expect(await refusal(providerFor().verifyIdToken(idToken(k), NONCE))).toBe("accepted");
  });
});

describe("key rotation", () => {
  it("an unknown kid fetches the JWKS again at most once a minute", async () => {
    const old = rsaKey();
    const rotated = rsaKey();
    served.keys = [old.jwk];
    const p = providerFor();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await refusal(p.verifyIdToken(idToken(old), NONCE))).toBe("accepted");
      expect(served.hits["/jwks"]).toBe(1);
      served.keys = [rotated.jwk];
      // Within the minute: made-up kids (or a new key) cost no fetch.
      vi.setSystemTime(Date.now() + 30_000);
      for (const kid of ["made-up-1", "made-up-2"])
        expect(await refusal(p.verifyIdToken(idToken(rotated, {}, { kid }), NONCE))).toMatch(/^token: no RSA key/);
      expect(await refusal(p.verifyIdToken(idToken(rotated), NONCE))).toMatch(/^token: no RSA key/);
      expect(served.hits["/jwks"]).toBe(1);
      // A minute after the fetch: one more, and the rotated key is found.
      vi.setSystemTime(Date.now() + 31_000);
      expect(await refusal(p.verifyIdToken(idToken(rotated), NONCE))).toBe("accepted");
      expect(await refusal(p.verifyIdToken(idToken(rotated, {}, { kid: "made-up-3" }), NONCE))).toMatch(/^token: no RSA key/);
      expect(served.hits["/jwks"]).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the discovery document's endpoints", () => {
  it("are https; http only on this machine and only when the issuer itself is http on this machine", async () => {
    const check = (value: string, issuer: string) => {
      try {
        return checkEndpoint("token_endpoint", value, issuer);
      } catch (err) {
        return (err as OidcError).detail;
      }
    };
    expect(check("https://idp.example.com/token", "https://idp.example.com")).toBe("https://idp.example.com/token");
    expect(check("http://idp.example.com/token", "https://idp.example.com")).toBe("discovery: token_endpoint must be https");
    // An https provider's document pointing at a local http service (the classic SSRF target): refused.
    for (const local of ["http://127.0.0.1:8080/token", "http://localhost/token", "http://[::1]/token"])
      expect(check(local, "https://idp.example.com")).toBe("discovery: token_endpoint must be https");
    // A test provider on this machine may use http for its endpoints on this machine, not elsewhere.
    expect(check("http://127.0.0.1:8080/token", "http://127.0.0.1:9000")).toBe("http://127.0.0.1:8080/token");
    expect(check("http://idp.example.com/token", "http://127.0.0.1:9000")).toBe("discovery: token_endpoint must be https");
    // Through discovery: a loopback http issuer with a document naming a remote http endpoint is refused.
    served.discovery = { jwks_uri: "http://idp.example.com/jwks" };
    expect(await refusal(providerFor().discover())).toBe("unreachable: discovery: jwks_uri must be https");
  });
});

describe("more refusals (review H10)", () => {
  it("azp naming another client with a single audience, an iat older than 10 minutes, a token without kid among several keys", async () => {
    const k = rsaKey();
    const other = rsaKey();
    served.keys = [k.jwk];
    const p = providerFor();
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(p.verifyIdToken(idToken(k, { azp: "someone-else" }), NONCE))).toBe("token: azp is not this client");
    expect(await refusal(p.verifyIdToken(idToken(k, { azp: CLIENT }), NONCE))).toBe("accepted");
    expect(await refusal(p.verifyIdToken(idToken(k, { iat: now - 11 * 60 - 61, exp: now + 300 }), NONCE))).toBe(
      "token: issued too long ago",
    );
    // No kid: the one usable key; with two, neither is guessed.
    expect(await refusal(p.verifyIdToken(idToken(k, {}, { kid: undefined }), NONCE))).toBe("accepted");
    served.keys = [k.jwk, other.jwk];
    expect(await refusal(providerFor().verifyIdToken(idToken(k, {}, { kid: undefined }), NONCE))).toMatch(/^token: no RSA key \(no kid\)/);
  });

  it("a JWKS entry that carries private parts verifies with its public parts only", async () => {
    const k = rsaKey();
    served.keys = [{ ...(k.privateKey.export({ format: "jwk" }) as Record<string, unknown>), kid: k.kid, use: "sig" }];
    expect(await refusal(providerFor().verifyIdToken(idToken(k), NONCE))).toBe("accepted");
  });
});
