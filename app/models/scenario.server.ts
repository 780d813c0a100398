import { randomBytes } from "node:crypto";
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";
import { BoundedCache } from "~/lib/bounded-cache";
import { getDb, type Database, type SqlParam } from "~/models/db.server";
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

const INSERT_VERSION = "INSERT INTO scenario_versions (scenario_id, version, title, input_json, plan_json, verdict, grade, score, tier, note, created_at)";

/** The version's columns after its scenario id and number, in INSERT_VERSION's order. */
function versionColumns(input: ScenarioInput, plan: DecisionPlan, note: string | null, at: string): SqlParam[] {
  return [plan.title, JSON.stringify(input), JSON.stringify(plan), plan.feasibility.verdict, plan.feasibility.grade, plan.feasibility.score, plan.primaryTier, note, at];
}

/**
 * A new scenario and its first version: one transaction, sent to the database at once. `createKey`, the one-time token
 * of the form that asked (issue 11: Back, then submit again), makes it happen once: a second create with the same key
 * inserts nothing and answers `created: false` with the scenario the first one made.
 */
export async function createScenario({
  db: given,
  input,
  plan,
  note = null,
  createKey = null,
}: WithDb & { input: ScenarioInput; plan: DecisionPlan; note?: string | null; createKey?: string | null }): Promise<{ id: string; version: number; created: boolean }> {
  const conn = await db(given);
  const id = newScenarioId();
  const at = now();
  const [inserted, , existing] = await conn.batch<{ id: string; latest_version: number }>([
    {
      sql: "INSERT INTO scenarios (id, title, latest_version, created_at, updated_at, create_key) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (create_key) DO NOTHING",
      params: [id, plan.title, at, at, createKey],
    },
    // Finds the row it belongs to: nothing is inserted when the scenario above was not.
    { sql: `${INSERT_VERSION} SELECT id, 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM scenarios WHERE id = ?`, params: [...versionColumns(input, plan, note, at), id] },
    { sql: "SELECT id, latest_version FROM scenarios WHERE create_key = ?", params: [createKey] },
  ]);
  if (inserted.changes === 1) return { id, version: 1, created: true };
  const first = existing.rows[0];
  if (!first) throw new Error("createScenario: the scenario was neither created nor found");
  return { id: first.id, version: Number(first.latest_version), created: false };
}

/** The scenario a form token already created (not deleted), if any: checked before a plan is computed for nothing. */
export async function findByCreateKey({ db: given, createKey }: WithDb & { createKey: string }): Promise<{ id: string; title: string } | null> {
  const conn = await db(given);
  return (await conn.get<{ id: string; title: string }>("SELECT id, title FROM scenarios WHERE create_key = ? AND deleted_at IS NULL", [createKey])) ?? null;
}

/**
 * Appends a version; null when the scenario does not exist. One transaction of two statements sent at once: the
 * UPDATE takes the scenario's row lock and numbers the version (on PostgreSQL a concurrent save of the same scenario
 * waits for this one, then re-reads the row; SQLite has one writer), and the INSERT copies that number. Concurrent
 * saves from any number of servers therefore get 2, 3… and none is lost.
 */
export async function saveVersion({ db: given, id, input, plan, note = null }: WithDb & { id: string; input: ScenarioInput; plan: DecisionPlan; note?: string | null }): Promise<{ id: string; version: number } | null> {
  const conn = await db(given);
  const at = now();
  const [bumped] = await conn.batch<{ latest_version: number }>([
    // A renamed scenario keeps its name (title_custom); a deleted one takes no versions.
    { sql: "UPDATE scenarios SET latest_version = latest_version + 1, title = CASE WHEN title_custom = 1 THEN title ELSE ? END, updated_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING latest_version", params: [plan.title, at, id] },
    { sql: `${INSERT_VERSION} SELECT id, latest_version, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM scenarios WHERE id = ? AND deleted_at IS NULL`, params: [...versionColumns(input, plan, note, at), id] },
  ]);
  const version = bumped.rows[0]?.latest_version;
  return version === undefined ? null : { id, version: Number(version) };
}

// Versions never change once written, so their parsed input and plan can be kept in memory by (database, id, version):
// the plan page then skips reading and parsing ~60 KB of JSON per request.
const VERSION_CACHE_MAX = 256;
const versionCache = new BoundedCache<DecodedVersion>(VERSION_CACHE_MAX);

async function versionContent(conn: Database, id: string, version: number): Promise<DecodedVersion | null> {
  const key = `${conn.name}\n${id}\n${version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const row = await conn.get<{ input_json: string; plan_json: string }>("SELECT input_json, plan_json FROM scenario_versions WHERE scenario_id = ? AND version = ?", [id, version]);
  if (!row) return null;
  return versionCache.set(key, decodeVersion(row.input_json, row.plan_json));
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
}

const SELECT_VERSIONS =
  "SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC";
const SELECT_SHARE_LINKS = "SELECT token, scenario_id, created_at, revoked_at, version FROM share_links WHERE scenario_id = ? ORDER BY created_at DESC, token";

interface ShareLinkRow {
  token: string;
  scenario_id: string;
  created_at: string;
  revoked_at: string | null;
  version: number | null;
}
const toShareLink = (r: ShareLinkRow): ShareLink => ({ token: r.token, scenarioId: r.scenario_id, createdAt: r.created_at, revokedAt: r.revoked_at, version: r.version ?? null });

/**
 * The scenario, its versions and its share links: what the plan page needs besides the content of the version it
 * shows (which never changes and is cached). Three reads of one snapshot, sent together in one round trip.
 */
export async function getScenarioOverview({ db: given, id }: WithDb & { id: string }): Promise<ScenarioOverview | null> {
  const conn = await db(given);
  const [scenario, versions, links] = await conn.batch(
    [
      { sql: "SELECT id, title, latest_version, created_at, updated_at FROM scenarios WHERE id = ? AND deleted_at IS NULL", params: [id] },
      { sql: SELECT_VERSIONS, params: [id] },
      { sql: SELECT_SHARE_LINKS, params: [id] },
    ],
    { readOnly: true },
  );
  const row = scenario.rows[0] as { id: string; title: string; latest_version: number; created_at: string; updated_at: string } | undefined;
  if (!row) return null;
  return {
    scenario: { id: row.id, title: row.title, latestVersion: row.latest_version, createdAt: row.created_at, updatedAt: row.updated_at },
    versions: (versions.rows as unknown as VersionRow[]).map(toSummary),
    shareLinks: (links.rows as unknown as ShareLinkRow[]).map(toShareLink),
  };
}

export async function listScenarios({ db: given, ids }: WithDb & { ids?: string[] } = {}): Promise<ScenarioSummary[]> {
  const conn = await db(given);
  // Scenarios in the trash are nowhere; archived ones are still listed here (the list page filters them).
  const filter = `WHERE s.deleted_at IS NULL${ids ? ` AND s.id IN (${ids.map(() => "?").join(",") || "NULL"})` : ""}`;
  const rows = await conn.all<VersionRow & { id: string; latest_version: number; s_created_at: string; updated_at: string }>(
    `SELECT s.id, s.title, s.latest_version, s.created_at AS s_created_at, s.updated_at, v.verdict, v.grade, v.score, v.tier
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.latest_version
       ${filter}
      ORDER BY s.updated_at DESC, s.id`,
    ids ?? [],
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

export async function listVersions({ db: given, id }: WithDb & { id: string }): Promise<VersionSummary[]> {
  const conn = await db(given);
  return (await conn.all<VersionRow>(SELECT_VERSIONS, [id])).map(toSummary);
}

export async function getVersion({ db: given, id, version }: WithDb & { id: string; version: number }): Promise<ScenarioVersion | null> {
  const conn = await db(given);
  const r = await conn.get<VersionRow>(
    `SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions
      WHERE scenario_id = ? AND version = ? AND EXISTS (SELECT 1 FROM scenarios s WHERE s.id = scenario_versions.scenario_id AND s.deleted_at IS NULL)`,
    [id, version],
  );
  if (!r) return null;
  const content = await versionContent(conn, id, version);
  if (!content) return null;
  return { ...toSummary(r), scenarioId: r.scenario_id, input: structuredClone(content.input), plan: structuredClone(content.plan), upgrade: content.upgrade };
}

/**
 * A new share link, pinned to `version` (the latest one when absent), or showing whatever is latest when `version` is
 * "latest". Null when the scenario or the version does not exist. One statement: the INSERT finds them itself.
 */
export async function createShareLink({ db: given, id, version }: WithDb & { id: string; version?: number | "latest" }): Promise<ShareLink | null> {
  const conn = await db(given);
  const token = newShareToken();
  const at = now();
  const r =
    version === "latest"
      ? await conn.run<{ version: number | null }>("INSERT INTO share_links (token, scenario_id, created_at, version) SELECT ?, id, ?, NULL FROM scenarios WHERE id = ? AND deleted_at IS NULL RETURNING version", [token, at, id])
      : version === undefined
        ? await conn.run<{ version: number | null }>("INSERT INTO share_links (token, scenario_id, created_at, version) SELECT ?, id, ?, latest_version FROM scenarios WHERE id = ? AND deleted_at IS NULL RETURNING version", [token, at, id])
        : await conn.run<{ version: number | null }>(
            `INSERT INTO share_links (token, scenario_id, created_at, version)
             SELECT ?, v.scenario_id, ?, v.version FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id
              WHERE v.scenario_id = ? AND v.version = ? AND s.deleted_at IS NULL RETURNING version`,
            [token, at, id, version],
          );
  if (r.changes !== 1) return null;
  return { token, scenarioId: id, createdAt: at, revokedAt: null, version: r.rows[0]?.version ?? null };
}

/** Revokes one token of this scenario; true when a live token was revoked. The scenario id guards against revoking someone else's link. */
export async function revokeShareLink({ db: given, id, token }: WithDb & { id: string; token: string }): Promise<boolean> {
  const conn = await db(given);
  const r = await conn.run("UPDATE share_links SET revoked_at = ? WHERE token = ? AND scenario_id = ? AND revoked_at IS NULL", [now(), token, id]);
  return r.changes > 0;
}

export async function listShareLinks({ db: given, id }: WithDb & { id: string }): Promise<ShareLink[]> {
  const conn = await db(given);
  return (await conn.all<ShareLinkRow>(SELECT_SHARE_LINKS, [id])).map(toShareLink);
}

/** What a live token shows: the scenario, the version it is pinned to (null: the latest) and the latest version. */
export async function resolveShare({ db: given, token }: WithDb & { token: string }): Promise<{ scenarioId: string; version: number | null; latestVersion: number; title: string } | null> {
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
