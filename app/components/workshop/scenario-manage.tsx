import { Form } from "@remix-run/react";
import type { Translate } from "~/i18n/translate";

/**
 * The plan page's "Manage" menu: duplicate the version on screen as a what-if, rename, delete (undo on the list).
 * Plain form posts to the list's action (works without JavaScript); it answers with a redirect and a notice.
 */
export function ScenarioManage({ id, version, title, t }: { id: string; version: number; title: string; t: Translate }) {
  const back = `/scenarios/${id}`;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  return (
    <details className="ws-manage no-print" data-testid="plan-manage">
      <summary>{t("plan.manage")}</summary>
      <div className="ws-manage__body">
        <Form method="post" action="/?index">
          {hidden("duplicate")}
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button--ghost button--small" data-testid="plan-duplicate">
            {t("list.action.duplicate")} (v{version})
          </button>
        </Form>
        <Form method="post" action="/?index">
          {hidden("rename")}
          <label>
            {t("list.field.title")}
            <input type="text" name="title" required maxLength={200} defaultValue={title} data-testid="plan-rename-input" />
          </label>
          <button type="submit" className="button--ghost button--small" data-testid="plan-rename">
            {t("list.action.rename")}
          </button>
        </Form>
        <Form method="post" action="/?index">
          {hidden("delete")}
          <button type="submit" className="button--danger button--small" data-testid="plan-delete">
            {t("list.action.delete")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** What the last management action did, on the page it led to (`?done=duplicated|renamed|archived|…`). */
export function ManageDone({ done, title, t }: { done: string | null; title: string; t: Translate }) {
  if (done !== "duplicated" && done !== "renamed" && done !== "archived" && done !== "unarchived" && done !== "tagged") return null;
  return (
    <p className="notice notice--ok" role="status" data-testid="manage-done">
      {t(`list.done.${done}`, { title })}
    </p>
  );
}
