// `tierwise admin …`: accounts from the command line, so a fresh install can be set up by a script (DESIGN.md).
// Works against the database the environment names (DATABASE_URL, else DATABASE_PATH), in either auth mode (so the
// first owner can exist before the server is switched to TIERWISE_AUTH=password).
import { z } from "zod";
import { readEnv } from "~/env.server";
import { hashPassword, passwordProblem } from "~/lib/password.server";
import {
  createApiToken,
  createUser,
  deleteUserSessions,
  emailProblem,
  ensureWorkspace,
  findWorkspaceByName,
  getUserByEmail,
  listMemberships,
  normalizeEmail,
  revokeApiToken,
  ROLES,
  setMembership,
  setPassword,
} from "~/models/accounts.server";
import { recordAudit } from "~/models/audit.server";
import { openDatabase, type Database } from "~/models/db.server";
import {
  choiceFlag,
  EXIT_FAILURE,
  EXIT_OK,
  parseCommand,
  printFieldErrors,
  readAll,
  requiredText,
  type CliIo,
  type Command,
} from "../cli-io";

const CREATE_USER_USAGE = `usage: tierwise admin create-user --email E --workspace W --role owner|editor|viewer  < password
  e.g.   printf '%s' "$PASSWORD" | npm run -s tierwise -- admin create-user --email ann@example.com --workspace Acme --role owner

  Creates the person (the password comes on stdin, at least 12 characters) and the workspace if they do not exist,
  and gives the person that role in it. For an existing person the password is optional: given, it replaces the old
  one and signs them out everywhere. Prints {"user", "email", "workspace", "role", "createdUser", "createdWorkspace"}.
`;
const CREATE_TOKEN_USAGE = `usage: tierwise admin create-token --email E [--workspace W] [--name NAME]

  An API token for scripts (send it as Authorization: Bearer <token>); it acts in one workspace with the person's
  role there (--workspace is needed when they belong to several). Prints {"token": "...", "id": "...", "workspace": "..."};
  the token is shown only this once.
`;
const REVOKE_TOKEN_USAGE = `usage: tierwise admin revoke-token --id ID

  Revokes an API token by the id create-token printed.
`;
const SIGN_OUT_USAGE = `usage: tierwise admin sign-out --email E

  Ends every session of the person (their API tokens stay valid; revoke them with revoke-token).
`;
const USAGE = `usage: tierwise admin create-user|create-token|revoke-token|sign-out [flags]

${CREATE_USER_USAGE}
${CREATE_TOKEN_USAGE}
${REVOKE_TOKEN_USAGE}
${SIGN_OUT_USAGE}`;

const email = requiredText("an email address").refine(
  (e) => emailProblem(e) === null,
  (e) => ({ message: emailProblem(e) ?? "" }),
);
const workspace = z.string().trim().min(1, "needs a name").max(100, "must be at most 100 characters");

const CreateUserFlags = z.object({ email, workspace: requiredText("the workspace's name").pipe(workspace), role: choiceFlag(ROLES) });
const CreateTokenFlags = z.object({ email, workspace: workspace.optional(), name: z.string().trim().min(1).max(80).default("cli") });
const RevokeTokenFlags = z.object({ id: requiredText("the token's id") });
const SignOutFlags = z.object({ email });

/** The database the environment names, opened (and migrated) for one command. */
async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T | number> {
  const read = readEnv(io.env);
  if (!read.env) return printFieldErrors(io, read.problems);
  const db = await openDatabase(read.env.DATABASE_URL ? { url: read.env.DATABASE_URL } : { path: read.env.DATABASE_PATH });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const ADMIN = { workspaceId: "", userId: null, label: "admin (command line)" };

function print(io: CliIo, value: unknown): number {
  io.stdout(JSON.stringify(value) + "\n");
  return EXIT_OK;
}

async function createUserCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(
    args,
    { email: { type: "string" }, workspace: { type: "string" }, role: { type: "string" } },
    CreateUserFlags,
    { min: 0, max: 0, name: "(args)" },
  );
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(CREATE_USER_USAGE), EXIT_OK);
  const { role } = parsed.flags;
  const address = normalizeEmail(parsed.flags.email);
  // The password: stdin up to the end or the first line break (what `printf '%s'` or `echo` sends).
  const password = (await readAll(io.stdin)).split(/\r?\n/)[0];
  return withDatabase(io, async (db) => {
    const existing = await getUserByEmail({ db, email: address });
    if (!existing || password !== "") {
      const problem = await passwordProblem(password);
      if (problem)
        return printFieldErrors(io, [
          { path: "password (stdin)", message: password === "" ? "is required for a new person: send it on stdin" : problem.message },
        ]);
    }
    const ws = await ensureWorkspace({ db, name: parsed.flags.workspace });
    let user = existing;
    if (!user) user = await createUser({ db, email: address, passwordHash: await hashPassword(password) });
    else if (password !== "") await setPassword({ db, userId: user.id, passwordHash: await hashPassword(password) });
    if (!user)
      return printFieldErrors(io, [{ path: "--email", message: "was created by someone else at the same moment: run the command again" }]);
    await setMembership({ db, workspaceId: ws.id, userId: user.id, role });
    await recordAudit({ db, actor: { ...ADMIN, workspaceId: ws.id }, action: "role-changed", detail: { email: address, role } });
    return print(io, { user: user.id, email: address, workspace: ws.name, role, createdUser: !existing, createdWorkspace: ws.created });
  });
}

async function createTokenCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(
    args,
    { email: { type: "string" }, workspace: { type: "string" }, name: { type: "string" } },
    CreateTokenFlags,
    { min: 0, max: 0, name: "(args)" },
  );
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(CREATE_TOKEN_USAGE), EXIT_OK);
  const { email: address, name } = parsed.flags;
  return withDatabase(io, async (db) => {
    const user = await getUserByEmail({ db, email: address });
    if (!user)
      return printFieldErrors(io, [
        { path: "--email", message: `no account for ${normalizeEmail(address)}: create it with admin create-user` },
      ]);
    const memberships = await listMemberships({ db, userId: user.id });
    let workspaceId: string | undefined;
    if (parsed.flags.workspace) {
      const ws = await findWorkspaceByName({ db, name: parsed.flags.workspace });
      workspaceId = memberships.find((m) => m.workspaceId === ws?.id)?.workspaceId;
      if (!workspaceId)
        return printFieldErrors(io, [{ path: "--workspace", message: `${user.email} is not a member of "${parsed.flags.workspace}"` }]);
    } else if (memberships.length === 1) {
      workspaceId = memberships[0].workspaceId;
    } else {
      return printFieldErrors(io, [
        {
          path: "--workspace",
          message: memberships.length
            ? `is required: ${user.email} belongs to ${memberships.map((m) => `"${m.workspaceName}"`).join(", ")}`
            : `${user.email} belongs to no workspace`,
        },
      ]);
    }
    const created = await createApiToken({ db, userId: user.id, workspaceId, name });
    await recordAudit({
      db,
      actor: { workspaceId, userId: user.id, label: `${user.email} (command line)` },
      action: "token-created",
      detail: { name },
    });
    return print(io, {
      token: created.token,
      id: created.id,
      workspace: memberships.find((m) => m.workspaceId === workspaceId)?.workspaceName,
    });
  });
}

async function revokeTokenCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, { id: { type: "string" } }, RevokeTokenFlags, { min: 0, max: 0, name: "(args)" });
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(REVOKE_TOKEN_USAGE), EXIT_OK);
  return withDatabase(io, async (db) => {
    const ok = await revokeApiToken({ db, id: parsed.flags.id });
    return ok ? print(io, { revoked: parsed.flags.id }) : printFieldErrors(io, [{ path: "--id", message: "no live token has this id" }]);
  });
}

async function signOutCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, { email: { type: "string" } }, SignOutFlags, { min: 0, max: 0, name: "(args)" });
  if (!parsed.ok) return printFieldErrors(io, parsed.errors);
  if (parsed.help) return (io.stdout(SIGN_OUT_USAGE), EXIT_OK);
  return withDatabase(io, async (db) => {
    const user = await getUserByEmail({ db, email: parsed.flags.email });
    if (!user) return printFieldErrors(io, [{ path: "--email", message: "no such account" }]);
    return print(io, { email: user.email, sessionsEnded: await deleteUserSessions({ db, userId: user.id }) });
  });
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  "create-user": createUserCommand,
  "create-token": createTokenCommand,
  "revoke-token": revokeTokenCommand,
  "sign-out": signOutCommand,
};

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h") return (io.stdout(USAGE), EXIT_OK);
  const command = sub ? SUBCOMMANDS[sub] : undefined;
  if (!command)
    return printFieldErrors(io, [
      {
        path: "admin",
        message: sub
          ? `"${sub}" is not a command: use ${Object.keys(SUBCOMMANDS).join(", ")}`
          : `needs a command: ${Object.keys(SUBCOMMANDS).join(", ")}`,
      },
    ]);
  try {
    const code = await command(rest, io);
    return code;
  } catch (err) {
    io.stderr(`tierwise admin: ${(err as Error).message}\n`);
    return EXIT_FAILURE;
  }
}

export const adminCommand: Command = {
  name: "admin",
  summary: "accounts: create-user, create-token, revoke-token, sign-out",
  usage: USAGE,
  run,
};
