// Draws the chart specs (the same ones the web page shows) to PNG on the server: chart.js on @napi-rs/canvas.
// The canvas gets the project's CJK+Latin font under an alias of our own; without it Chinese labels are boxes.
// Each chart gets its own canvas and is destroyed after encoding, so repeated exports keep memory flat.
import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { Chart, registerables, type ChartConfiguration } from "chart.js";
import type { ChartSpec } from "~/present/charts/spec";
import { CANVAS_FONT_FAMILY, reportFontPath } from "~/report/fonts.server";

export interface ChartImageOptions {
  /** Size in PDF points (1/72 in); the bitmap is `scale` times larger for sharp print. */
  width: number;
  height: number;
  scale?: number;
}

export const DEFAULT_CHART_SIZE: ChartImageOptions = { width: 500, height: 260, scale: 2 };

let ready = false;

function setup(): void {
  if (ready) return;
  if (!GlobalFonts.has(CANVAS_FONT_FAMILY)) {
    const key = GlobalFonts.registerFromPath(reportFontPath(), CANVAS_FONT_FAMILY);
    if (!key) throw new Error(`could not register the report font with the canvas: ${reportFontPath()}`);
  }
  Chart.register(...registerables);
  // Elements that set no family of their own inherit this one; the specs never name a family.
  Chart.defaults.font.family = CANVAS_FONT_FAMILY;
  Chart.defaults.color = "#333333";
  ready = true;
}

/**
 * Draws one spec on a fresh canvas and hands it to `encode`. The chart is destroyed only after encoding has
 * finished: destroying clears the canvas.
 */
async function withChart<T>(spec: ChartSpec, options: ChartImageOptions, encode: (canvas: Canvas) => T | Promise<T>): Promise<T> {
  const { canvas, chart } = draw(spec, options);
  try {
    return await encode(canvas);
  } finally {
    chart.destroy();
  }
}

function draw(spec: ChartSpec, options: ChartImageOptions): { canvas: Canvas; chart: Chart } {
  setup();
  const scale = options.scale ?? 2;
  // chart.js treats the canvas size as CSS pixels and multiplies it by devicePixelRatio itself.
  const canvas = createCanvas(options.width, options.height);
  const config = structuredClone(spec.config) as ChartConfiguration;
  config.options = {
    ...config.options,
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: scale,
    font: { family: CANVAS_FONT_FAMILY, size: 11 },
    events: [],
  } as ChartConfiguration["options"];
  config.plugins = [WHITE_BACKGROUND];
  const chart = new Chart(canvas.getContext("2d") as unknown as CanvasRenderingContext2D, config);
  chart.draw();
  return { canvas, chart };
}

/** Renders one spec to a PNG buffer (lossless: screenshots, tests). The spec is not modified. */
export function renderChartPng(spec: ChartSpec, options: ChartImageOptions = DEFAULT_CHART_SIZE): Buffer {
  const { canvas, chart } = draw(spec, options);
  try {
    return canvas.toBuffer("image/png");
  } finally {
    chart.destroy();
  }
}

/** JPEG quality for embedded charts: text and lines stay crisp at twice the print size. */
export const CHART_JPEG_QUALITY = 92;

/**
 * Renders one spec for embedding in a PDF. JPEG because PDF embeds it as is (DCTDecode), while an RGBA PNG must be
 * decoded and re-compressed by the PDF writer, which costs more than drawing the chart. Encoding runs off the
 * main thread.
 */
export function renderChartForPdf(spec: ChartSpec, options: ChartImageOptions = DEFAULT_CHART_SIZE): Promise<Buffer> {
  return withChart(spec, options, (canvas) => canvas.encode("jpeg", CHART_JPEG_QUALITY));
}

// White paper, not transparent: some PDF viewers show transparent PNGs on grey.
const WHITE_BACKGROUND = {
  id: "tierwiseWhiteBackground",
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
