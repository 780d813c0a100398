import { deepFreeze } from "~/lib/deep-freeze";
import { randomBytes } from "node:crypto";
import { asPlanText, type PlanText } from "~/domain/plan-text";
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";
import { BoundedCache } from "~/lib/bounded-cache";
import { LOCAL_WORKSPACE_ID } from "~/models/accounts.server";
import type { Actor } from "~/models/audit.server";
import { getDb, type Database, type SqlParam, type Stmt } from "~/models/db.server";
import { claimed, claimStmt, dropClaimUnlessStmt, fillAnswerStmt, findAnswer, type IdempotencyClaim } from "~/models/idempotency.server";
import { decodeVersion, type DecodedVersion, type PlanUpgrade } from "~/models/plan-codec.server";

// Every function takes one object argument; `db` is optional so tests can pass a database opened on a temp file.
interface WithDb {
  db?: Database;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  latestVersion: number;
  verdict: DecisionPlan["feasibility"]["verdict"];
  grade: DecisionPlan["feasibility"]["grade"];
  score: number;
  tier: DecisionPlan["primaryTier"];
  createdAt: string;
  updatedAt: string;
}

export interface VersionSummary {
  version: number;
  title: string;
  verdict: ScenarioSummary["verdict"];
  grade: ScenarioSummary["grade"];
  score: number;
  tier: ScenarioSummary["tier"];
  note: string | null;
  createdAt: string;
}

export interface ScenarioVersion extends VersionSummary {
  scenarioId: string;
  input: ScenarioInput;
  plan: DecisionPlan;
  /** Set when the stored plan was written by an older engine and was recomputed from its input on read. */
  upgrade: PlanUpgrade | null;
}

export interface Scenario {
  id: string;
  title: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
  input: ScenarioInput;
  plan: DecisionPlan;
  upgrade: PlanUpgrade | null;
}

export interface ShareLink {
  token: string;
  scenarioId: string;
  createdAt: string;
  revokedAt: string | null;
  /** The version the link shows; null: always the latest one. */
  version: number | null;
}

const ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
/** 12 characters from a 31-letter alphabet: ~59 bits, short enough for a URL, not enumerable. */
export const SCENARIO_ID_PATTERN = /^[2-9a-hjkmnp-z]{12}$/;

export function newScenarioId(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

/** 32 random bytes: a share link can only be found by someone who was given it. */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

const db = (given?: Database) => (given ? Promise.resolve(given) : getDb());
const now = () => new Date().toISOString();

interface VersionRow {
  scenario_id: string;
  version: number;
  title: string;
  verdict: string;
  grade: string;
  score: number;
  tier: number;
  note: string | null;
  created_at: string;
  input_json?: string;
  plan_json?: string;
}

function toSummary(r: VersionRow): VersionSummary {
  return {
    version: r.version,
    title: r.title,
    verdict: r.verdict as VersionSummary["verdict"],
    grade: r.grade as VersionSummary["grade"],
    score: r.score,
    tier: r.tier as VersionSummary["tier"],
    note: r.note,
    createdAt: r.created_at,
  };
}

const INSERT_VERSION =
  "INSERT INTO scenario_versions (scenario_id, version, title, input_json, plan_json, verdict, grade, score, tier, note, created_at)";

/** The version's columns after its scenario id and number, in INSERT_VERSION's order. */
function versionColumns(input: ScenarioInput, plan: PlanText, note: string | null, at: string): SqlParam[] {
  return [plan.title, JSON.stringify(input), plan.json, plan.verdict, plan.grade, plan.score, plan.primaryTier, note, at];
}

/**
 * An Idempotency-Key's claim and the answer to store with the save: `body` gets the new row's id (scenario id, share
 * token); `{{version}}` in it stands for the version number the save gives.
 */
export type IdempotentSave = Omit<IdempotencyClaim, "claim"> & { status: number; body: (id: string) => string };

/**
 * A new scenario and its first version in `workspaceId`, with its audit row: one transaction, sent to the database at
 * once. Made once even when asked twice:
 * - `createKey`, the one-time token of the form that asked (issue 11: Back, then submit again): a second create with
 *   the same key inserts nothing and answers `created: false` with the scenario the first one made;
 * - `idempotency`, an API Idempotency-Key: its answer is stored in the same transaction; if another request with the
 *   same key stored one first, nothing is written and the answer names the scenario that request created.
 */
export async function createScenario({
  db: given,
  input,
  plan: planGiven,
  note = null,
  createKey = null,
  workspaceId = LOCAL_WORKSPACE_ID,
  actor,
  idempotency,
}: WithDb & {
  input: ScenarioInput;
  /** The plan object, or its JSON text from the plan pool (stored as it is). */
  plan: DecisionPlan | PlanText;
  note?: string | null;
  createKey?: string | null;
  workspaceId?: string;
  actor?: Actor;
  idempotency?: IdempotentSave;
}): Promise<{ id: string; version: number; created: boolean }> {
  const conn = await db(given);
  const plan = asPlanText(planGiven);
  const id = newScenarioId();
  const at = now();
  const claim = idempotency ? { ...idempotency, claim: id } : undefined;
  const gate = claimed(claim);
  const stmts: Stmt[] = [
    ...(claim && idempotency ? [claimStmt(claim, idempotency.status, idempotency.body(id).replace("{{version}}", "1"))] : []),
    {
      // SQLite needs the WHERE to tell the SELECT from the upsert clause; the gate is `1 = 1` without a claim.
      sql: `INSERT INTO scenarios (id, title, latest_version, created_at, updated_at, create_key, workspace_id) SELECT ?, ?, 1, ?, ?, ?, ? WHERE ${gate.sql} ON CONFLICT (create_key) DO NOTHING`,
      params: [id, plan.title, at, at, createKey, workspaceId, ...gate.params],
    },
    // Both find the row they belong to: nothing is inserted when the scenario above was not.
    {
      sql: `${INSERT_VERSION} SELECT id, 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM scenarios WHERE id = ?`,
      params: [...versionColumns(input, plan, note, at), id],
    },
    ...(actor ? [auditStmtFor(id, { ...actor, workspaceId }, "created", { version: 1 }, at)] : []),
  ];
  const results = await conn.batch<{ id: string; latest_version: number }>(
    createKey ? [...stmts, { sql: "SELECT id, latest_version FROM scenarios WHERE create_key = ?", params: [createKey] }] : stmts,
  );
  if (results[claim ? 1 : 0].changes === 1) return { id, version: 1, created: true };
  if (claim) {
    // Another request with the same Idempotency-Key stored its answer first: the scenario it made.
    const first = await conn.get<{ claim: string }>("SELECT claim FROM idempotency_keys WHERE scope = ? AND idem_key = ?", [
      claim.scope,
      claim.key,
    ]);
    if (first) return { id: first.claim, version: 1, created: false };
  }
  const existing = results[results.length - 1].rows[0];
  if (!createKey || !existing) throw new Error("createScenario: the scenario was neither created nor found");
  return { id: existing.id, version: Number(existing.latest_version), created: false };
}

/** The audit row of a save, written only if the scenario row exists (so a save that wrote nothing records nothing). */
function auditStmtFor(
  scenarioId: string,
  actor: Actor,
  action: "created" | "edited",
  detail: Record<string, string | number>,
  at: string,
): Stmt {
  return {
    sql: "INSERT INTO audit_events (workspace_id, scenario_id, user_id, actor, action, detail, at) SELECT ?, id, ?, ?, ?, ?, ? FROM scenarios WHERE id = ?",
    params: [actor.workspaceId, actor.userId, actor.label, action, JSON.stringify(detail), at, scenarioId],
  };
}

/** The scenario a form token already created (not deleted), if any: checked before a plan is computed for nothing. */
export async function findByCreateKey({
  db: given,
  createKey,
  workspaceId = LOCAL_WORKSPACE_ID,
}: WithDb & { createKey: string; workspaceId?: string }): Promise<{ id: string; title: string } | null> {
  const conn = await db(given);
  return (
    (await conn.get<{ id: string; title: string }>(
      "SELECT id, title FROM scenarios WHERE create_key = ? AND workspace_id = ? AND deleted_at IS NULL",
      [createKey, workspaceId],
    )) ?? null
  );
}

/**
 * Appends a version; null when the scenario does not exist. One transaction of two statements sent at once: the
 * UPDATE takes the scenario's row lock and numbers the version (on PostgreSQL a concurrent save of the same scenario
 * waits for this one, then re-reads the row; SQLite has one writer), and the INSERT copies that number. Concurrent
 * saves from any number of servers therefore get 2, 3… and none is lost.
 */
export async function saveVersion({
  db: given,
  id,
  input,
  plan: planGiven,
  note = null,
  actor,
  idempotency,
}: WithDb & {
  id: string;
  input: ScenarioInput;
  /** The plan object, or its JSON text from the plan pool (stored as it is). */
  plan: DecisionPlan | PlanText;
  note?: string | null;
  actor?: Actor;
  idempotency?: IdempotentSave;
}): Promise<{ id: string; version: number; replayed?: boolean } | null> {
  const conn = await db(given);
  const plan = asPlanText(planGiven);
  const at = now();
  const claim = idempotency ? { ...idempotency, claim: newShareToken() } : undefined;
  const gate = claimed(claim);
  const stmts: Stmt[] = [
    ...(claim && idempotency ? [claimStmt(claim, idempotency.status, idempotency.body(id))] : []),
    // A renamed scenario keeps its name (title_custom); a deleted one takes no versions.
    {
      sql: `UPDATE scenarios SET latest_version = latest_version + 1, title = CASE WHEN title_custom = 1 THEN title ELSE ? END, updated_at = ? WHERE id = ? AND deleted_at IS NULL AND ${gate.sql} RETURNING latest_version`,
      params: [plan.title, at, id, ...gate.params],
    },
    {
      sql: `${INSERT_VERSION} SELECT id, latest_version, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM scenarios WHERE id = ? AND deleted_at IS NULL AND ${gate.sql}`,
      params: [...versionColumns(input, plan, note, at), id, ...gate.params],
    },
    ...(claim
      ? [
          // No such scenario (or in the trash): the claim goes, so the key answers nothing rather than a version.
          dropClaimUnlessStmt(claim, "SELECT 1 FROM scenarios WHERE id = ? AND deleted_at IS NULL", [id]),
          fillAnswerStmt(claim, "version", "SELECT latest_version FROM scenarios WHERE id = ?", [id]),
        ]
      : []),
    ...(actor
      ? [
          {
            sql: `INSERT INTO audit_events (workspace_id, scenario_id, user_id, actor, action, detail, at)
                  SELECT workspace_id, id, ?, ?, 'edited', '{"version":' || CAST(latest_version AS TEXT) || '}', ? FROM scenarios WHERE id = ? AND deleted_at IS NULL AND ${gate.sql}`,
            params: [actor.userId, actor.label, at, id, ...gate.params],
          },
        ]
      : []),
  ];
  const results = await conn.batch<{ latest_version: number }>(stmts);
  const bumped = results[claim ? 1 : 0];
  const version = bumped.rows[0]?.latest_version;
  if (version !== undefined) return { id, version: Number(version) };
  if (claim) {
    const first = await findAnswer({ db: conn, scope: claim.scope, key: claim.key });
    const replayedVersion = first ? Number((JSON.parse(first.body) as { version?: unknown }).version) : NaN;
    if (Number.isInteger(replayedVersion)) return { id, version: replayedVersion, replayed: true };
  }
  return null;
}

// Versions never change once written, so their parsed input and plan can be kept in memory by (database, id, version):
// the plan page then skips reading and parsing ~60 KB of JSON per request. Kept frozen: readers that only look
// (`getVersion({readOnly: true})`) share it without a copy; a copy costs ~2.6 ms per plan (structuredClone, 90 KB
// plan), twice per plan-page view before.
const VERSION_CACHE_MAX = 256;
const versionCache = new BoundedCache<DecodedVersion>(VERSION_CACHE_MAX);

async function versionContent(conn: Database, id: string, version: number): Promise<DecodedVersion | null> {
  const key = `${conn.name}\n${id}\n${version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const row = await conn.get<{ input_json: string; plan_json: string }>(
    "SELECT input_json, plan_json FROM scenario_versions WHERE scenario_id = ? AND version = ?",
    [id, version],
  );
  if (!row) return null;
  return versionCache.set(key, deepFreeze(decodeVersion(row.input_json, row.plan_json)));
}

export async function getScenario({ db: given, id }: WithDb & { id: string }): Promise<Scenario | null> {
  const conn = await db(given);
  const row = await conn.get<{ id: string; title: string; latest_version: number; created_at: string; updated_at: string }>(
    "SELECT id, title, latest_version, created_at, updated_at FROM scenarios WHERE id = ? AND deleted_at IS NULL",
    [id],
  );
  if (!row) return null;
  const content = await versionContent(conn, id, row.latest_version);
  if (!content) return null;
  // Callers may modify what they get; the cached copy must stay as stored.
  return {
    id: row.id,
    title: row.title,
    latestVersion: row.latest_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    input: structuredClone(content.input),
    plan: structuredClone(content.plan),
    upgrade: content.upgrade,
  };
}

export interface ScenarioOverview {
  scenario: Omit<Scenario, "input" | "plan" | "upgrade">;
  versions: VersionSummary[];
  shareLinks: ShareLink[];
  /** A what-if copy: the scenario and version it was made from, while that scenario is not deleted; null otherwise. */
  origin: { id: string; version: number; title: string } | null;
}

const SELECT_VERSIONS =
  "SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC";
const SELECT_SHARE_LINKS =
  "SELECT token, scenario_id, created_at, revoked_at, version FROM share_links WHERE scenario_id = ? ORDER BY created_at DESC, token";

interface ShareLinkRow {
  token: string;
  scenario_id: string;
  created_at: string;
  revoked_at: string | null;
  version: number | null;
}
const toShareLink = (r: ShareLinkRow): ShareLink => ({
  token: r.token,
  scenarioId: r.scenario_id,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  version: r.version ?? null,
});

/**
 * The scenario, its versions and its share links: what the plan page needs besides the content of the version it
 * shows (which never changes and is cached). Three reads of one snapshot, sent together in one round trip.
 */
export async function getScenarioOverview({ db: given, id }: WithDb & { id: string }): Promise<ScenarioOverview | null> {
  const conn = await db(given);
  const [scenario, versions, links] = await conn.batch(
    [
      {
        // The origin is in the same workspace (a what-if is copied into its origin's), so a reader of this one may see its name.
        sql: `SELECT s.id, s.title, s.latest_version, s.created_at, s.updated_at, o.id AS origin_id, s.origin_version, o.title AS origin_title
                FROM scenarios s LEFT JOIN scenarios o ON o.id = s.origin_id AND o.deleted_at IS NULL AND o.workspace_id = s.workspace_id
               WHERE s.id = ? AND s.deleted_at IS NULL`,
        params: [id],
      },
      { sql: SELECT_VERSIONS, params: [id] },
      { sql: SELECT_SHARE_LINKS, params: [id] },
    ],
    { readOnly: true },
  );
  const row = scenario.rows[0] as
    | {
        id: string;
        title: string;
        latest_version: number;
        created_at: string;
        updated_at: string;
        origin_id: string | null;
        origin_version: number | string | null;
        origin_title: string | null;
      }
    | undefined;
  if (!row) return null;
  return {
    scenario: { id: row.id, title: row.title, latestVersion: row.latest_version, createdAt: row.created_at, updatedAt: row.updated_at },
    versions: (versions.rows as unknown as VersionRow[]).map(toSummary),
    shareLinks: (links.rows as unknown as ShareLinkRow[]).map(toShareLink),
    origin:
      row.origin_id && row.origin_title !== null && row.origin_version !== null
        ? { id: row.origin_id, version: Number(row.origin_version), title: row.origin_title }
        : null,
  };
}

/** Newest first; only `workspaceId`'s scenarios when given (the list page's search and paging: workshop's findScenarios). */
export async function listScenarios({ db: given, ids, workspaceId }: WithDb & { ids?: string[]; workspaceId?: string } = {}): Promise<
  ScenarioSummary[]
> {
  const conn = await db(given);
  // Scenarios in the trash are nowhere; archived ones are still listed here (the list page filters them).
  const clauses = [
    "s.deleted_at IS NULL",
    ...(ids ? [`s.id IN (${ids.map(() => "?").join(",") || "NULL"})`] : []),
    ...(workspaceId !== undefined ? ["s.workspace_id = ?"] : []),
  ];
  const params = [...(ids ?? []), ...(workspaceId !== undefined ? [workspaceId] : [])];
  const rows = await conn.all<VersionRow & { id: string; latest_version: number; s_created_at: string; updated_at: string }>(
    `SELECT s.id, s.title, s.latest_version, s.created_at AS s_created_at, s.updated_at, v.verdict, v.grade, v.score, v.tier
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.latest_version
      WHERE ${clauses.join(" AND ")}
      ORDER BY s.updated_at DESC, s.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    latestVersion: r.latest_version,
    verdict: r.verdict as ScenarioSummary["verdict"],
    grade: r.grade as ScenarioSummary["grade"],
    score: r.score,
    tier: r.tier as ScenarioSummary["tier"],
    createdAt: r.s_created_at,
    updatedAt: r.updated_at,
  }));
}

/** The workspace a scenario belongs to, or null when there is no such scenario. */
export async function scenarioWorkspace({ db: given, id }: WithDb & { id: string }): Promise<string | null> {
  const conn = await db(given);
  const row = await conn.get<{ workspace_id: string }>("SELECT workspace_id FROM scenarios WHERE id = ?", [id]);
  return row?.workspace_id ?? null;
}

export async function listVersions({ db: given, id }: WithDb & { id: string }): Promise<VersionSummary[]> {
  const conn = await db(given);
  return (await conn.all<VersionRow>(SELECT_VERSIONS, [id])).map(toSummary);
}

/**
 * One version with its input and plan: a copy the caller may change, or with `readOnly` the cached objects themselves,
 * frozen (changing them throws), for readers that only look (the plan page, its charts).
 */
export async function getVersion({
  db: given,
  id,
  version,
  readOnly = false,
}: WithDb & { id: string; version: number; readOnly?: boolean }): Promise<ScenarioVersion | null> {
  const conn = await db(given);
  const r = await conn.get<VersionRow>(
    `SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions
      WHERE scenario_id = ? AND version = ? AND EXISTS (SELECT 1 FROM scenarios s WHERE s.id = scenario_versions.scenario_id AND s.deleted_at IS NULL)`,
    [id, version],
  );
  if (!r) return null;
  const content = await versionContent(conn, id, version);
  if (!content) return null;
  return {
    ...toSummary(r),
    scenarioId: r.scenario_id,
    input: readOnly ? content.input : structuredClone(content.input),
    plan: readOnly ? content.plan : structuredClone(content.plan),
    upgrade: content.upgrade,
  };
}

/**
 * A new share link, pinned to `version` (the latest one when absent), or showing whatever is latest when `version` is
 * "latest". Null when the scenario or the version does not exist. One statement: the INSERT finds them itself.
 */
type ShareLinkRequest = WithDb & { id: string; version?: number | "latest" };
export async function createShareLink(args: ShareLinkRequest & { idempotency?: undefined }): Promise<ShareLink | null>;
export async function createShareLink(
  args: ShareLinkRequest & { idempotency: IdempotentSave },
): Promise<ShareLink | { replayed: true } | null>;
export async function createShareLink({
  db: given,
  id,
  version,
  idempotency,
}: ShareLinkRequest & { idempotency?: IdempotentSave }): Promise<ShareLink | { replayed: true } | null> {
  const conn = await db(given);
  const token = newShareToken();
  const at = now();
  const claim = idempotency ? { ...idempotency, claim: token } : undefined;
  const gate = claimed(claim);
  const insert: Stmt =
    version === "latest"
      ? {
          sql: `INSERT INTO share_links (token, scenario_id, created_at, version) SELECT ?, id, ?, NULL FROM scenarios WHERE id = ? AND deleted_at IS NULL AND ${gate.sql} RETURNING version`,
          params: [token, at, id, ...gate.params],
        }
      : version === undefined
        ? {
            sql: `INSERT INTO share_links (token, scenario_id, created_at, version) SELECT ?, id, ?, latest_version FROM scenarios WHERE id = ? AND deleted_at IS NULL AND ${gate.sql} RETURNING version`,
            params: [token, at, id, ...gate.params],
          }
        : {
            sql: `INSERT INTO share_links (token, scenario_id, created_at, version)
                  SELECT ?, v.scenario_id, ?, v.version FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id
                   WHERE v.scenario_id = ? AND v.version = ? AND s.deleted_at IS NULL AND ${gate.sql} RETURNING version`,
            params: [token, at, id, version, ...gate.params],
          };
  if (!claim || !idempotency) {
    const r = await conn.run<{ version: number | null }>(insert.sql, insert.params);
    return r.changes === 1 ? { token, scenarioId: id, createdAt: at, revokedAt: null, version: r.rows[0]?.version ?? null } : null;
  }
  const results = await conn.batch<{ version: number | null }>([
    claimStmt(claim, idempotency.status, idempotency.body(token)),
    insert,
    dropClaimUnlessStmt(claim, "SELECT 1 FROM share_links WHERE token = ?", [token]),
    fillAnswerStmt(claim, "version", "SELECT version FROM share_links WHERE token = ?", [token]),
  ]);
  if (results[1].changes === 1)
    return { token, scenarioId: id, createdAt: at, revokedAt: null, version: results[1].rows[0]?.version ?? null };
  // Another request with the same key made its link first (its answer is the one to give), or nothing to link to.
  const holder = await conn.get<{ claim: string }>("SELECT claim FROM idempotency_keys WHERE scope = ? AND idem_key = ?", [
    claim.scope,
    claim.key,
  ]);
  return holder && holder.claim !== token ? { replayed: true } : null;
}

/** Revokes one token of this scenario; true when a live token was revoked. The scenario id guards against revoking someone else's link. */
export async function revokeShareLink({ db: given, id, token }: WithDb & { id: string; token: string }): Promise<boolean> {
  const conn = await db(given);
  const r = await conn.run("UPDATE share_links SET revoked_at = ? WHERE token = ? AND scenario_id = ? AND revoked_at IS NULL", [
    now(),
    token,
    id,
  ]);
  return r.changes > 0;
}

export async function listShareLinks({ db: given, id }: WithDb & { id: string }): Promise<ShareLink[]> {
  const conn = await db(given);
  return (await conn.all<ShareLinkRow>(SELECT_SHARE_LINKS, [id])).map(toShareLink);
}

/** What a live token shows: the scenario, the version it is pinned to (null: the latest) and the latest version. */
export async function resolveShare({
  db: given,
  token,
}: WithDb & { token: string }): Promise<{ scenarioId: string; version: number | null; latestVersion: number; title: string } | null> {
  const conn = await db(given);
  const row = await conn.get<{ scenario_id: string; version: number | null; latest_version: number; title: string }>(
    "SELECT l.scenario_id, l.version, s.latest_version, s.title FROM share_links l JOIN scenarios s ON s.id = l.scenario_id WHERE l.token = ? AND l.revoked_at IS NULL AND s.deleted_at IS NULL",
    [token],
  );
  return row ? { scenarioId: row.scenario_id, version: row.version ?? null, latestVersion: row.latest_version, title: row.title } : null;
}

/** Revokes a live token whichever scenario it belongs to (the API's DELETE /api/shares/:token); false if none was live. */
export async function revokeShare({ db: given, token }: WithDb & { token: string }): Promise<boolean> {
  const conn = await db(given);
  const r = await conn.run("UPDATE share_links SET revoked_at = ? WHERE token = ? AND revoked_at IS NULL", [now(), token]);
  return r.changes > 0;
}

/** The scenario id a live token points to, or null for unknown and revoked tokens and deleted scenarios alike. */
export async function resolveShareLink({ db: given, token }: WithDb & { token: string }): Promise<string | null> {
  const conn = await db(given);
  const row = await conn.get<{ scenario_id: string }>(
    "SELECT l.scenario_id FROM share_links l JOIN scenarios s ON s.id = l.scenario_id WHERE l.token = ? AND l.revoked_at IS NULL AND s.deleted_at IS NULL",
    [token],
  );
  return row?.scenario_id ?? null;
}
