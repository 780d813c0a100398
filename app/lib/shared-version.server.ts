// What a share link shows: the version it is pinned to (or the latest, for a link made to follow every version), and
// whether a newer version exists. One resolution for the share page, its PDF and its chart images.
import { getVersion, resolveShare, type ScenarioVersion } from "~/models/scenario.server";

/** Share tokens are URL-safe random strings; anything else cannot be one and skips the database. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{8,128}$/;

export interface SharedVersion {
  shown: ScenarioVersion;
  /** True when the link follows the latest version instead of one fixed version. */
  followsLatest: boolean;
  latestVersion: number;
  /** The scenario's current name when the link shows the latest version (a rename is not a version). */
  title?: string;
}

export async function sharedVersion(token: string): Promise<SharedVersion | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const link = await resolveShare({ token });
  if (!link) return null;
  const shown = await getVersion({ id: link.scenarioId, version: link.version ?? link.latestVersion });
  if (!shown) return null;
  return {
    shown,
    followsLatest: link.version === null,
    latestVersion: link.latestVersion,
    ...(shown.version === link.latestVersion ? { title: link.title } : {}),
  };
}
