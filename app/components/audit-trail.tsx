// The audit trail as a list: when, who, what. Shown on the scenario page (its events) and the workspace page.
import { LocalTime } from "~/components/local-time";
import type { Locale } from "~/domain/scenario";
import type { MessageKey, Translate } from "~/i18n/translate";

export interface AuditItem {
  id: number;
  actor: string;
  action: string;
  detail: Record<string, string | number>;
  at: string;
  /** `at` formatted on the server in the reader's time zone (the browser re-formats it in its own). */
  atText: string;
}

function describe(e: AuditItem, t: Translate): string {
  const key = `audit.${e.action}`;
  const role =
    typeof e.detail.role === "string" && t.has(`auth.role.${e.detail.role}`)
      ? t(`auth.role.${e.detail.role}` as MessageKey)
      : e.detail.role;
  return t.has(key) ? t(key, { ...e.detail, ...(role === undefined ? {} : { role }) }) : e.action;
}

export function AuditTrail({ events, t, locale }: { events: AuditItem[]; t: Translate; locale: Locale }) {
  if (events.length === 0) return <p className="muted">{t("audit.none")}</p>;
  return (
    <ol className="audit-trail" data-testid="audit-trail">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <span className="muted small">
            <LocalTime iso={e.at} text={e.atText} locale={locale} />
          </span>{" "}
          <strong>{e.actor === "share link" ? t("audit.shareReader") : e.actor === "local" ? t("audit.localUser") : e.actor}</strong>{" "}
          {describe(e, t)}
        </li>
      ))}
    </ol>
  );
}
