import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { PasswordInput } from "~/components/password-input";
import { RouteError } from "~/components/route-error";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n/use-locale";
import { formatters } from "~/present/format";
import type { MessageKey } from "~/i18n/translate";
import { resolveLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate";
import { requireUser, sessionCookie } from "~/lib/auth.server";
import { namedFieldError, parseForm, text } from "~/lib/form-data";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/lib/password-rules";
import { hashPassword, passwordProblem, verifyPassword } from "~/lib/password.server";
import {
  createApiToken,
  deleteUserSessions,
  createSession,
  getUserByEmail,
  listApiTokens,
  listMemberships,
  revokeApiToken,
  setPassword,
  switchWorkspace,
} from "~/models/accounts.server";
import { recordAudit } from "~/models/audit.server";
import { listIdentities } from "~/models/identities.server";

export const meta: MetaFunction = () => [{ title: "Account · Tierwise" }];

/**
 * A person's own page: their workspaces (switch), API tokens (create, revoke), the single sign-on identities linked to
 * the account, the password (none to change for an account that signs in through the provider), sign out everywhere.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const principal = await requireUser({ request, context });
  if (!principal.userId) return redirect("/");
  const [memberships, tokens, identities, user] = await Promise.all([
    listMemberships({ userId: principal.userId }),
    listApiTokens({ userId: principal.userId }),
    listIdentities({ userId: principal.userId }),
    principal.email ? getUserByEmail({ email: principal.email }) : null,
  ]);
  // The provider by the name its button has, or (configured no longer) by its host.
  const oidc = getEnv().oidc;
  const sso = identities.map((i) => ({
    provider: oidc && i.issuer === oidc.issuer ? oidc.name : new URL(i.issuer).host,
    email: i.email,
    linkedAt: i.createdAt,
    lastUsedAt: i.lastUsedAt,
  }));
  return { email: principal.email, current: principal.workspaceId, memberships, tokens, sso, hasPassword: Boolean(user?.passwordHash) };
}

/** Every post of this page: one kind per `intent`, each with its own fields. */
const AccountForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("switch"), workspace: text(100) }),
  z.object({ intent: z.literal("create-token"), name: text(80).default("") }),
  z.object({ intent: z.literal("revoke-token"), id: text(100) }),
  z.object({ intent: z.literal("sign-out-everywhere") }),
  z.object({ intent: z.literal("password"), current: text(1024), password: text(1024) }),
]);
const LABELS: Record<string, MessageKey> = {
  intent: "form.field.intent",
  workspace: "form.field.workspace",
  name: "auth.tokens.name",
  id: "form.field.token",
  current: "auth.account.currentPassword",
  password: "auth.password",
};

type Answer = {
  notice: MessageKey | null;
  error: MessageKey | string | null;
  token: string | null;
  /** The field a refused post named, and what was typed in the page's text fields (never a password). */
  field?: string | null;
  values?: { name?: string };
};
const answer = (a: Partial<Answer>, status = 200) => data({ notice: null, error: null, token: null, ...a } satisfies Answer, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const principal = await requireUser({ request, context });
  if (!principal.userId || !principal.email) return redirect("/");
  const form = await request.formData();
  const parsed = parseForm(AccountForm, form);
  if (!parsed.ok) {
    const { field, message } = namedFieldError(parsed.errors, translator(resolveLocale(request)), LABELS);
    const name = form.get("name");
    return answer({ error: message, field, values: typeof name === "string" ? { name } : {} }, 400);
  }
  const post = parsed.value;
  switch (post.intent) {
    case "switch": {
      if (principal.kind !== "session" || !principal.handle) return answer({ error: "error.forbidden" }, 403);
      const ok = await switchWorkspace({ sessionHandle: principal.handle, userId: principal.userId, workspaceId: post.workspace });
      return ok ? redirect("/") : answer({ error: "error.notFound" }, 404);
    }
    case "create-token": {
      const name = post.name.trim() || "token";
      const { token } = await createApiToken({ userId: principal.userId, workspaceId: principal.workspaceId, name });
      await recordAudit({ actor: principal, action: "token-created", detail: { name } });
      return answer({ token });
    }
    case "revoke-token": {
      const ok = await revokeApiToken({ id: post.id, userId: principal.userId });
      if (ok) await recordAudit({ actor: principal, action: "token-revoked" });
      return ok ? redirect("/account") : answer({ error: "error.notFound" }, 404);
    }
    case "sign-out-everywhere":
      await deleteUserSessions({ userId: principal.userId });
      return redirect("/login", { headers: { "set-cookie": sessionCookie(request, null) } });
    case "password": {
      const user = await getUserByEmail({ email: principal.email });
      // An account made by (or taken over by) single sign-on has no password to change (ADR 0043).
      if (user && !user.passwordHash) return answer({ error: "auth.account.ssoOnly" }, 400);
      if (!user || !(await verifyPassword(post.current, user.passwordHash)))
        return answer({ error: "auth.account.passwordWrong", field: "current" }, 400);
      const problem = await passwordProblem(post.password);
      if (problem) return answer({ error: `auth.password.${problem.code}`, field: "password" }, 400);
      // Every session ends (ASVS 3.3.3); this one continues with a fresh id.
      await setPassword({ userId: user.id, passwordHash: await hashPassword(post.password) });
      const { token } = await createSession({ userId: user.id, workspaceId: principal.workspaceId });
      return data({ notice: "auth.account.passwordChanged" as MessageKey, error: null, token: null } satisfies Answer, {
        headers: { "set-cookie": sessionCookie(request, token) },
      });
    }
  }
}

export default function Account() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as Answer | undefined;
  const { t, locale } = useT();
  // Dates in the zone the browser reported (root data), as the rest of the app shows them.
  const timeZone = (useRouteLoaderData("root") as { timeZone?: string | null } | undefined)?.timeZone ?? null;
  const f = formatters(locale, "USD", timeZone);
  const say = (s: string | null) => (s === null ? null : t.has(s) ? t(s, { min: PASSWORD_MIN, max: PASSWORD_MAX }) : s);
  return (
    <div className="stack" data-testid="account">
      <div className="page-head">
        <div>
          <h1>{t("auth.account.title")}</h1>
          <p>{t("auth.account.signedInAs", { email: d.email ?? "" })}</p>
        </div>
      </div>
      {a?.notice ? (
        <p className="notice notice--ok" role="status">
          {say(a.notice)}
        </p>
      ) : null}
      {a?.error ? (
        <p className="notice notice--error" role="alert">
          {say(a.error)}
        </p>
      ) : null}
      <section className="card section" aria-labelledby="ws-title">
        <h2 id="ws-title">{t("auth.account.workspaces")}</h2>
        <ul className="plain-list">
          {d.memberships.map((m) => (
            <li key={m.workspaceId} className="actions">
              <strong>{m.workspaceName}</strong> <span className="muted">{t(`auth.role.${m.role}` as MessageKey)}</span>
              {m.workspaceId === d.current ? (
                <span className="badge">{t("auth.account.current")}</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="switch" />
                  <input type="hidden" name="workspace" value={m.workspaceId} />
                  <button type="submit" className="button--ghost">
                    {t("auth.account.switch")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card section" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("auth.tokens.title")}</h2>
        <p className="muted small">{t("auth.tokens.intro")}</p>
        {a?.token ? (
          <p className="notice notice--ok" role="status">
            {t("auth.tokens.created")} <code data-testid="new-token">{a.token}</code>
          </p>
        ) : null}
        {d.tokens.length === 0 ? (
          <p className="muted">{t("auth.tokens.none")}</p>
        ) : (
          <ul className="plain-list" data-testid="tokens">
            {d.tokens.map((k) => (
              <li key={k.id} className="actions">
                <strong>{k.name}</strong> <span className="muted small">{k.workspaceName}</span>{" "}
                <span className="muted small">
                  {k.revokedAt
                    ? t("auth.tokens.revoked", { date: f.dateTime(k.revokedAt) })
                    : k.lastUsedAt
                      ? t("auth.tokens.lastUsed", { date: f.dateTime(k.lastUsedAt) })
                      : t("auth.tokens.neverUsed")}
                </span>
                {k.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-token" />
                    <input type="hidden" name="id" value={k.id} />
                    <button type="submit" className="button--ghost">
                      {t("auth.tokens.revoke")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="create-token" />
          <label className="visually-hidden" htmlFor="token-name">
            {t("auth.tokens.name")}
          </label>
          <input
            id="token-name"
            name="name"
            placeholder={t("auth.tokens.name")}
            maxLength={80}
            defaultValue={a?.values?.name ?? ""}
            aria-invalid={a?.field === "name" ? true : undefined}
          />
          <button type="submit" data-testid="create-token">
            {t("auth.tokens.create")}
          </button>
        </Form>
      </section>
      {d.sso.length ? (
        <section className="card section" aria-labelledby="sso-title" data-testid="sso-identities">
          <h2 id="sso-title">{t("auth.account.sso")}</h2>
          <ul className="plain-list">
            {d.sso.map((i) => (
              <li key={`${i.provider} ${i.linkedAt}`} className="actions">
                {t("auth.account.ssoLinked", {
                  provider: i.provider,
                  email: i.email,
                  date: f.dateTime(i.linkedAt),
                  last: f.dateTime(i.lastUsedAt),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card section" aria-labelledby="pw-title">
        <h2 id="pw-title">{t("auth.account.password")}</h2>
        {d.hasPassword ? null : (
          <p className="muted" data-testid="sso-only">
            {t("auth.account.ssoOnly")}
          </p>
        )}
        {d.hasPassword ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="password" />
            <div className="field">
              <label className="label" htmlFor="pw-current">
                {t("auth.account.currentPassword")}
              </label>
              <PasswordInput id="pw-current" name="current" autoComplete="current-password" required maxLength={1024} />
            </div>
            <div className="field">
              <label className="label" htmlFor="pw-new">
                {t("auth.account.newPassword", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
              </label>
              <PasswordInput
                id="pw-new"
                name="password"
                autoComplete="new-password"
                required
                minLength={PASSWORD_MIN}
                maxLength={1024}
                strength
              />
            </div>
            <div className="actions">
              <button type="submit">{t("auth.account.password")}</button>
            </div>
          </Form>
        ) : null}
      </section>
      <section className="card section" aria-labelledby="out-title">
        <h2 id="out-title">{t("auth.account.signOutEverywhere")}</h2>
        <p className="muted small">{t("auth.account.signOutEverywhereHelp")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button--ghost" data-testid="sign-out-everywhere">
            {t("auth.account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
