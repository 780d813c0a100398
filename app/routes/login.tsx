import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { PasswordInput } from "~/components/password-input";
import { RouteError } from "~/components/route-error";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n/use-locale";
import { resolveLocale } from "~/i18n/locale.server";
import { translator, type MessageKey } from "~/i18n/translate";
import { optionalUser, sessionCookie } from "~/lib/auth.server";
import { namedFieldError, parseForm, text } from "~/lib/form-data";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { signIn } from "~/lib/sign-in.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Tierwise" }, { name: "robots", content: "noindex" }];

// A throttled sign-in's wait reaches the browser on the page too (Remix sends a document's headers from here only).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get("retry-after");
  return wait ? { "retry-after": wait } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const next = safeRedirectPath(new URL(request.url).searchParams.get("next"));
  // Accounts off: nobody signs in. Already signed in: go on.
  if (getEnv().TIERWISE_AUTH === "off") return redirect(next);
  const principal = await optionalUser({ request, context });
  if (principal) return redirect(next);
  // Single sign-on (ADR 0043): the button's label; password sign-in stays beside it.
  const oidc = getEnv().oidc;
  return { next, sso: oidc ? { name: oidc.name } : null };
}

/** The sign-in form. `next` is where to go after, checked again by safeRedirectPath (same-site relative paths only). */
const LoginForm = z.object({ email: text(254), password: text(1024), next: text(2048).default("/") });
const LABELS: Record<string, MessageKey> = { email: "auth.email", password: "auth.password", next: "form.field.next" };

export async function action({ request, context }: ActionFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const form = await request.formData();
  const parsed = parseForm(LoginForm, form);
  if (!parsed.ok) {
    const { field, message } = namedFieldError(parsed.errors, translator(resolveLocale(request)), LABELS);
    const email = form.get("email");
    return data(
      { email: typeof email === "string" ? email.slice(0, 254) : "", problem: "field" as const, minutes: 0, field, message },
      { status: 400 },
    );
  }
  const { email, password } = parsed.value;
  const next = safeRedirectPath(parsed.value.next);
  const result = await signIn(email, password, context);
  if (result.ok) return redirect(next, { headers: { "set-cookie": sessionCookie(request, result.token) } });
  if (result.reason === "throttled") {
    return data(
      { email, problem: "throttled" as const, minutes: Math.ceil(result.retryAfterSeconds / 60), field: null, message: null },
      { status: 429, headers: { "retry-after": String(result.retryAfterSeconds) } },
    );
  }
  return data({ email, problem: "failed" as const, minutes: 0, field: null, message: null }, { status: 401 });
}

export default function Login() {
  const { next, sso } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  // After a failed try the error takes the focus, so a screen reader reads it and the keyboard starts from it.
  // The refused password is cleared (as the page without JavaScript does); the email stays.
  const error = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!answer) return;
    const password = form.current?.elements.namedItem("password");
    if (password instanceof HTMLInputElement) password.value = "";
    error.current?.focus();
  }, [answer]);
  const failed = answer?.problem === "failed";
  // A refused field (say an email too long) is marked alone; a failed sign-in marks both.
  const marked = (name: string) => failed || (answer?.problem === "field" && answer.field === name);
  return (
    <div className="card narrow" data-testid="login">
      <h1>{t("auth.login.title")}</h1>
      <p className="muted">{t("auth.login.intro")}</p>
      {answer ? (
        <p className="notice notice--error" role="alert" data-testid="login-error" id="login-error" tabIndex={-1} ref={error}>
          {answer.problem === "throttled"
            ? t("auth.login.throttled", { minutes: answer.minutes })
            : answer.problem === "field"
              ? answer.message
              : t("auth.login.failed")}
        </p>
      ) : null}
      {sso ? (
        <>
          {/* A plain link (a document navigation): it ends at the provider, another site. */}
          <p className="actions">
            <a className="button" href={`/login/oidc?next=${encodeURIComponent(next)}`} data-testid="login-sso">
              {t("auth.oidc.button", { name: sso.name })}
            </a>
          </p>
          <p className="muted">{t("auth.oidc.or")}</p>
        </>
      ) : null}
      <Form method="post" className="stack" ref={form}>
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label className="label" htmlFor="login-email">
            {t("auth.email")}
          </label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            defaultValue={answer?.email ?? ""}
            aria-invalid={marked("email") ? true : undefined}
            aria-describedby={answer ? "login-error" : undefined}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor="login-password">
            {t("auth.password")}
          </label>
          <PasswordInput
            id="login-password"
            name="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            aria-invalid={marked("password") ? true : undefined}
            aria-describedby={answer ? "login-error" : undefined}
          />
        </div>
        <div className="actions">
          <button type="submit" data-testid="login-submit">
            {t("auth.login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
