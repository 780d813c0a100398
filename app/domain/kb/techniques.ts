// data/techniques.json: the technique catalogue (tiers 1–3 and traditional) with the reasons that select each one.
import raw from "../../../data/techniques.json";
import { loadOrThrow, TechniquesFileSchema, type Technique } from "~/domain/kb/schemas";

const file = loadOrThrow(TechniquesFileSchema, raw, "data/techniques.json");

export const TECHNIQUES_VERSION = file.version;
/** In evaluation order: lower tiers first, so a higher tier can see what was already chosen. */
export const TECHNIQUES: readonly Technique[] = file.techniques;
export const TECHNIQUES_BY_ID: ReadonlyMap<string, Technique> = new Map(file.techniques.map((t) => [t.id, t]));
