import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { PasswordInput } from "~/components/password-input";
import { RouteError } from "~/components/route-error";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n/use-locale";
import type { MessageKey } from "~/i18n/translate";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";
import { optionalUser, sessionCookie } from "~/lib/auth.server";
import { namedFieldError, parseForm, text } from "~/lib/form-data";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/lib/password-rules";
import { hashPassword, passwordProblem, verifyPassword } from "~/lib/password.server";
import { throttleSignIn } from "~/lib/sign-in.server";
import { acceptInvite, createSession, createUser, findInvite, getUserByEmail } from "~/models/accounts.server";
import { recordAudit } from "~/models/audit.server";

export const meta: MetaFunction = () => [{ title: "Invitation · Tierwise" }, { name: "robots", content: "noindex, nofollow" }];

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * An invitation link: the invited person joins the workspace with the role the owner chose. New to this server:
 * they choose a password here. Already a user: their password (or their session) proves it is them. The link
 * works once and expires after 7 days; a wrong, used, revoked or expired link is the same "cannot be used".
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const token = params.token ?? "";
  const invite = TOKEN_SHAPE.test(token) ? await findInvite({ token }) : null;
  if (!invite) return data({ invite: null, hasAccount: false, signInFirst: false, me: null }, { status: 404 });
  const [principal, existing] = await Promise.all([optionalUser({ request, context }), getUserByEmail({ email: invite.email })]);
  return {
    invite: { email: invite.email, workspace: invite.workspaceName, role: invite.role },
    hasAccount: Boolean(existing?.passwordHash),
    // An account without a password signs in through single sign-on only: the link alone must not sign anyone in as it.
    signInFirst: Boolean(existing && !existing.passwordHash),
    me: principal?.email ?? null,
  };
}

/** The one field: a new password, or the existing account's (none when already signed in as the invited person). */
const InviteForm = z.object({ password: text(1024).default("") });

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const token = params.token ?? "";
  const invite = TOKEN_SHAPE.test(token) ? await findInvite({ token }) : null;
  if (!invite) return data({ error: "auth.invite.invalid" as MessageKey }, { status: 404 });
  const parsed = parseForm(InviteForm, await request.formData());
  if (!parsed.ok) {
    const { message } = namedFieldError(parsed.errors, translator(resolveLocale(request)), { password: "auth.password" });
    return data({ error: "fieldError.invalid" as MessageKey, message }, { status: 400 });
  }
  const { password } = parsed.value;
  const principal = await optionalUser({ request, context });
  let user = await getUserByEmail({ email: invite.email });
  if (principal && principal.email !== invite.email) return data({ error: "auth.invite.otherAccount" as MessageKey }, { status: 403 });
  if (!principal) {
    // An account without a password (made by single sign-on): only signing in proves it is them, not the link.
    if (user && !user.passwordHash) return data({ error: "auth.invite.signInFirst" as MessageKey }, { status: 403 });
    if (user?.passwordHash) {
      // Joining as an existing account: a sign-in, throttled like one.
      const throttled = await throttleSignIn(invite.email, context);
      if (throttled)
        return data(
          { error: "auth.login.throttled" as MessageKey },
          { status: 429, headers: { "retry-after": String(throttled.retryAfterSeconds) } },
        );
      if (!(await verifyPassword(password, user.passwordHash))) return data({ error: "auth.login.failed" as MessageKey }, { status: 401 });
    } else {
      const problem = await passwordProblem(password);
      if (problem) return data({ error: `auth.password.${problem.code}` as MessageKey }, { status: 400 });
      user = user ?? (await createUser({ email: invite.email, passwordHash: await hashPassword(password) }));
      if (!user) return data({ error: "auth.invite.invalid" as MessageKey }, { status: 409 });
    }
  }
  if (!user) return data({ error: "auth.invite.invalid" as MessageKey }, { status: 404 });
  const joined = await acceptInvite({ token, userId: user.id });
  if (!joined) return data({ error: "auth.invite.invalid" as MessageKey }, { status: 404 });
  const actor = { workspaceId: joined.workspaceId, userId: user.id, label: user.email };
  await recordAudit({ actor, action: "joined", detail: { role: joined.role } });
  // A new session in the workspace just joined (a fresh id even for someone already signed in).
  const session = await createSession({ userId: user.id, workspaceId: joined.workspaceId });
  return redirect("/", { headers: { "set-cookie": sessionCookie(request, session.token) } });
}

export default function InvitePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useT();
  const error = useRef<HTMLParagraphElement>(null);
  const here = useLocation().pathname;
  useEffect(() => {
    if (a?.error) error.current?.focus();
  }, [a]);
  if (!d.invite) {
    return (
      <div className="card narrow">
        <p className="notice notice--error" role="alert">
          {t("auth.invite.invalid")}
        </p>
      </div>
    );
  }
  const role = t(`auth.role.${d.invite.role}` as MessageKey);
  const otherAccount = d.me !== null && d.me !== d.invite.email;
  return (
    <div className="card narrow" data-testid="invite">
      <h1>{t("auth.invite.title", { workspace: d.invite.workspace })}</h1>
      <p>{t("auth.invite.intro", { email: d.invite.email, workspace: d.invite.workspace, role })}</p>
      {a?.error ? (
        <p className="notice notice--error" role="alert" id="invite-error" data-testid="invite-error" tabIndex={-1} ref={error}>
          {"message" in a && typeof a.message === "string"
            ? a.message
            : t(a.error, { email: d.invite.email, me: d.me ?? "", min: PASSWORD_MIN, max: PASSWORD_MAX, minutes: 15 })}
        </p>
      ) : null}
      {otherAccount ? (
        <p className="notice notice--warn">{t("auth.invite.otherAccount", { email: d.invite.email, me: d.me ?? "" })}</p>
      ) : d.signInFirst && !d.me ? (
        <p className="notice notice--warn" data-testid="invite-sign-in-first">
          {t("auth.invite.signInFirst", { email: d.invite.email })}{" "}
          <a href={`/login?next=${encodeURIComponent(here)}`}>{t("auth.login.title")}</a>
        </p>
      ) : (
        <Form method="post" className="stack">
          {d.me ? null : (
            <div className="field">
              <label className="label" htmlFor="invite-password">
                {d.hasAccount
                  ? t("auth.invite.existingAccount", { email: d.invite.email })
                  : t("auth.invite.newAccount", { email: d.invite.email, min: PASSWORD_MIN, max: PASSWORD_MAX })}
              </label>
              <PasswordInput
                id="invite-password"
                name="password"
                required
                autoComplete={d.hasAccount ? "current-password" : "new-password"}
                minLength={d.hasAccount ? undefined : PASSWORD_MIN}
                maxLength={1024}
                aria-invalid={a?.error ? true : undefined}
                aria-describedby={a?.error ? "invite-error" : undefined}
                strength={!d.hasAccount}
              />
            </div>
          )}
          <div className="actions">
            <button type="submit" data-testid="invite-accept">
              {t("auth.invite.accept")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
