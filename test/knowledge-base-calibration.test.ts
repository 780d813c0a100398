// Cross-checks data/reference-cases.json against the published cases in data/calibration/public.json (the repository's
// dated copy of ../shared/calibration/public.json, so this runs on a fresh clone too), and the copy against the team's
// file wherever that folder sits beside the project.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REFERENCE_CASES } from "~/domain/kb/reference-cases";
import { readPublicCases, SHARED_PUBLIC_FILE } from "../scripts/calibration-data";

const copy = readPublicCases();

describe("reference cases and the calibration set", () => {
  it("reads the repository's copy, which says where it comes from and when it was copied", () => {
    expect(copy.copiedFrom).toBe("../shared/calibration/public.json");
    expect(copy.copiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(copy.cases.length).toBeGreaterThanOrEqual(70);
    for (const c of copy.cases) {
      expect(c.id, "every case has an id").toMatch(/\S/);
      expect(c.source, `${c.id} has a source`).toMatch(/\S{8}/);
    }
  });

  it("holds every published case with the same source and figures", () => {
    for (const c of copy.cases) {
      const ours = REFERENCE_CASES.find((r) => r.id === c.id);
      expect(ours, c.id).toBeDefined();
      expect(ours!.source).toBe(c.source);
      expect(ours!.figures).toMatchObject({ examples: c.examples, hours: c.hours, gpus: c.gpus });
    }
  });

  // Only where the team workspace is present (a fresh clone has no ../shared): vitest lists it as skipped, not silently.
  it.skipIf(!existsSync(SHARED_PUBLIC_FILE))("the copy still matches ../shared/calibration/public.json (team workspace only)", () => {
    expect(copy.cases).toEqual(JSON.parse(readFileSync(SHARED_PUBLIC_FILE, "utf8")));
  });
});
