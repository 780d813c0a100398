import { Form } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import { formatDateTime } from "~/present/format";
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import type { ShareLink } from "~/models/scenario.server";

export function SharePanel({ links, origin, createdToken, t, locale }: { links: ShareLink[]; origin: string; createdToken: string | null; t: Translate; locale: Locale }) {
  const live = links.filter((l) => !l.revokedAt);
  return (
    <div className="card">
      {createdToken ? (
        <p className="notice notice--ok" role="status">
          {t("plan.share.created")}
        </p>
      ) : null}
      <Form method="post" className="actions no-print actions--spaced">
        <input type="hidden" name="intent" value="share-create" />
        <button type="submit" data-testid="share-create">
          {t("plan.share.create")}
        </button>
        <button type="button" className="button--ghost" onClick={() => window.print()}>
          {t("plan.export.print")}
        </button>
      </Form>
      {links.length === 0 ? (
        <p className="muted">{t("plan.share.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="share-links">
            <caption>
              {t("plan.share.live")}: {live.length}
            </caption>
            <tbody>
              {links.map((l) => {
                const url = `${origin}/share/${l.token}`;
                return (
                  <tr key={l.token}>
                    <td>
                      {l.revokedAt ? (
                        <span className="share-url diff-del">{url}</span>
                      ) : (
                        <a className="share-url" href={url} data-testid="share-url">
                          {url}
                        </a>
                      )}
                      <span className="citation">
                        <LocalTime iso={l.createdAt} text={formatDateTime(l.createdAt, locale)} locale={locale} />
                      </span>
                    </td>
                    <td className="num">
                      {l.revokedAt ? (
                        <span className="badge">{t("plan.share.revoked")}</span>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="share-revoke" />
                          <input type="hidden" name="token" value={l.token} />
                          <button type="submit" className="button--danger button--small" data-testid="share-revoke">
                            {t("plan.share.revoke")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
