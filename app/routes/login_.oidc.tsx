import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { SsoProblem } from "~/components/sso-problem";
import { getEnv } from "~/env.server";
import { resolveLocale } from "~/i18n/locale.server";
import { oidcStateCookie } from "~/lib/auth.server";
import { OidcError, oidcProvider } from "~/lib/oidc.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { startOidcSignIn } from "~/lib/sign-in.server";

// GET /login/oidc?next=… (the login page's "Sign in with …" link): a new state, nonce and PKCE verifier, then off to
// the provider. A link, not a form: the page's CSP (form-action 'self') would stop a form's redirect to another site.
// Starting a sign-in for someone else signs nobody in (they would come back as themselves, in their own browser); the
// start is rate-limited per address and its rows expire after ten minutes. ADR 0043.

export const meta: MetaFunction = () => [{ title: "Sign in · Tierwise" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const env = getEnv();
  const provider = env.TIERWISE_AUTH === "password" ? oidcProvider(env.oidc) : null;
  if (!provider) return redirect("/login");
  // Only from this site's own pages (or typed, or a bookmark): a page on another site loading this URL (an <img>, a
  // link) would make pending rows and use up the address's starts. Browsers send Sec-Fetch-Site; scripts don't.
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    return data(
      { problem: "cross-site" as const, name: provider.config.name, minutes: 0 },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }
  const rawNext = new URL(request.url).searchParams.get("next");
  const next = safeRedirectPath(rawNext === null ? "/" : rawNext.slice(0, 2048));
  const name = provider.config.name;
  try {
    const started = await startOidcSignIn(provider, { next, locale: resolveLocale(request) === "zh" ? "zh-CN" : "en" }, context);
    if (!started.ok) {
      return data(
        { problem: "throttled" as const, name, minutes: Math.ceil(started.retryAfterSeconds / 60) },
        { status: 429, headers: { "retry-after": String(started.retryAfterSeconds), "cache-control": "no-store" } },
      );
    }
    return redirect(started.url, { headers: { "set-cookie": oidcStateCookie(request, started.state), "cache-control": "no-store" } });
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    console.warn(`single sign-on could not start (${err.code}): ${err.detail}`);
    return data({ problem: "unreachable" as const, name, minutes: 0 }, { status: 502, headers: { "cache-control": "no-store" } });
  }
}

export default function SsoStart() {
  const d = useLoaderData<typeof loader>();
  return <SsoProblem problem={d.problem} name={d.name} minutes={d.minutes} />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
