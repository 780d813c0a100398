import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { renderChartForPdf, renderChartPng } from "~/report/chart-images.server";
import { chartSpecsFor as buildChartSpecs } from "~/present/charts/build";
import { CHART_IDS } from "~/present/charts/spec";
import { ART_STUDIO_ZH, planFrom } from "../../test/report-fixtures";
import { inkShare } from "../../test/report-poppler";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const specs = buildChartSpecs(planFrom(ART_STUDIO_ZH), "zh");
const size = { width: 400, height: 220, scale: 1 };

async function shares(buf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "tierwise-chart-"));
  try {
    const path = join(dir, "c.png");
    writeFileSync(path, buf);
    return await inkShare(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("chart images", () => {
  it.each(CHART_IDS.map((id) => [id]))("%s: a white chart with coloured marks at the requested pixel size", async (id) => {
    const png = renderChartPng(specs[id], { width: 400, height: 220, scale: 2 });
    const img = await loadImage(png);
    expect([img.width, img.height]).toEqual([800, 440]);
    const s = await shares(png);
    expect(s.ink).toBeGreaterThan(0.01);
    // Mostly paper: a cleared (transparent → black) or unpainted canvas fails here.
    expect(s.ink).toBeLessThan(0.6);
    expect(s.colour).toBeGreaterThan(0.005);
  });

  it("draws the same picture as JPEG for the PDF, not a cleared canvas", async () => {
    for (const id of CHART_IDS) {
      const jpeg = await renderChartForPdf(specs[id], size);
      expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      const img = await loadImage(jpeg);
      const { createCanvas } = await import("@napi-rs/canvas");
      const c = createCanvas(img.width, img.height);
      c.getContext("2d").drawImage(img, 0, 0);
      const s = await shares(c.toBuffer("image/png"));
      expect(s.ink, id).toBeLessThan(0.6);
      expect(s.colour, id).toBeGreaterThan(0.005);
    }
  });

  it("leaves the spec untouched, so the web page and the PDF share it", () => {
    const before = JSON.stringify(specs.cashflow);
    renderChartPng(specs.cashflow, size);
    expect(JSON.stringify(specs.cashflow)).toBe(before);
  });
});
