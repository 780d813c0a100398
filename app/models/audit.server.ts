// The audit trail (ASVS V7.1): who created, edited, shared, revoked and exported which scenario, and the workspace's
// own events. Rows are written in the same transaction as what they record where there is one (see `auditStmt`).
import type { Principal } from "~/models/accounts.server";
import { getDb, type Database, type Stmt } from "~/models/db.server";

export const AUDIT_ACTIONS = [
  "created",
  "edited",
  "shared",
  "revoked",
  "exported",
  "invited",
  "joined",
  "role-changed",
  "removed",
  "token-created",
  "token-revoked",
  "signed-in",
  "sso-linked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  id: number;
  scenarioId: string | null;
  actor: string;
  action: AuditAction;
  detail: Record<string, string | number>;
  at: string;
}

/** Who the trail names: the person (or token), "local" without accounts, "share link" for a reader of one. */
export type Actor = Pick<Principal, "workspaceId" | "userId" | "label">;

export function auditStmt(
  actor: Actor,
  action: AuditAction,
  {
    scenarioId = null,
    detail = {},
    workspaceId = actor.workspaceId,
  }: { scenarioId?: string | null; detail?: Record<string, string | number>; workspaceId?: string } = {},
): Stmt {
  return {
    sql: "INSERT INTO audit_events (workspace_id, scenario_id, user_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    params: [workspaceId, scenarioId, actor.userId, actor.label, action, JSON.stringify(detail), new Date().toISOString()],
  };
}

export async function recordAudit({
  db: given,
  actor,
  action,
  scenarioId,
  detail,
  workspaceId,
}: {
  db?: Database;
  actor: Actor;
  action: AuditAction;
  scenarioId?: string | null;
  detail?: Record<string, string | number>;
  workspaceId?: string;
}): Promise<void> {
  const db = given ?? (await getDb());
  const stmt = auditStmt(actor, action, { scenarioId, detail, workspaceId });
  await db.run(stmt.sql, stmt.params);
}

interface AuditRow {
  id: number;
  scenario_id: string | null;
  actor: string;
  action: AuditAction;
  detail: string | null;
  at: string;
}
const toEvent = (r: AuditRow): AuditEvent => ({
  id: Number(r.id),
  scenarioId: r.scenario_id,
  actor: r.actor,
  action: r.action,
  detail: r.detail ? (JSON.parse(r.detail) as AuditEvent["detail"]) : {},
  at: r.at,
});

/** A scenario's trail, newest first. */
export async function listScenarioAudit({
  db: given,
  scenarioId,
  limit = 50,
}: {
  db?: Database;
  scenarioId: string;
  limit?: number;
}): Promise<AuditEvent[]> {
  const db = given ?? (await getDb());
  return (
    await db.all<AuditRow>(
      "SELECT id, scenario_id, actor, action, detail, at FROM audit_events WHERE scenario_id = ? ORDER BY id DESC LIMIT ?",
      [scenarioId, limit],
    )
  ).map(toEvent);
}

/** A workspace's trail, newest first (the workspace page). */
export async function listWorkspaceAudit({
  db: given,
  workspaceId,
  limit = 100,
}: {
  db?: Database;
  workspaceId: string;
  limit?: number;
}): Promise<AuditEvent[]> {
  const db = given ?? (await getDb());
  return (
    await db.all<AuditRow>(
      "SELECT id, scenario_id, actor, action, detail, at FROM audit_events WHERE workspace_id = ? ORDER BY id DESC LIMIT ?",
      [workspaceId, limit],
    )
  ).map(toEvent);
}
