// The published cases the calibration compares with: data/calibration/public.json, a dated copy of the team's
// ../shared/calibration/public.json kept in the repository so `npm run calibrate` and the tests run on a fresh clone
// (test/knowledge-base-calibration.test.ts checks the copy against the team's file wherever that folder exists).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PublicCase } from "./calibration";

export const PUBLIC_CASES_FILE = fileURLToPath(new URL("../data/calibration/public.json", import.meta.url));
/** The team's file the copy was taken from, when the project sits in the team workspace. */
export const SHARED_PUBLIC_FILE = fileURLToPath(new URL("../../shared/calibration/public.json", import.meta.url));

export interface PublicCasesCopy {
  about: string;
  copiedFrom: string;
  copiedOn: string;
  check: string;
  cases: PublicCase[];
}

export function readPublicCases(file = PUBLIC_CASES_FILE): PublicCasesCopy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`calibration cases: cannot read ${file}: ${(err as Error).message}`);
  }
  const copy = parsed as PublicCasesCopy;
  if (!copy || !Array.isArray(copy.cases) || typeof copy.copiedOn !== "string" || typeof copy.copiedFrom !== "string") {
    throw new Error(`calibration cases: ${file} must hold { copiedFrom, copiedOn, cases: [...] }`);
  }
  return copy;
}
