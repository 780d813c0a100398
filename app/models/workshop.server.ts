// Managing scenarios for a workshop (issue 11 item 6): find (search, filter, tags, paging), duplicate as a what-if,
// rename, archive, delete with undo (a trash kept for TRASH_DAYS), tags; and reading the options a workshop compares.
// Every save is one `db.batch` whose statements find their rows themselves (no value read into JS in between).
//
// Workspaces (issue 12): every function acts in one workspace (`workspaceId`, the default workspace "local" of a
// machine without accounts when not given); another workspace's scenario is treated as one that does not exist.
import type { DecisionPlan } from "~/domain/plan-types";
import { getDb, type Database, type SqlParam, type Stmt } from "~/models/db.server";
import { LOCAL_WORKSPACE_ID } from "~/models/accounts.server";
import { getScenario, newScenarioId, type ScenarioSummary } from "~/models/scenario.server";
import { pageInfo, type PageInfo, type PageRequest } from "~/lib/paging";
import { tagKey } from "~/workshop/fields";
import { LIST_SORTS, LIST_STATUSES, TRASH_DAYS, type ListSort, type ListStatus } from "~/workshop/list";

interface WithDb {
  db?: Database;
  /** The workspace acted in; its scenarios only. */
  workspaceId?: string;
}
const open = (given?: Database) => (given ? Promise.resolve(given) : getDb());
const now = () => new Date().toISOString();

const DAY_MS = 86_400_000;
export const trashCutoff = (at: Date = new Date()) => new Date(at.getTime() - TRASH_DAYS * DAY_MS).toISOString();
export { TRASH_DAYS, LIST_STATUSES, LIST_SORTS, type ListStatus, type ListSort };

export interface ScenarioListItem extends ScenarioSummary {
  tags: string[];
  archivedAt: string | null;
  deletedAt: string | null;
  /** A what-if copy: the scenario (and its version) it was made from; the title when that still exists. */
  origin: { id: string; version: number | null; title: string | null } | null;
}

export interface ScenarioQuery {
  /** Words in the title or a tag (case-insensitive). */
  q?: string;
  /** Every one of these tags (matched by key). */
  tags?: string[];
  status?: ListStatus;
  verdict?: string;
  sort?: ListSort;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereFor(query: ScenarioQuery, at: Date, workspaceId: string): { sql: string; params: SqlParam[] } {
  const parts: string[] = ["s.workspace_id = ?"];
  const params: SqlParam[] = [workspaceId];
  switch (query.status ?? "active") {
    case "active":
      parts.push("s.deleted_at IS NULL AND s.archived_at IS NULL");
      break;
    case "archived":
      parts.push("s.deleted_at IS NULL AND s.archived_at IS NOT NULL");
      break;
    case "trash":
      parts.push("s.deleted_at IS NOT NULL AND s.deleted_at >= ?");
      params.push(trashCutoff(at));
      break;
  }
  const q = (query.q ?? "").trim();
  if (q) {
    const like = `%${likeEscape(q)}%`;
    parts.push(
      "(LOWER(s.title) LIKE LOWER(?) ESCAPE '\\' OR EXISTS (SELECT 1 FROM scenario_tags t WHERE t.scenario_id = s.id AND t.tag_key LIKE ? ESCAPE '\\'))",
    );
    params.push(like, `%${likeEscape(tagKey(q))}%`);
  }
  for (const tag of query.tags ?? []) {
    parts.push("EXISTS (SELECT 1 FROM scenario_tags t WHERE t.scenario_id = s.id AND t.tag_key = ?)");
    params.push(tagKey(tag));
  }
  if (query.verdict) {
    parts.push("v.verdict = ?");
    params.push(query.verdict);
  }
  return { sql: parts.join(" AND "), params };
}

const ORDER: Record<ListSort, string> = {
  updated: "s.updated_at DESC, s.id",
  created: "s.created_at DESC, s.id",
  title: "LOWER(s.title), s.id",
  score: "v.score DESC, s.updated_at DESC, s.id",
};

const FROM =
  "FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.latest_version LEFT JOIN scenarios o ON o.id = s.origin_id AND o.deleted_at IS NULL";

interface ListRow {
  id: string;
  title: string;
  latest_version: number;
  s_created_at: string;
  updated_at: string;
  archived_at: string | null;
  deleted_at: string | null;
  origin_id: string | null;
  origin_version: number | null;
  origin_title: string | null;
  verdict: string;
  grade: string;
  score: number;
  tier: number;
}

/** One page of scenarios with their tags: three reads of one snapshot (the page, the count, the page's tags). */
export async function findScenarios({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  page,
  at = new Date(),
  ...query
}: WithDb & ScenarioQuery & { page: PageRequest; at?: Date }): Promise<{ items: ScenarioListItem[] } & PageInfo> {
  const conn = await open(given);
  const where = whereFor(query, at, workspaceId);
  const order = ORDER[query.sort ?? "updated"];
  const pageSql = `SELECT s.id ${FROM} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const [rows, count, tags] = await conn.batch(
    [
      {
        sql: `SELECT s.id, s.title, s.latest_version, s.created_at AS s_created_at, s.updated_at, s.archived_at, s.deleted_at, s.origin_id, s.origin_version,
                     o.title AS origin_title, v.verdict, v.grade, v.score, v.tier
              ${FROM} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        params: [...where.params, page.size, page.offset],
      },
      { sql: `SELECT COUNT(*) AS n ${FROM} WHERE ${where.sql}`, params: where.params },
      {
        sql: `SELECT t.scenario_id, t.tag FROM scenario_tags t WHERE t.scenario_id IN (${pageSql}) ORDER BY t.scenario_id, t.tag_key`,
        params: [...where.params, page.size, page.offset],
      },
    ],
    { readOnly: true },
  );
  const byScenario = new Map<string, string[]>();
  for (const r of tags.rows as { scenario_id: string; tag: string }[])
    byScenario.set(r.scenario_id, [...(byScenario.get(r.scenario_id) ?? []), r.tag]);
  const items = (rows.rows as unknown as ListRow[]).map((r) => ({
    id: r.id,
    title: r.title,
    latestVersion: Number(r.latest_version),
    verdict: r.verdict as ScenarioSummary["verdict"],
    grade: r.grade as ScenarioSummary["grade"],
    score: Number(r.score),
    tier: Number(r.tier) as ScenarioSummary["tier"],
    createdAt: r.s_created_at,
    updatedAt: r.updated_at,
    tags: byScenario.get(r.id) ?? [],
    archivedAt: r.archived_at,
    deletedAt: r.deleted_at,
    origin: r.origin_id
      ? { id: r.origin_id, version: r.origin_version === null ? null : Number(r.origin_version), title: r.origin_title }
      : null,
  }));
  return { items, ...pageInfo(page, Number((count.rows[0] as { n: number } | undefined)?.n ?? 0)) };
}

/** Every tag in use on scenarios that are not in the trash, most used first. */
export async function listTags({ db: given, workspaceId = LOCAL_WORKSPACE_ID }: WithDb = {}): Promise<{ tag: string; count: number }[]> {
  const conn = await open(given);
  const rows = await conn.all<{ tag: string; n: number }>(
    `SELECT MIN(t.tag) AS tag, COUNT(*) AS n FROM scenario_tags t JOIN scenarios s ON s.id = t.scenario_id
      WHERE s.deleted_at IS NULL AND s.workspace_id = ?
      GROUP BY t.tag_key ORDER BY COUNT(*) DESC, t.tag_key`,
    [workspaceId],
  );
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/**
 * A what-if: a new scenario whose version 1 is a copy of a version (the latest when not given) of another, titled
 * "<title><suffix>", linked to its origin, with the origin's tags. Null when the origin (or that version) does not
 * exist or is deleted. One batch: each statement finds the origin itself, so nothing is half-copied.
 */
export async function duplicateScenario({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  version = null,
  suffix,
}: WithDb & { id: string; version?: number | null; suffix: string }): Promise<{ id: string } | null> {
  const conn = await open(given);
  const copy = newScenarioId();
  const at = now();
  const [created] = await conn.batch([
    {
      // The copy stays in the origin's workspace.
      sql: `INSERT INTO scenarios (id, title, latest_version, created_at, updated_at, title_custom, origin_id, origin_version, workspace_id)
            SELECT ?, s.title || ?, 1, ?, ?, 1, s.id, v.version, s.workspace_id
              FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = COALESCE(CAST(? AS INTEGER), s.latest_version)
             WHERE s.id = ? AND s.deleted_at IS NULL AND s.workspace_id = ?`,
      params: [copy, suffix, at, at, version, id, workspaceId],
    },
    {
      sql: `INSERT INTO scenario_versions (scenario_id, version, title, input_json, plan_json, verdict, grade, score, tier, note, created_at)
            SELECT c.id, 1, c.title, v.input_json, v.plan_json, v.verdict, v.grade, v.score, v.tier, ?, ?
              FROM scenarios c JOIN scenario_versions v ON v.scenario_id = c.origin_id AND v.version = c.origin_version
             WHERE c.id = ?`,
      params: ["what-if", at, copy],
    },
    {
      sql: "INSERT INTO scenario_tags (scenario_id, tag, tag_key) SELECT c.id, t.tag, t.tag_key FROM scenarios c JOIN scenario_tags t ON t.scenario_id = c.origin_id WHERE c.id = ?",
      params: [copy],
    },
  ]);
  return created.changes === 1 ? { id: copy } : null;
}

/** A new title that later versions keep. False when the scenario does not exist or is deleted. */
export async function renameScenario({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  title,
}: WithDb & { id: string; title: string }): Promise<boolean> {
  const conn = await open(given);
  const r = await conn.run(
    "UPDATE scenarios SET title = ?, title_custom = 1, updated_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL",
    [title, now(), id, workspaceId],
  );
  return r.changes === 1;
}

export async function setArchived({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  archived,
}: WithDb & { id: string; archived: boolean }): Promise<boolean> {
  const conn = await open(given);
  const r = archived
    ? await conn.run(
        "UPDATE scenarios SET archived_at = ? WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL AND archived_at IS NULL",
        [now(), id, workspaceId],
      )
    : await conn.run(
        "UPDATE scenarios SET archived_at = NULL WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL AND archived_at IS NOT NULL",
        [id, workspaceId],
      );
  return r.changes === 1;
}

/**
 * Moves a scenario to the trash (its plan page, exports and share links answer 404 from now on) and, in the same
 * batch, purges what has been in the trash longer than TRASH_DAYS: no background job needed.
 */
export async function deleteScenario({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  at = new Date(),
}: WithDb & { id: string; at?: Date }): Promise<boolean> {
  const conn = await open(given);
  const [deleted] = await conn.batch([
    // The form token is let go: the form that made it may make a new one once this is thrown away.
    {
      sql: "UPDATE scenarios SET deleted_at = ?, create_key = NULL WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL",
      params: [at.toISOString(), id, workspaceId],
    },
    { sql: "DELETE FROM scenarios WHERE deleted_at IS NOT NULL AND deleted_at < ?", params: [trashCutoff(at)] },
  ]);
  return deleted.changes === 1;
}

/** Undo: back from the trash (archived stays as it was). False once it is past the trash window. */
export async function restoreScenario({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  at = new Date(),
}: WithDb & { id: string; at?: Date }): Promise<boolean> {
  const conn = await open(given);
  const r = await conn.run(
    "UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND workspace_id = ? AND deleted_at IS NOT NULL AND deleted_at >= ?",
    [id, workspaceId, trashCutoff(at)],
  );
  return r.changes === 1;
}

/** Replaces the scenario's tags (already read by `readTags`). False when the scenario does not exist or is deleted. */
export async function setScenarioTags({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
  tags,
}: WithDb & { id: string; tags: string[] }): Promise<boolean> {
  const conn = await open(given);
  const live = "SELECT 1 FROM scenarios WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL";
  const stmts: Stmt[] = [
    // Touches the row first: it reports whether the scenario is there, and holds it until the tags are written.
    { sql: "UPDATE scenarios SET title = title WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL", params: [id, workspaceId] },
    { sql: `DELETE FROM scenario_tags WHERE scenario_id = ? AND EXISTS (${live})`, params: [id, id, workspaceId] },
    ...tags.map((tag) => ({
      sql: `INSERT INTO scenario_tags (scenario_id, tag, tag_key) SELECT id, ?, ? FROM scenarios WHERE id = ? AND workspace_id = ? AND deleted_at IS NULL`,
      params: [tag, tagKey(tag), id, workspaceId],
    })),
  ];
  const [touched] = await conn.batch(stmts);
  return touched.changes === 1;
}

export interface WorkshopScenario {
  id: string;
  title: string;
  tags: string[];
  archived: boolean;
  plan: DecisionPlan;
}

/** The scenarios a workshop view compares, in the order asked, with their latest plans and tags (deleted ones skipped). */
export async function getWorkshopScenarios({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  ids,
}: WithDb & { ids: string[] }): Promise<WorkshopScenario[]> {
  if (ids.length === 0) return [];
  const conn = await open(given);
  const marks = ids.map(() => "?").join(",");
  const [meta, tags] = await conn.batch(
    [
      // Another workspace's ids are skipped like deleted ones (and their plans are never read).
      {
        sql: `SELECT id, archived_at FROM scenarios WHERE id IN (${marks}) AND workspace_id = ? AND deleted_at IS NULL`,
        params: [...ids, workspaceId],
      },
      { sql: `SELECT scenario_id, tag FROM scenario_tags WHERE scenario_id IN (${marks}) ORDER BY tag_key`, params: ids },
    ],
    { readOnly: true },
  );
  const archived = new Map((meta.rows as { id: string; archived_at: string | null }[]).map((r) => [r.id, r.archived_at !== null]));
  const tagsOf = new Map<string, string[]>();
  for (const r of tags.rows as { scenario_id: string; tag: string }[])
    tagsOf.set(r.scenario_id, [...(tagsOf.get(r.scenario_id) ?? []), r.tag]);
  const found = await Promise.all(ids.filter((id) => archived.has(id)).map((id) => getScenario({ db: conn, id })));
  return found
    .filter((s) => s !== null)
    .map((s) => ({ id: s.id, title: s.title, tags: tagsOf.get(s.id) ?? [], archived: archived.get(s.id) ?? false, plan: s.plan }));
}

/** Ids of the scenarios carrying a tag (not deleted), most recently updated first: a workshop selected by its tag. */
export async function idsWithTag({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  tag,
  limit,
}: WithDb & { tag: string; limit: number }): Promise<string[]> {
  const conn = await open(given);
  const rows = await conn.all<{ id: string }>(
    `SELECT s.id FROM scenarios s JOIN scenario_tags t ON t.scenario_id = s.id
      WHERE t.tag_key = ? AND s.workspace_id = ? AND s.deleted_at IS NULL AND s.archived_at IS NULL
      ORDER BY s.updated_at DESC, s.id LIMIT ?`,
    [tagKey(tag), workspaceId, limit],
  );
  return rows.map((r) => r.id);
}

/** A scenario's title and state whatever its state (for the notice after an action, "Deleted “X”. Undo"); null once purged. */
export async function scenarioState({
  db: given,
  workspaceId = LOCAL_WORKSPACE_ID,
  id,
}: WithDb & { id: string }): Promise<{ title: string; archived: boolean; deleted: boolean } | null> {
  const conn = await open(given);
  const row = await conn.get<{ title: string; archived_at: string | null; deleted_at: string | null }>(
    "SELECT title, archived_at, deleted_at FROM scenarios WHERE id = ? AND workspace_id = ?",
    [id, workspaceId],
  );
  return row ? { title: row.title, archived: row.archived_at !== null, deleted: row.deleted_at !== null } : null;
}
