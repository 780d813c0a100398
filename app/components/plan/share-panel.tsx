import { Form } from "@remix-run/react";
import { LocalTime } from "~/components/local-time";
import type { Locale } from "~/domain/scenario";
import type { Translate } from "~/i18n/translate";
import type { ShareLink } from "~/models/scenario.server";
import { formatDateTime } from "~/present/format";

/**
 * Read-only links to the plan: pinned to the version on screen by default (a reader keeps seeing what was shared and
 * is told when a newer one exists), or, as an explicit choice, following every new version. Revocable.
 */
export function SharePanel({
  links,
  origin,
  createdToken,
  version,
  action,
  t,
  locale,
}: {
  links: ShareLink[];
  origin: string;
  createdToken: string | null;
  version: number;
  action: string;
  t: Translate;
  locale: Locale;
}) {
  const live = links.filter((l) => !l.revokedAt);
  return (
    <div className="card">
      {createdToken ? (
        <p className="notice notice--ok" role="status">
          {t("plan.share.created")}
        </p>
      ) : null}
      <Form method="post" action={action} className="no-print share-create">
        <input type="hidden" name="intent" value="share-create" />
        <fieldset className="fieldset-plain">
          <legend className="label">{t("share.pinTo")}</legend>
          <label className="check">
            <input type="radio" name="shareVersion" value={String(version)} defaultChecked data-testid="share-pin" />
            {t("share.pinThis", { n: version })}
          </label>
          <label className="check">
            <input type="radio" name="shareVersion" value="latest" data-testid="share-latest" />
            {t("share.pinLatest")}
          </label>
        </fieldset>
        <div className="actions actions--below">
          <button type="submit" data-testid="share-create">
            {t("plan.share.create")}
          </button>
        </div>
      </Form>
      {links.length === 0 ? (
        <p className="muted">{t("plan.share.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("a11y.table", { name: t("plan.share.live") })}>
          <table data-testid="share-links">
            <caption>
              {t("plan.share.live")}: {live.length}
            </caption>
            <tbody>
              {links.map((l) => {
                const url = `${origin}/share/${l.token}`;
                return (
                  <tr key={l.token} data-share-version={l.version ?? "latest"}>
                    <td>
                      {l.revokedAt ? (
                        <span className="share-url revoked">{url}</span>
                      ) : (
                        <a className="share-url" href={url} data-testid="share-url">
                          {url}
                        </a>
                      )}
                      <span className="citation">
                        {l.version === null ? t("share.latest") : t("share.pinnedTo", { n: l.version })} ·{" "}
                        <LocalTime iso={l.createdAt} text={formatDateTime(l.createdAt, locale)} locale={locale} />
                      </span>
                    </td>
                    <td className="num">
                      {l.revokedAt ? (
                        <span className="badge">{t("plan.share.revoked")}</span>
                      ) : (
                        <Form method="post" action={action}>
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
