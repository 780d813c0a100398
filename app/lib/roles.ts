// Roles in a workspace (shared by the server and the pages). What each may do is "at least": an owner can do what
// an editor can, an editor what a viewer can. Owners manage members; editors create, edit, share and export; viewers
// read and export.
export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
export const isRole = (v: unknown): v is Role => typeof v === "string" && (ROLES as readonly string[]).includes(v);
