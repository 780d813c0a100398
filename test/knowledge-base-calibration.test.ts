// Cross-checks data/reference-cases.json against ../shared/calibration/public.json when that folder is present
// (it sits beside the project in the team workspace, not in a fresh clone).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REFERENCE_CASES } from "~/domain/kb/reference-cases";

const path = fileURLToPath(new URL("../../shared/calibration/public.json", import.meta.url));

describe.skipIf(!existsSync(path))("reference cases and the calibration set", () => {
  it("holds every published case with the same source and figures", () => {
    const calibration = JSON.parse(readFileSync(path, "utf8")) as {
      id: string;
      source: string;
      examples: number | null;
      hours: number | null;
      gpus: number | null;
    }[];
    for (const c of calibration) {
      const ours = REFERENCE_CASES.find((r) => r.id === c.id);
      expect(ours, c.id).toBeDefined();
      expect(ours!.source).toBe(c.source);
      expect(ours!.figures).toMatchObject({ examples: c.examples, hours: c.hours, gpus: c.gpus });
    }
  });
});
