// Draws a matrix layout as SVG text: one drawing for the web page (inline, so it shows without JavaScript and its
// labels are real text), the presenter view and the PDF (pdfmake draws SVG as vectors with the report font, so the
// labels can be read back from the file). Presentation attributes only — no style attributes, no scripts — so a strict
// Content-Security-Policy has nothing to block. Every piece of user text is escaped.
import type { Verdict } from "~/domain/engine/types";
import type { Quadrant } from "~/domain/workshop/position";
import type { MatrixLayout } from "~/workshop/matrix-layout";

export interface MatrixSvgText {
  /** Read by screen readers for the whole drawing (the key below the chart carries the details). */
  alt: string;
  xTitle: string;
  yTitle: string;
  /** Per bubble: its full title and figures, shown as a tooltip. */
  tooltips: Record<string, string>;
  verdicts: Record<string, Verdict>;
}

/** Verdict colours: white numbers on them pass 4.5:1; the key below names the verdict in words too. */
export const VERDICT_FILL: Record<Verdict, string> = { go: "#1b6e3a", pilot: "#7a5200", rethink: "#a7411a", no_go: "#9f1d1d" };
/** Light tints, so the quadrants read as areas; their names are dark enough on them (≥ 4.5:1). */
export const QUADRANT_FILL: Record<Quadrant, string> = {
  quick_win: "#eaf6ee",
  big_bet: "#eaf1fb",
  fill_in: "#f6f3e7",
  deprioritise: "#f4f4f5",
};
const QUADRANT_INK = "#2f3a48";
const GRID = "#dde3ea";
const AXIS = "#5b6675";
const INK = "#1a1f27";

export const SVG_FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

export function matrixSvg(
  layout: MatrixLayout,
  text: MatrixSvgText,
  opts: { name: string; fontFamily?: string } = { name: "matrix" },
): string {
  const { frame, plot } = layout;
  const out: string[] = [];
  const attrs = `xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}"`;
  out.push(
    `<svg ${attrs} role="img" aria-label="${escapeXml(text.alt)}" data-matrix="${escapeXml(opts.name)}" font-family="${escapeXml(opts.fontFamily ?? SVG_FONT_FAMILY)}">`,
  );
  out.push(`<rect x="0" y="0" width="${frame.width}" height="${frame.height}" fill="#ffffff"/>`);
  // Quadrant areas, then the grid, then the quadrant lines over them.
  for (const q of layout.quadrants)
    out.push(
      `<rect x="${n(q.rect.x)}" y="${n(q.rect.y)}" width="${n(Math.max(0, q.rect.w))}" height="${n(Math.max(0, q.rect.h))}" fill="${QUADRANT_FILL[q.id]}" data-quadrant="${q.id}"/>`,
    );
  for (const t of layout.x.ticks)
    out.push(`<line x1="${n(t.pos)}" y1="${n(plot.y)}" x2="${n(t.pos)}" y2="${n(plot.y + plot.h)}" stroke="${GRID}" stroke-width="1"/>`);
  for (const t of layout.y.ticks)
    out.push(`<line x1="${n(plot.x)}" y1="${n(t.pos)}" x2="${n(plot.x + plot.w)}" y2="${n(t.pos)}" stroke="${GRID}" stroke-width="1"/>`);
  out.push(
    `<line x1="${n(layout.x.split)}" y1="${n(plot.y)}" x2="${n(layout.x.split)}" y2="${n(plot.y + plot.h)}" stroke="${AXIS}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
  );
  out.push(
    `<line x1="${n(plot.x)}" y1="${n(layout.y.split)}" x2="${n(plot.x + plot.w)}" y2="${n(layout.y.split)}" stroke="${AXIS}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
  );
  out.push(
    `<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}" fill="none" stroke="${AXIS}" stroke-width="1"/>`,
  );
  // Ticks and axis titles.
  const af = frame.axisFont;
  for (const t of layout.x.ticks)
    out.push(
      `<text x="${n(t.pos)}" y="${n(plot.y + plot.h + af + 6)}" font-size="${af}" fill="${AXIS}" text-anchor="middle">${t.value}</text>`,
    );
  for (const t of layout.y.ticks)
    out.push(`<text x="${n(plot.x - 6)}" y="${n(t.pos + af * 0.35)}" font-size="${af}" fill="${AXIS}" text-anchor="end">${t.value}</text>`);
  out.push(
    `<text x="${n(plot.x + plot.w / 2)}" y="${n(frame.height - 8)}" font-size="${af + 1}" font-weight="bold" fill="${INK}" text-anchor="middle">${escapeXml(text.xTitle)}</text>`,
  );
  const yx = 14 + af * 0.4;
  const yy = plot.y + plot.h / 2;
  out.push(
    `<text x="${n(yx)}" y="${n(yy)}" font-size="${af + 1}" font-weight="bold" fill="${INK}" text-anchor="middle" transform="rotate(-90 ${n(yx)} ${n(yy)})">${escapeXml(text.yTitle)}</text>`,
  );
  // Quadrant names.
  for (const q of layout.quadrants)
    out.push(
      `<text x="${n(q.name.textX)}" y="${n(q.name.textY)}" font-size="${frame.quadrantFont}" font-weight="bold" fill="${QUADRANT_INK}" text-anchor="${q.name.anchor}" data-quadrant-name="${q.id}">${escapeXml(q.name.text)}</text>`,
    );
  // Where moved bubbles really are: a small cross at the scores, a thin line to the bubble.
  const marked = new Set<string>();
  for (const b of layout.bubbles) {
    if (!b.displaced) continue;
    const d = Math.hypot(b.cx - b.at.x, b.cy - b.at.y) || 1;
    const ex = b.cx - ((b.cx - b.at.x) / d) * b.r;
    const ey = b.cy - ((b.cy - b.at.y) / d) * b.r;
    out.push(`<line x1="${n(b.at.x)}" y1="${n(b.at.y)}" x2="${n(ex)}" y2="${n(ey)}" stroke="${AXIS}" stroke-width="1"/>`);
    const key = `${n(b.at.x)},${n(b.at.y)}`;
    if (marked.has(key)) continue;
    marked.add(key);
    out.push(
      `<path d="M${n(b.at.x - 4)} ${n(b.at.y - 4)} L${n(b.at.x + 4)} ${n(b.at.y + 4)} M${n(b.at.x - 4)} ${n(b.at.y + 4)} L${n(b.at.x + 4)} ${n(b.at.y - 4)}" stroke="${INK}" stroke-width="1.5" data-true-position="${key}"/>`,
    );
  }
  // Bubbles, numbered.
  for (const b of layout.bubbles) {
    const fill = VERDICT_FILL[text.verdicts[b.key] ?? "pilot"];
    const tip = text.tooltips[b.key] ?? "";
    const numFont = Math.min(frame.font, Math.max(9, b.r * 0.95));
    out.push(
      `<g data-bubble="${escapeXml(b.key)}" data-number="${b.number}"><title>${escapeXml(tip)}</title>` +
        `<circle cx="${n(b.cx)}" cy="${n(b.cy)}" r="${n(b.r)}" fill="${fill}" fill-opacity="0.92" stroke="#ffffff" stroke-width="2"${b.sizeKnown ? "" : ' stroke-dasharray="3 2"'}/>` +
        `<text x="${n(b.cx)}" y="${n(b.cy + numFont * 0.36)}" font-size="${n(numFont)}" font-weight="bold" fill="#ffffff" text-anchor="middle">${b.number}</text></g>`,
    );
  }
  // Labels: leader, a white plate, the text.
  for (const l of layout.labels) {
    const leader = l.leader
      ? `<line x1="${n(l.leader.x1)}" y1="${n(l.leader.y1)}" x2="${n(l.leader.x2)}" y2="${n(l.leader.y2)}" stroke="${AXIS}" stroke-width="1"/>`
      : "";
    out.push(
      `<g data-label="${escapeXml(l.key)}">${leader}` +
        `<rect x="${n(l.box.x)}" y="${n(l.box.y)}" width="${n(l.box.w)}" height="${n(l.box.h)}" rx="3" fill="#ffffff" fill-opacity="0.94" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${n(l.textX)}" y="${n(l.textY)}" font-size="${frame.font}" fill="${INK}">${escapeXml(l.text)}</text></g>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}
