// data/reference-cases.json: published figures (seed and calibration) that estimates and explanations cite.
import raw from "../../../data/reference-cases.json";
import { loadOrThrow, ReferenceCasesFileSchema, type ReferenceCase } from "~/domain/kb/schemas";

const file = loadOrThrow(ReferenceCasesFileSchema, raw, "data/reference-cases.json");

export const REFERENCE_CASES: readonly ReferenceCase[] = file.cases;
export const REFERENCE_CASES_BY_ID: ReadonlyMap<string, ReferenceCase> = new Map(file.cases.map((c) => [c.id, c]));

export function referenceCase(id: string): ReferenceCase {
  const c = REFERENCE_CASES_BY_ID.get(id);
  if (!c) throw new Error(`unknown reference case ${id}`);
  return c;
}
