import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AuditTrail } from "~/components/audit-trail";
import { RouteError } from "~/components/route-error";
import { getEnv } from "~/env.server";
import { useT } from "~/i18n/use-locale";
import { formatDateTime, formatters } from "~/present/format";
import { resolveLocale, resolveTimeZone } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/translate";
import { translator } from "~/i18n/translate";
import { requireUser } from "~/lib/auth.server";
import { namedFieldError, parseForm, text } from "~/lib/form-data";
import { ROLES, type Role } from "~/lib/roles";
import {
  changeMembership,
  createInvite,
  emailProblem,
  listInvites,
  listMembers,
  normalizeEmail,
  revokeInvite,
} from "~/models/accounts.server";
import { listWorkspaceAudit, recordAudit } from "~/models/audit.server";

export const meta: MetaFunction = () => [{ title: "Workspace · Tierwise" }];

/** The current workspace: its members and their roles; owners invite, change roles, remove, and read the trail. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const principal = await requireUser({ request, context });
  const owner = principal.role === "owner";
  const [members, invites, audit] = await Promise.all([
    listMembers({ workspaceId: principal.workspaceId }),
    owner ? listInvites({ workspaceId: principal.workspaceId }) : Promise.resolve([]),
    owner ? listWorkspaceAudit({ workspaceId: principal.workspaceId, limit: 50 }) : Promise.resolve([]),
  ]);
  const [locale, timeZone] = [resolveLocale(request), resolveTimeZone(request)];
  return {
    name: principal.workspaceName,
    me: principal.userId,
    owner,
    members,
    invites,
    audit: audit.map((e) => ({ ...e, atText: formatDateTime(e.at, locale, timeZone) })),
  };
}

/** Every post of this page (owners only): one kind per `intent`, each with its own fields. */
const email = text(254)
  .transform(normalizeEmail)
  .refine((e) => emailProblem(e) === null, { params: { code: "not_email" } });
const WorkspaceForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email, role: z.enum(ROLES) }),
  z.object({ intent: z.literal("revoke-invite"), id: text(100) }),
  // `email` names the member in the trail; the change itself goes by `user`.
  z.object({ intent: z.literal("role"), user: text(100), email: text(254).default(""), role: z.enum(ROLES) }),
  z.object({ intent: z.literal("remove"), user: text(100), email: text(254).default("") }),
]);
const LABELS: Record<string, MessageKey> = {
  intent: "form.field.intent",
  email: "auth.email",
  role: "auth.workspace.role",
  id: "form.field.invite",
  user: "form.field.member",
};

type Answer = {
  error: MessageKey | null;
  invite: { url: string; email: string; expiresAt: string } | null;
  /** A refused post: the field it named, the message in the page's language, and what the invitation form held. */
  field?: { name: string; message: string; values: { email: string; role: string } } | null;
};
const answer = (a: Partial<Answer>, status = 200) => data({ error: null, invite: null, ...a } satisfies Answer, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  if (getEnv().TIERWISE_AUTH === "off") return redirect("/");
  const principal = await requireUser({ request, context }, "owner");
  const form = await request.formData();
  const parsed = parseForm(WorkspaceForm, form);
  if (!parsed.ok) {
    const { field, message } = namedFieldError(parsed.errors, translator(resolveLocale(request)), LABELS);
    const typed = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
    return answer({ field: { name: field, message, values: { email: typed("email"), role: typed("role") } } }, 400);
  }
  const post = parsed.value;
  switch (post.intent) {
    case "invite": {
      const { email, role } = post;
      const { token, expiresAt } = await createInvite({ workspaceId: principal.workspaceId, email, role, createdBy: principal.userId });
      await recordAudit({ actor: principal, action: "invited", detail: { email, role } });
      // Built from PUBLIC_URL, never from the Host header of this request.
      return answer({ invite: { url: `${getEnv().PUBLIC_URL}/invite/${token}`, email, expiresAt } });
    }
    case "revoke-invite":
      return (await revokeInvite({ workspaceId: principal.workspaceId, id: post.id }))
        ? redirect("/workspace")
        : answer({ error: "error.notFound" }, 404);
    case "role":
    case "remove": {
      const next: Role | null = post.intent === "remove" ? null : post.role;
      const email = post.email.slice(0, 254);
      const r = await changeMembership({ workspaceId: principal.workspaceId, userId: post.user, role: next });
      if (r === "last-owner") return answer({ error: "auth.workspace.lastOwner" }, 409);
      if (r === "not-member") return answer({ error: "error.notFound" }, 404);
      await recordAudit({ actor: principal, action: next ? "role-changed" : "removed", detail: next ? { email, role: next } : { email } });
      return redirect("/workspace");
    }
  }
}

export default function WorkspacePage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as Answer | undefined;
  const { t, locale } = useT();
  // Dates in the zone the browser reported (root data), as the rest of the app shows them.
  const timeZone = (useRouteLoaderData("root") as { timeZone?: string | null } | undefined)?.timeZone ?? null;
  const f = formatters(locale, "USD", timeZone);
  const roleLabel = (r: Role) => t(`auth.role.${r}` as MessageKey);
  return (
    <div className="stack" data-testid="workspace">
      <div className="page-head">
        <div>
          <h1>{t("auth.workspace.title", { name: d.name })}</h1>
          <p className="muted">{t("auth.role.help")}</p>
        </div>
      </div>
      {a?.error ? (
        <p className="notice notice--error" role="alert">
          {t(a.error)}
        </p>
      ) : null}
      {a?.field ? (
        <p className="notice notice--error" role="alert" id="workspace-error" data-testid="workspace-error">
          {a.field.message}
        </p>
      ) : null}
      {a?.invite ? (
        <p className="notice notice--ok" role="status">
          {t("auth.workspace.inviteCreated", { email: a.invite.email, date: f.dateTime(a.invite.expiresAt) })}{" "}
          <code data-testid="invite-url">{a.invite.url}</code>
        </p>
      ) : null}
      <section className="card section" aria-labelledby="members-title">
        <h2 id="members-title">{t("auth.workspace.members")}</h2>
        <div className="table-wrap">
          <table className="list-table" data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("auth.workspace.role")}</th>
                <th scope="col">{t("auth.workspace.since")}</th>
                {d.owner ? <th scope="col" /> : null}
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.userId} data-member={m.email}>
                  <td>{m.email}</td>
                  <td>{roleLabel(m.role)}</td>
                  <td className="small">{f.dateTime(m.since)}</td>
                  {d.owner ? (
                    <td>
                      <div className="actions">
                        <Form method="post" className="actions">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="user" value={m.userId} />
                          <input type="hidden" name="email" value={m.email} />
                          <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                            {t("auth.workspace.role")}
                          </label>
                          <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {roleLabel(r)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button--ghost">
                            {t("auth.workspace.change")}
                          </button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="user" value={m.userId} />
                          <input type="hidden" name="email" value={m.email} />
                          <button type="submit" className="button--ghost">
                            {t("auth.workspace.remove")}
                          </button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.owner ? null : <p className="muted small">{t("auth.workspace.ownersOnly")}</p>}
      </section>
      {d.owner ? (
        <>
          <section className="card section" aria-labelledby="invite-title">
            <h2 id="invite-title">{t("auth.workspace.invite")}</h2>
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="invite" />
              <label className="visually-hidden" htmlFor="invite-email">
                {t("auth.email")}
              </label>
              <input
                id="invite-email"
                name="email"
                type="email"
                required
                maxLength={254}
                placeholder={t("auth.email")}
                defaultValue={a?.field?.values.email ?? ""}
                aria-invalid={a?.field?.name === "email" ? true : undefined}
                aria-describedby={a?.field ? "workspace-error" : undefined}
              />
              <label className="visually-hidden" htmlFor="invite-role">
                {t("auth.workspace.role")}
              </label>
              <select
                id="invite-role"
                name="role"
                defaultValue={ROLES.find((r) => r === a?.field?.values.role) ?? "editor"}
                aria-invalid={a?.field?.name === "role" ? true : undefined}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </select>
              <button type="submit" data-testid="invite-submit">
                {t("auth.workspace.inviteSubmit")}
              </button>
            </Form>
            {d.invites.length ? (
              <>
                <h3>{t("auth.workspace.invites")}</h3>
                <ul className="plain-list">
                  {d.invites.map((i) => (
                    <li key={i.id} className="actions">
                      {i.email} · {roleLabel(i.role)} ·{" "}
                      <span className="muted small">
                        {i.acceptedAt
                          ? t("auth.workspace.inviteAccepted", { date: f.dateTime(i.acceptedAt) })
                          : i.revokedAt
                            ? t("auth.workspace.inviteRevoked", { date: f.dateTime(i.revokedAt) })
                            : t("auth.workspace.inviteOpen", { date: f.dateTime(i.expiresAt) })}
                      </span>
                      {i.acceptedAt || i.revokedAt ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke-invite" />
                          <input type="hidden" name="id" value={i.id} />
                          <button type="submit" className="button--ghost">
                            {t("auth.workspace.inviteRevoke")}
                          </button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="card section" aria-labelledby="activity-title">
            <h2 id="activity-title">{t("auth.workspace.activity")}</h2>
            <AuditTrail events={d.audit} t={t} locale={locale} />
          </section>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
