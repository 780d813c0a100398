// The management actions behind the list page and the plan page's "Manage" menu: one form post each (works without
// JavaScript), answered with a redirect that says what happened (PRG), so Back and reload never repeat an action.
import { z } from "zod";
import type { FieldError, Locale } from "~/domain/scenario";
import { translator, type MessageKey, type Translate } from "~/i18n/translate";
import { namedFieldError, parseForm, positiveInteger, text, texts } from "~/lib/form-data";
import { getDb } from "~/models/db.server";
import { SCENARIO_ID_PATTERN } from "~/models/scenario.server";
import { deleteScenario, duplicateScenario, renameScenario, restoreScenario, setArchived, setScenarioTags } from "~/models/workshop.server";
import { readTags, readTitle, WHAT_IF_SUFFIX, type FieldResult } from "~/workshop/fields";

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

type FieldReader<T> = (raw: unknown) => FieldResult<T>;
/** A typed field through its reader (readTitle, readTags): refused with the reader's code, which words the message. */
const read =
  <T>(reader: FieldReader<T>) =>
  (raw: unknown, ctx: z.RefinementCtx): T => {
    const r = reader(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { code: r.code, ...r.params } });
    return z.NEVER;
  };

/**
 * Every post of the manage menu: one kind per `intent`. `id` is checked against the id pattern after parsing (a
 * malformed one names no scenario: "gone", 404, like one in another workspace); `back` is read by backTo.
 */
const target = { id: text(40), back: text(1000).optional() };
export const ManageForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("duplicate"), ...target, version: positiveInteger().optional() }),
  z.object({ intent: z.literal("rename"), ...target, title: text(10_000).transform(read(readTitle)) }),
  z.object({ intent: z.literal("archive"), ...target }),
  z.object({ intent: z.literal("unarchive"), ...target }),
  z.object({ intent: z.literal("delete"), ...target }),
  z.object({ intent: z.literal("restore"), ...target }),
  z.object({ intent: z.literal("tags"), ...target, tags: texts(10_000, 100).default([]).transform(read(readTags)) }),
]);
const LABELS: Record<string, MessageKey> = {
  intent: "form.field.intent",
  id: "form.field.scenario",
  back: "form.field.back",
  version: "form.field.version",
  title: "list.field.title",
  tags: "list.field.tags",
};

/** The words for a refused post: the title's and the tags' own (as before), else the field named with the common ones. */
function refusal(errors: FieldError[], t: Translate): { field: string; message: string } {
  const e = errors[0];
  const field = e?.path.split(".")[0] ?? "(root)";
  if (field === "title" && (e.code === "required" || e.code === "too_long"))
    return { field, message: t(`list.error.title.${e.code}`, e.params) };
  if (field === "tags" && (e.code === "too_long" || e.code === "too_many" || e.code === "invalid") && e.params)
    return { field, message: t(`list.error.tags.${e.code}`, e.params) };
  return namedFieldError(errors, t, LABELS);
}

/** One management action in `workspaceId` (the caller has checked the role: editors and owners); another workspace's scenario is "gone". */
export async function runManageAction(form: FormData, locale: Locale, workspaceId: string): Promise<ManageResult> {
  const t = translator(locale);
  const rawIntent = form.get("intent");
  const parsed = parseForm(ManageForm, form);
  const fail = (status: 400 | 404, message: string, field: string | null = null): ManageResult => {
    const id = form.get("id");
    const typed = field === "title" || field === "tags" ? field : null;
    return {
      ok: false,
      status,
      id: typeof id === "string" ? id : "",
      intent: (MANAGE_INTENTS as readonly unknown[]).includes(rawIntent) ? (rawIntent as ManageIntent) : null,
      field: typed,
      message,
      // What was typed goes back into the field it was typed in.
      value: typed
        ? form
            .getAll(typed)
            .filter((v) => typeof v === "string")
            .join(", ")
        : "",
    };
  };
  if (!parsed.ok) {
    const { field, message } = refusal(parsed.errors, t);
    return fail(400, message, field);
  }
  const post = parsed.value;
  const { id } = post;
  if (!SCENARIO_ID_PATTERN.test(id)) return fail(404, t("list.gone"));
  const db = await getDb();
  const done = (ok: boolean, target = id): ManageResult =>
    ok ? { ok: true, done: DONE_OF[post.intent], id: target } : fail(404, t("list.gone"));
  switch (post.intent) {
    case "duplicate": {
      const copy = await duplicateScenario({ db, workspaceId, id, version: post.version ?? null, suffix: WHAT_IF_SUFFIX[locale] });
      return copy ? done(true, copy.id) : done(false);
    }
    case "rename":
      return done(await renameScenario({ db, workspaceId, id, title: post.title }));
    case "archive":
    case "unarchive":
      return done(await setArchived({ db, workspaceId, id, archived: post.intent === "archive" }));
    case "delete":
      return done(await deleteScenario({ db, workspaceId, id }));
    case "restore":
      return done(await restoreScenario({ db, workspaceId, id }));
    case "tags":
      return done(await setScenarioTags({ db, workspaceId, id, tags: post.tags }));
  }
}
