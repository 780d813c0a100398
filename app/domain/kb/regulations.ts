// data/regulations.json: jurisdictions, regulated uses, clearances and the per-jurisdiction rules that forbid or gate
// a use (each citing the regulation, with its effective date).
import raw from "../../../data/regulations.json";
import { loadOrThrow, RegulationsFileSchema, type RegulationsFile } from "~/domain/kb/schemas";

export const REGULATIONS: RegulationsFile = loadOrThrow(RegulationsFileSchema, raw, "data/regulations.json");

export const REGULATED_USE_IDS: readonly string[] = REGULATIONS.uses.map((u) => u.id);
export const CLEARANCE_IDS: readonly string[] = REGULATIONS.clearances.map((c) => c.id);
export const JURISDICTION_IDS: readonly string[] = REGULATIONS.jurisdictions.map((j) => j.id);
