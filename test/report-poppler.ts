// Reads PDFs back with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) for the report tests.
import { loadImage } from "@napi-rs/canvas";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const workDir = () => mkdtempSync(join(tmpdir(), "tierwise-report-"));

export function writePdf(dir: string, name: string, pdf: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return path;
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-enc", "UTF-8", path], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the three flags sit before the two object-id columns.
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(" "), embedded: emb === "yes", subset: sub === "yes", unicode: uni === "yes" };
  });
}

export function pdfText(path: string, firstPage?: number, lastPage?: number, mode: "layout" | "raw" = "layout"): string {
  // "raw" keeps the drawing order: a cell's wrapped lines stay together instead of interleaving with the next column.
  const args = ["-enc", "UTF-8", mode === "raw" ? "-raw" : "-layout"];
  if (firstPage) args.push("-f", String(firstPage));
  if (lastPage) args.push("-l", String(lastPage));
  return execFileSync("pdftotext", [...args, path, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Renders pages to PNG files (`<prefix>-N.png`, poppler pads N by the page count) and returns their paths. */
export function pdfPages(path: string, prefix: string, first: number, last: number, dpi = 60): string[] {
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), path, prefix]);
  const pages = Number(pdfInfo(path).Pages);
  const width = String(pages).length;
  return Array.from({ length: last - first + 1 }, (_, i) => `${prefix}-${String(first + i).padStart(width, "0")}.png`);
}

/** Share of pixels that are clearly not white paper: text, lines and charts. */
export async function inkShare(pngPath: string): Promise<{ ink: number; colour: number }> {
  const img = await loadImage(readFileSync(pngPath));
  const { createCanvas } = await import("@napi-rs/canvas");
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  let colour = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r + g + b < 600) ink++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
  }
  const n = data.length / 4;
  return { ink: ink / n, colour: colour / n };
}

/** pdftotext keeps words but not the layout's spaces and line breaks: compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, "");
