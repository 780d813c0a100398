import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { covers, readCoverage } from "~/report/font-coverage.server";
import { leanCollection, postscriptNameOf } from "~/report/font-lean.server";
import { REPORT_FONT_POSTSCRIPT, reportFontPath } from "~/report/fonts.server";

const shipped = readFileSync(reportFontPath());

describe("report font", () => {
  it("covers Chinese, Latin and the symbols the report prints", () => {
    const cov = readCoverage(shipped, REPORT_FONT_POSTSCRIPT);
    for (const ch of "画室评语小工具ABCxyz0123456789¥$€–−±×≈…·：（）【】") expect(covers(cov, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ["🚀", "ع", "ש"]) expect(covers(cov, ch.codePointAt(0)!), ch).toBe(false);
  });

  it("rebuilds the face as a one-face collection with the same name and coverage, minus the glyph names", () => {
    const lean = leanCollection(shipped, REPORT_FONT_POSTSCRIPT);
    expect(lean.toString("latin1", 0, 4)).toBe("ttcf");
    expect(lean.readUInt32BE(8)).toBe(1);
    expect(postscriptNameOf(lean, lean.readUInt32BE(12))).toBe(REPORT_FONT_POSTSCRIPT);
    expect(readCoverage(lean, REPORT_FONT_POSTSCRIPT)).toEqual(readCoverage(shipped, REPORT_FONT_POSTSCRIPT));
    // The shipped collection holds two faces and 540 KB of names; the lean one must be clearly smaller.
    expect(lean.length).toBeLessThan(shipped.length - 500_000);
  });

  it("refuses a face the font does not have", () => {
    expect(() => leanCollection(shipped, "NoSuchFace")).toThrow(/no face named NoSuchFace/);
  });
});
