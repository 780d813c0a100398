// The management actions behind the list page and the plan page's "Manage" menu: one form post each (works without
// JavaScript), answered with a redirect that says what happened (PRG), so Back and reload never repeat an action.
import type { Locale } from "~/domain/scenario";
import { translator } from "~/i18n/translate";
import { getDb } from "~/models/db.server";
import { SCENARIO_ID_PATTERN } from "~/models/scenario.server";
import { deleteScenario, duplicateScenario, renameScenario, restoreScenario, setArchived, setScenarioTags } from "~/models/workshop.server";
import { readTags, readTitle, WHAT_IF_SUFFIX } from "~/workshop/fields";

export const MANAGE_INTENTS = ["duplicate", "rename", "archive", "unarchive", "delete", "restore", "tags"] as const;
export type ManageIntent = (typeof MANAGE_INTENTS)[number];
/** What the notice after a redirect reports: `done=<kind>&id=<scenario>`. */
export const DONE = ["duplicated", "renamed", "archived", "unarchived", "deleted", "restored", "tagged"] as const;
export type Done = (typeof DONE)[number];
const DONE_OF: Record<ManageIntent, Done> = {
  duplicate: "duplicated",
  rename: "renamed",
  archive: "archived",
  unarchive: "unarchived",
  delete: "deleted",
  restore: "restored",
  tags: "tagged",
};

export type ManageResult =
  | { ok: true; done: Done; id: string }
  | {
      ok: false;
      status: 400 | 404;
      id: string;
      intent: ManageIntent | null;
      field: "title" | "tags" | null;
      message: string;
      value: string;
    };

const LIST_KEYS = ["q", "status", "verdict", "tag", "sort", "page"];

/** Where to go back to: a list address with only the list's own parameters, or a plan page. Never another site. */
export function backTo(raw: FormDataEntryValue | null): { path: string; params: URLSearchParams } {
  const text = typeof raw === "string" ? raw : "";
  const plan = /^\/scenarios\/([2-9a-hjkmnp-z]{12})$/.exec(text);
  if (plan) return { path: text, params: new URLSearchParams() };
  const from = new URLSearchParams(text.startsWith("?") ? text.slice(1) : "");
  const params = new URLSearchParams();
  for (const k of LIST_KEYS) {
    const v = from.get(k);
    if (v) params.set(k, v.slice(0, 200));
  }
  return { path: "/", params };
}

/** The address after a successful action: the list (filters kept) with the notice, or the new what-if's plan page. */
export function afterAction(result: Extract<ManageResult, { ok: true }>, back: ReturnType<typeof backTo>): string {
  if (result.done === "duplicated") return `/scenarios/${result.id}?done=duplicated`;
  if (back.path !== "/" && result.done !== "deleted") return `${back.path}?done=${result.done}`;
  const params = new URLSearchParams(back.path === "/" ? back.params : undefined);
  params.set("done", result.done);
  params.set("id", result.id);
  // After a delete or restore the page stays on the list it was on; a restore from the trash goes back to it.
  return `/?${params.toString()}`;
}

/** One management action in `workspaceId` (the caller has checked the role: editors and owners); another workspace's scenario is "gone". */
export async function runManageAction(form: FormData, locale: Locale, workspaceId: string): Promise<ManageResult> {
  const t = translator(locale);
  const intent = String(form.get("intent") ?? "");
  const id = String(form.get("id") ?? "");
  const fail = (status: 400 | 404, message: string, field: "title" | "tags" | null = null, value = ""): ManageResult => ({
    ok: false,
    status,
    id,
    intent: (MANAGE_INTENTS as readonly string[]).includes(intent) ? (intent as ManageIntent) : null,
    field,
    message,
    value,
  });
  if (!(MANAGE_INTENTS as readonly string[]).includes(intent)) return fail(400, t("list.error.unknown"));
  if (!SCENARIO_ID_PATTERN.test(id)) return fail(404, t("list.gone"));
  const db = await getDb();
  const done = (ok: boolean, target = id): ManageResult =>
    ok ? { ok: true, done: DONE_OF[intent as ManageIntent], id: target } : fail(404, t("list.gone"));
  switch (intent as ManageIntent) {
    case "duplicate": {
      const v = Number(form.get("version"));
      const copy = await duplicateScenario({
        db,
        workspaceId,
        id,
        version: Number.isInteger(v) && v >= 1 ? v : null,
        suffix: WHAT_IF_SUFFIX[locale],
      });
      return copy ? done(true, copy.id) : done(false);
    }
    case "rename": {
      const raw = form.get("title");
      const title = readTitle(raw);
      if (!title.ok)
        return fail(
          400,
          t(`list.error.title.${title.code as "required" | "too_long"}`, title.params),
          "title",
          typeof raw === "string" ? raw : "",
        );
      return done(await renameScenario({ db, workspaceId, id, title: title.value }));
    }
    case "archive":
    case "unarchive":
      return done(await setArchived({ db, workspaceId, id, archived: intent === "archive" }));
    case "delete":
      return done(await deleteScenario({ db, workspaceId, id }));
    case "restore":
      return done(await restoreScenario({ db, workspaceId, id }));
    case "tags": {
      const raw = form.getAll("tags");
      const tags = readTags(raw);
      if (!tags.ok)
        return fail(
          400,
          t(`list.error.tags.${tags.code as "too_long" | "too_many" | "invalid"}`, tags.params),
          "tags",
          raw.filter((v) => typeof v === "string").join(", "),
        );
      return done(await setScenarioTags({ db, workspaceId, id, tags: tags.value }));
    }
  }
}
