import { randomBytes } from "node:crypto";
import type { DecisionPlan } from "~/domain/plan-types";
import type { ScenarioInput } from "~/domain/scenario";
import { BoundedCache } from "~/lib/bounded-cache";
import { getDb, type Database, type Db } from "~/models/db.server";
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

const db = (given?: Database) => given ?? getDb();
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

async function insertVersion(tx: Db, id: string, version: number, input: ScenarioInput, plan: DecisionPlan, note: string | null, at: string) {
  await tx.run(
    `INSERT INTO scenario_versions (scenario_id, version, title, input_json, plan_json, verdict, grade, score, tier, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, version, plan.title, JSON.stringify(input), JSON.stringify(plan), plan.feasibility.verdict, plan.feasibility.grade, plan.feasibility.score, plan.primaryTier, note, at],
  );
}

export async function createScenario({ db: given, input, plan, note = null }: WithDb & { input: ScenarioInput; plan: DecisionPlan; note?: string | null }): Promise<{ id: string; version: number }> {
  const conn = await db(given);
  const id = newScenarioId();
  const at = now();
  await conn.transaction(async (tx) => {
    await tx.run("INSERT INTO scenarios (id, title, latest_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)", [id, plan.title, at, at]);
    await insertVersion(tx, id, 1, input, plan, note, at);
  });
  return { id, version: 1 };
}

/** Appends a version; the number is taken inside the transaction so concurrent saves get 2, 3… and none is lost. Null when the scenario does not exist. */
export async function saveVersion({ db: given, id, input, plan, note = null }: WithDb & { id: string; input: ScenarioInput; plan: DecisionPlan; note?: string | null }): Promise<{ id: string; version: number } | null> {
  const conn = await db(given);
  return conn.transaction(async (tx) => {
    const row = await tx.get<{ latest_version: number }>("SELECT latest_version FROM scenarios WHERE id = ?", [id]);
    if (!row) return null;
    const version = row.latest_version + 1;
    const at = now();
    await insertVersion(tx, id, version, input, plan, note, at);
    await tx.run("UPDATE scenarios SET latest_version = ?, title = ?, updated_at = ? WHERE id = ?", [version, plan.title, at, id]);
    return { id, version };
  });
}

// Versions never change once written, so their parsed input and plan can be kept in memory by (database, id, version):
// the plan page then skips reading and parsing ~60 KB of JSON per request.
const VERSION_CACHE_MAX = 256;
const versionCache = new BoundedCache<DecodedVersion>(VERSION_CACHE_MAX);

async function versionContent(conn: Database, id: string, version: number): Promise<DecodedVersion | null> {
  const key = `${conn.path}\n${id}\n${version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const row = await conn.get<{ input_json: string; plan_json: string }>("SELECT input_json, plan_json FROM scenario_versions WHERE scenario_id = ? AND version = ?", [id, version]);
  if (!row) return null;
  return versionCache.set(key, decodeVersion(row.input_json, row.plan_json));
}

export async function getScenario({ db: given, id }: WithDb & { id: string }): Promise<Scenario | null> {
  const conn = await db(given);
  const row = await conn.get<{ id: string; title: string; latest_version: number; created_at: string; updated_at: string }>(
    "SELECT id, title, latest_version, created_at, updated_at FROM scenarios WHERE id = ?",
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

/**
 * The scenario, its versions and its share links in one round trip to SQLite (JSON sub-selects): what the plan page
 * needs besides the content of the version it shows, which never changes and is cached.
 */
export async function getScenarioOverview({ db: given, id }: WithDb & { id: string }): Promise<ScenarioOverview | null> {
  const conn = await db(given);
  const row = await conn.get<{ id: string; title: string; latest_version: number; created_at: string; updated_at: string; versions: string; links: string }>(
    `SELECT s.id, s.title, s.latest_version, s.created_at, s.updated_at,
            (SELECT json_group_array(json_object('scenario_id', v.scenario_id, 'version', v.version, 'title', v.title, 'verdict', v.verdict,
                     'grade', v.grade, 'score', v.score, 'tier', v.tier, 'note', v.note, 'created_at', v.created_at))
               FROM (SELECT * FROM scenario_versions WHERE scenario_id = s.id ORDER BY version DESC) v) AS versions,
            (SELECT json_group_array(json_object('token', l.token, 'created_at', l.created_at, 'revoked_at', l.revoked_at))
               FROM (SELECT * FROM share_links WHERE scenario_id = s.id ORDER BY created_at DESC) l) AS links
       FROM scenarios s WHERE s.id = ?`,
    [id],
  );
  if (!row) return null;
  return {
    scenario: { id: row.id, title: row.title, latestVersion: row.latest_version, createdAt: row.created_at, updatedAt: row.updated_at },
    versions: (JSON.parse(row.versions) as VersionRow[]).map(toSummary),
    shareLinks: (JSON.parse(row.links) as { token: string; created_at: string; revoked_at: string | null }[]).map((l) => ({
      token: l.token,
      scenarioId: id,
      createdAt: l.created_at,
      revokedAt: l.revoked_at,
    })),
  };
}

export async function listScenarios({ db: given, ids }: WithDb & { ids?: string[] } = {}): Promise<ScenarioSummary[]> {
  const conn = await db(given);
  const filter = ids ? `WHERE s.id IN (${ids.map(() => "?").join(",") || "NULL"})` : "";
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
  const rows = await conn.all<VersionRow>(
    "SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC",
    [id],
  );
  return rows.map(toSummary);
}

export async function getVersion({ db: given, id, version }: WithDb & { id: string; version: number }): Promise<ScenarioVersion | null> {
  const conn = await db(given);
  const r = await conn.get<VersionRow>(
    "SELECT scenario_id, version, title, verdict, grade, score, tier, note, created_at FROM scenario_versions WHERE scenario_id = ? AND version = ?",
    [id, version],
  );
  if (!r) return null;
  const content = await versionContent(conn, id, version);
  if (!content) return null;
  return { ...toSummary(r), scenarioId: r.scenario_id, input: structuredClone(content.input), plan: structuredClone(content.plan), upgrade: content.upgrade };
}

export async function createShareLink({ db: given, id }: WithDb & { id: string }): Promise<ShareLink | null> {
  const conn = await db(given);
  return conn.transaction(async (tx) => {
    const exists = await tx.get("SELECT 1 AS one FROM scenarios WHERE id = ?", [id]);
    if (!exists) return null;
    const link: ShareLink = { token: newShareToken(), scenarioId: id, createdAt: now(), revokedAt: null };
    await tx.run("INSERT INTO share_links (token, scenario_id, created_at) VALUES (?, ?, ?)", [link.token, id, link.createdAt]);
    return link;
  });
}

/** Revokes one token of this scenario; true when a live token was revoked. The scenario id guards against revoking someone else's link. */
export async function revokeShareLink({ db: given, id, token }: WithDb & { id: string; token: string }): Promise<boolean> {
  const conn = await db(given);
  const r = await conn.run("UPDATE share_links SET revoked_at = ? WHERE token = ? AND scenario_id = ? AND revoked_at IS NULL", [now(), token, id]);
  return r.changes > 0;
}

export async function listShareLinks({ db: given, id }: WithDb & { id: string }): Promise<ShareLink[]> {
  const conn = await db(given);
  const rows = await conn.all<{ token: string; scenario_id: string; created_at: string; revoked_at: string | null }>(
    "SELECT token, scenario_id, created_at, revoked_at FROM share_links WHERE scenario_id = ? ORDER BY created_at DESC",
    [id],
  );
  return rows.map((r) => ({ token: r.token, scenarioId: r.scenario_id, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** The scenario id a live token points to, or null for unknown and revoked tokens alike. */
export async function resolveShareLink({ db: given, token }: WithDb & { token: string }): Promise<string | null> {
  const conn = await db(given);
  const row = await conn.get<{ scenario_id: string }>("SELECT scenario_id FROM share_links WHERE token = ? AND revoked_at IS NULL", [token]);
  return row?.scenario_id ?? null;
}
