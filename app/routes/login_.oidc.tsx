import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { SsoProblem } from "~/components/sso-problem";
import { getEnv } from "~/env.server";
import { resolveLocale } from "~/i18n/locale.server";
import { oidcStateCookie } from "~/lib/auth.server";
import { OidcError, oidcProvider } from "~/lib/oidc.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { startOidcSignIn } from "~/lib/sign-in.server";

// POST /login/oidc (the login page's "Sign in with …" button): a new state, nonce and PKCE verifier, then off to the
// provider. GET does nothing (a link or a prefetch must not start sign-ins). ADR 0043.

export const meta: MetaFunction = () => [{ title: "Sign in · Tierwise" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader() {
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = getEnv();
  const provider = env.TIERWISE_AUTH === "password" ? oidcProvider(env.oidc) : null;
  if (!provider) return redirect("/login");
  const form = await request.formData();
  const rawNext = form.get("next");
  const next = safeRedirectPath(typeof rawNext === "string" ? rawNext.slice(0, 2048) : "/");
  const name = provider.config.name;
  try {
    const started = await startOidcSignIn(provider, { next, locale: resolveLocale(request) === "zh" ? "zh-CN" : "en" }, context);
    if (!started.ok) {
      const wait = String(started.retryAfterSeconds);
      return data(
        { problem: "throttled" as const, name, minutes: Math.ceil(started.retryAfterSeconds / 60) },
        { status: 429, headers: { "retry-after": wait } },
      );
    }
    return redirect(started.url, { headers: { "set-cookie": oidcStateCookie(request, started.state) } });
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    console.warn(`single sign-on could not start (${err.code}): ${err.detail}`);
    return data({ problem: "unreachable" as const, name, minutes: 0 }, { status: 502 });
  }
}

export default function SsoStart() {
  const answer = useActionData<typeof action>();
  return <SsoProblem problem={answer?.problem ?? "unreachable"} name={answer?.name ?? ""} minutes={answer?.minutes ?? 0} />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
