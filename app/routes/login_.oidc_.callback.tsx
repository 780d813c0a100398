import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { SsoProblem } from "~/components/sso-problem";
import { getEnv } from "~/env.server";
import { oidcStateCookie, readOidcStateCookie, readSessionCookie, sessionCookie } from "~/lib/auth.server";
import { oidcProvider, type OidcFailure } from "~/lib/oidc.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { finishOidcSignIn } from "~/lib/sign-in.server";
import { deleteSession, hashSecret } from "~/models/accounts.server";

// GET /login/oidc/callback?code=…&state=… (the provider sends the browser back here): on success a session exactly
// like a password sign-in's and a redirect to where the person was going; otherwise a page saying why, in their
// language, with nothing written but the used-up state. ADR 0043.

export const meta: MetaFunction = () => [{ title: "Sign in · Tierwise" }, { name: "robots", content: "noindex, nofollow" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

const STATUS: Record<OidcFailure, number> = {
  state: 400,
  provider: 401,
  unreachable: 502,
  token: 401,
  unverified: 403,
  "no-invitation": 403,
  disabled: 403,
  "linked-elsewhere": 403,
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const env = getEnv();
  const provider = env.TIERWISE_AUTH === "password" ? oidcProvider(env.oidc) : null;
  if (!provider) return redirect("/login");
  const q = new URL(request.url).searchParams;
  const result = await finishOidcSignIn(
    provider,
    { state: q.get("state"), code: q.get("code"), error: q.get("error"), cookieState: readOidcStateCookie(request) },
    context,
  );
  // The state cookie has done its work either way.
  const headers = new Headers({ "set-cookie": oidcStateCookie(request, null), "cache-control": "no-store" });
  if (result.ok) {
    // The session this browser had (someone's, maybe another person's) ends here, as /logout would end it: its row
    // must not outlive the cookie the new one replaces.
    const replaced = readSessionCookie(request);
    if (replaced) await deleteSession({ handle: hashSecret(replaced) });
    headers.append("set-cookie", sessionCookie(request, result.token));
    // Checked when the sign-in started, and again here: only a path on this site.
    return redirect(safeRedirectPath(result.next), { headers });
  }
  const name = provider.config.name;
  if (result.reason === "throttled") {
    headers.set("retry-after", String(result.retryAfterSeconds));
    return data({ problem: "throttled" as const, name, minutes: Math.ceil(result.retryAfterSeconds / 60) }, { status: 429, headers });
  }
  return data({ problem: result.reason, name, minutes: 0 }, { status: STATUS[result.reason], headers });
}

export default function SsoCallback() {
  const d = useLoaderData<typeof loader>();
  return <SsoProblem problem={d.problem} name={d.name} minutes={d.minutes} />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
