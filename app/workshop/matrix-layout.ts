// The value × feasibility matrix, laid out in one deterministic pass: axes scaled to the data, named quadrants, a
// bubble per option sized by its one-off cost, bubbles that would cover each other moved apart (identical scores on a
// ring around the shared point, which stays marked), and a label beside every bubble that overlaps no other label, no
// bubble and no quadrant name. Pure: the web page (SVG), the presenter view and the PDF draw the same layout.
//
// Text is measured with conservative per-character widths (the server has no browser to measure with), so a label's
// box is at least as wide as the text any of our fonts draws; the browser tests measure the rendered boxes.
import type { Quadrant } from "~/domain/workshop/position";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MatrixPointInput {
  key: string;
  /** 1-based marker number, printed in the bubble and in the key below the chart. */
  number: number;
  label: string;
  /** Feasibility without value, 0–100. */
  x: number;
  /** Value, 0–100. */
  y: number;
  /** One-off cost in the comparison's currency; null when unknown (drawn at the smallest size, dashed). */
  size: number | null;
}

export interface MatrixFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Label font size in SVG units. */
  font: number;
  /** Quadrant-name font size. */
  quadrantFont: number;
  /** Tick and axis-title font size. */
  axisFont: number;
  radius: { min: number; max: number };
  /** Longest label in characters before it is shortened with an ellipsis (the key below has the full title). */
  maxLabelChars: number;
}

/** Laptop and projector: 960 × 600 units, drawn at about 1:1 in the page's content column. */
export const DESKTOP_FRAME: MatrixFrame = {
  width: 960,
  height: 600,
  margin: { top: 16, right: 20, bottom: 56, left: 64 },
  font: 14,
  quadrantFont: 13,
  axisFont: 13,
  radius: { min: 9, max: 30 },
  maxLabelChars: 30,
};

/** Phone: 360 × 520 units, drawn at about 0.93:1 on a 390 px screen, so 12-unit labels are 11 px and more. */
export const PHONE_FRAME: MatrixFrame = {
  width: 360,
  height: 520,
  margin: { top: 10, right: 10, bottom: 50, left: 46 },
  font: 12,
  quadrantFont: 12,
  axisFont: 12,
  radius: { min: 9, max: 17 },
  maxLabelChars: 15,
};

/** Projector: the same shape as the desktop drawing with type and bubbles a room can read from the back. */
export const PROJECTOR_FRAME: MatrixFrame = {
  width: 960,
  height: 600,
  margin: { top: 16, right: 20, bottom: 66, left: 76 },
  font: 19,
  quadrantFont: 18,
  axisFont: 17,
  radius: { min: 13, max: 36 },
  maxLabelChars: 24,
};

/** A4 PDF page width (495 pt of content): drawn at about 0.52 scale, so fonts are larger in units. */
export const PDF_FRAME: MatrixFrame = {
  width: 760,
  height: 520,
  margin: { top: 14, right: 16, bottom: 54, left: 60 },
  font: 15,
  quadrantFont: 14,
  axisFont: 14,
  radius: { min: 10, max: 30 },
  maxLabelChars: 26,
};

export interface AxisLayout {
  domain: [number, number];
  ticks: { value: number; pos: number }[];
  /** Position of the quadrant line. */
  split: number;
}

export interface BubbleLayout {
  key: string;
  number: number;
  cx: number;
  cy: number;
  r: number;
  /** Where the scores put it; differs from (cx, cy) when it was moved off another bubble. */
  at: { x: number; y: number };
  displaced: boolean;
  sizeKnown: boolean;
}

export interface LabelLayout {
  key: string;
  text: string;
  /** Whether the text was shortened (the full title is in the key and the tooltip). */
  shortened: boolean;
  box: Rect;
  /** Baseline of the text, left-aligned in the box. */
  textX: number;
  textY: number;
  /** From the bubble's edge to the box, when the label had to stand off. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface QuadrantLayout {
  id: Quadrant;
  rect: Rect;
  /** Where its name goes (a corner of the plot), and the name's box once measured. */
  name: { text: string; box: Rect; textX: number; textY: number; anchor: "start" | "end" };
}

export interface MatrixLayout {
  frame: MatrixFrame;
  plot: Rect;
  x: AxisLayout;
  y: AxisLayout;
  quadrants: QuadrantLayout[];
  bubbles: BubbleLayout[];
  labels: LabelLayout[];
  /** Points whose label could not be placed on the chart (they keep their number; the key names them). */
  unlabelled: string[];
  /** The size legend: the costs drawn at the smallest and the largest radius. */
  sizeRange: { min: number; max: number } | null;
}

// ─────────────────────────────── text measurement ───────────────────────────────

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of one character in ems: generous for DejaVu Sans, Liberation Sans (Arial) and WenQuanYi Micro Hei alike. */
function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1.0;
  if ((ch.codePointAt(0) ?? 0) > 0xffff) return 1.0;
  if (/[mwMW@%]/.test(ch)) return 1.0;
  if (/[A-Z]/.test(ch)) return 0.76;
  if (/[ijlftr|!.,:;'`]/.test(ch)) return 0.4;
  if (/[a-z0-9]/.test(ch)) return 0.65;
  if (ch === " ") return 0.34;
  return 0.62;
}

export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return Math.ceil(em * font * 1.04);
}

/** At most `max` characters (code points), with an ellipsis when cut; never cuts inside a surrogate pair. */
export function shorten(text: string, max: number): { text: string; shortened: boolean } {
  const chars = Array.from(text.trim().replace(/\s+/g, " "));
  if (chars.length <= max) return { text: chars.join(""), shortened: false };
  return {
    text:
      chars
        .slice(0, Math.max(1, max - 1))
        .join("")
        .trimEnd() + "…",
    shortened: true,
  };
}

/** Cut in the middle, keeping the last characters: for titles that differ only at the end. */
export function shortenMiddle(text: string, max: number): { text: string; shortened: boolean } {
  const chars = Array.from(text.trim().replace(/\s+/g, " "));
  if (chars.length <= max) return { text: chars.join(""), shortened: false };
  const tail = Math.floor((max - 1) / 2);
  return {
    text:
      chars
        .slice(0, max - 1 - tail)
        .join("")
        .trimEnd() +
      "…" +
      chars
        .slice(chars.length - tail)
        .join("")
        .trimStart(),
    shortened: true,
  };
}

/** A closing "(what-if)" / "（假设）" is what tells a variant from its origin: it stays, and the rest is cut. */
function shortenKeepingSuffix(text: string, max: number): { text: string; shortened: boolean } {
  const clean = text.trim().replace(/\s+/g, " ");
  const chars = Array.from(clean);
  if (chars.length <= max) return { text: clean, shortened: false };
  const paren = /\s*[(（][^()（）]*[)）]$/u.exec(clean);
  const suffix = paren ? Array.from(paren[0].trim()) : [];
  if (!paren || suffix.length > max - 7) return shorten(clean, max);
  const head = Array.from(clean.slice(0, paren.index));
  return {
    text:
      head
        .slice(0, max - 1 - suffix.length)
        .join("")
        .trimEnd() +
      "…" +
      suffix.join(""),
    shortened: true,
  };
}

/**
 * Short labels that still tell options apart: a variant keeps its "(what-if)"; the rest are cut at the end; labels
 * that would still read the same are cut in the middle instead, so their different endings show.
 */
export function distinctLabels(labels: readonly string[], max: number, font = 12): { text: string; shortened: boolean }[] {
  // `max` counts narrow characters: a Chinese title gets as much room as a Latin one, so fewer characters.
  const budget = textWidth("n".repeat(max), font);
  const limit = (l: string) => {
    let n = 0;
    let w = 0;
    for (const ch of Array.from(l.trim().replace(/\s+/g, " "))) {
      w += charEm(ch) * font * 1.04;
      if (w > budget) break;
      n++;
    }
    return Math.max(4, n);
  };
  const first = labels.map((l) => shortenKeepingSuffix(l, limit(l)));
  return first.map((t, i) =>
    t.shortened && first.some((o, j) => j !== i && o.text === t.text) ? shortenMiddle(labels[i], limit(labels[i])) : t,
  );
}

// ─────────────────────────────── axes ───────────────────────────────

const PAD = 6;
const MIN_SPAN = 30;

/** A domain that holds every value and the quadrant line with some room on each side, in steps of 5, within 0–100. */
export function axisDomain(values: readonly number[], split: number): [number, number] {
  const all = [...values, split - PAD, split + PAD];
  let lo = Math.floor((Math.min(...all) - PAD) / 5) * 5;
  let hi = Math.ceil((Math.max(...all) + PAD) / 5) * 5;
  lo = Math.max(0, lo);
  hi = Math.min(100, hi);
  while (hi - lo < MIN_SPAN) {
    if (lo > 0) lo -= 5;
    if (hi - lo < MIN_SPAN && hi < 100) hi += 5;
  }
  return [lo, hi];
}

function ticks(domain: [number, number]): number[] {
  const span = domain[1] - domain[0];
  const step = span <= 40 ? 5 : span <= 80 ? 10 : 20;
  const out: number[] = [];
  for (let v = Math.ceil(domain[0] / step) * step; v <= domain[1] + 1e-9; v += step) out.push(v);
  return out;
}

// ─────────────────────────────── geometry ───────────────────────────────

const intersects = (a: Rect, b: Rect, pad = 0) =>
  a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
const inside = (a: Rect, outer: Rect) =>
  a.x >= outer.x && a.y >= outer.y && a.x + a.w <= outer.x + outer.w && a.y + a.h <= outer.y + outer.h;

function circleHitsRect(cx: number, cy: number, r: number, b: Rect, pad = 0): boolean {
  const nx = Math.max(b.x - pad, Math.min(cx, b.x + b.w + pad));
  const ny = Math.max(b.y - pad, Math.min(cy, b.y + b.h + pad));
  return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r;
}

const GAP = 4;

/** Moves bubbles apart: identical or nearly identical positions go on a ring, then pairwise pushes settle the rest. */
function separate(bubbles: BubbleLayout[], plot: Rect): void {
  const n = bubbles.length;
  // Groups of heavy overlap (centres closer than half their radii): union–find, deterministic by index.
  const parent = bubbles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = bubbles[i];
      const b = bubbles[j];
      if (Math.hypot(a.cx - b.cx, a.cy - b.cy) < (a.r + b.r) / 2) parent[find(j)] = find(i);
    }
  const groups = new Map<number, BubbleLayout[]>();
  bubbles.forEach((b, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), b]));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const cx = group.reduce((s, b) => s + b.cx, 0) / group.length;
    const cy = group.reduce((s, b) => s + b.cy, 0) / group.length;
    const k = group.length;
    let ring = 0;
    for (let i = 0; i < k; i++) {
      const a = group[i];
      const b = group[(i + 1) % k];
      ring = Math.max(ring, (a.r + b.r + GAP) / (2 * Math.sin(Math.PI / k)));
    }
    // Two side by side; three or more around the shared point, the first at the top.
    const start = k === 2 ? Math.PI : -Math.PI / 2;
    group.forEach((b, i) => {
      const angle = start + (2 * Math.PI * i) / k;
      b.cx = cx + ring * Math.cos(angle);
      b.cy = cy + ring * Math.sin(angle);
    });
  }
  // Remaining partial overlaps: push pairs apart along the line between them, a few rounds, always in the same order.
  for (let round = 0; round < 400; round++) {
    let moved = false;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = bubbles[i];
        const b = bubbles[j];
        let dx = b.cx - a.cx;
        let dy = b.cy - a.cy;
        let d = Math.hypot(dx, dy);
        const need = a.r + b.r + GAP;
        if (d >= need - 1e-6) continue;
        if (d < 1e-6) {
          // Same point after all (e.g. clamped to a corner): a fixed direction per pair.
          const angle = ((i * 7 + j * 13) % 16) * (Math.PI / 8);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const push = (need - d) / 2 + 0.01;
        a.cx -= (dx / d) * push;
        a.cy -= (dy / d) * push;
        b.cx += (dx / d) * push;
        b.cy += (dy / d) * push;
        moved = true;
      }
    for (const b of bubbles) {
      const cx = Math.min(plot.x + plot.w - b.r, Math.max(plot.x + b.r, b.cx));
      const cy = Math.min(plot.y + plot.h - b.r, Math.max(plot.y + b.r, b.cy));
      if (cx !== b.cx || cy !== b.cy) moved = true;
      b.cx = cx;
      b.cy = cy;
    }
    if (!moved) break;
  }
  for (const b of bubbles) b.displaced = Math.hypot(b.cx - b.at.x, b.cy - b.at.y) > 0.5;
}

// ─────────────────────────────── labels ───────────────────────────────

type Direction = "right" | "left" | "top" | "bottom" | "top-right" | "bottom-right" | "top-left" | "bottom-left";
const DIRECTIONS: Direction[] = ["right", "left", "top-right", "bottom-right", "top-left", "bottom-left", "top", "bottom"];
/** Extra distance from the bubble, tried in turn; anything beyond the first gets a leader line. */
const STANDOFFS = [0, 14, 30, 48, 70, 95, 125];

const shifted = (r: Rect, dy: number): Rect => ({ ...r, y: r.y + dy });

function candidate(b: BubbleLayout, w: number, h: number, dir: Direction, extra: number): Rect {
  const d = b.r + 4 + extra;
  const diag = (b.r + extra) * Math.SQRT1_2 + 3;
  switch (dir) {
    case "right":
      return { x: b.cx + d, y: b.cy - h / 2, w, h };
    case "left":
      return { x: b.cx - d - w, y: b.cy - h / 2, w, h };
    case "top":
      return { x: b.cx - w / 2, y: b.cy - d - h, w, h };
    case "bottom":
      return { x: b.cx - w / 2, y: b.cy + d, w, h };
    case "top-right":
      return { x: b.cx + diag, y: b.cy - diag - h, w, h };
    case "bottom-right":
      return { x: b.cx + diag, y: b.cy + diag, w, h };
    case "top-left":
      return { x: b.cx - diag - w, y: b.cy - diag - h, w, h };
    case "bottom-left":
      return { x: b.cx - diag - w, y: b.cy + diag, w, h };
  }
}

/** Beyond this distance between a bubble's edge and its label, a line joins them. */
const LEADER_GAP = 9;

function gapTo(b: BubbleLayout, box: Rect): number {
  const px = Math.max(box.x, Math.min(b.cx, box.x + box.w));
  const py = Math.max(box.y, Math.min(b.cy, box.y + box.h));
  return Math.hypot(px - b.cx, py - b.cy) - b.r;
}

/** The point of the box nearest the bubble's centre, and the bubble's edge towards it: the leader line. */
function leaderFor(b: BubbleLayout, box: Rect): LabelLayout["leader"] {
  const px = Math.max(box.x, Math.min(b.cx, box.x + box.w));
  const py = Math.max(box.y, Math.min(b.cy, box.y + box.h));
  const d = Math.hypot(px - b.cx, py - b.cy) || 1;
  return { x1: b.cx + ((px - b.cx) / d) * b.r, y1: b.cy + ((py - b.cy) / d) * b.r, x2: px, y2: py };
}

function segmentHitsCircle(l: NonNullable<LabelLayout["leader"]>, c: BubbleLayout): boolean {
  const vx = l.x2 - l.x1;
  const vy = l.y2 - l.y1;
  const len2 = vx * vx + vy * vy || 1;
  const t = Math.max(0, Math.min(1, ((c.cx - l.x1) * vx + (c.cy - l.y1) * vy) / len2));
  return Math.hypot(l.x1 + t * vx - c.cx, l.y1 + t * vy - c.cy) < c.r;
}

function placeLabels(
  points: MatrixPointInput[],
  bubbles: BubbleLayout[],
  frame: MatrixFrame,
  plot: Rect,
  obstacles: Rect[],
): { labels: LabelLayout[]; unlabelled: string[] } {
  const byKey = new Map(bubbles.map((b) => [b.key, b]));
  const h = Math.ceil(frame.font * 1.35);
  const limits = [frame.maxLabelChars, Math.min(12, frame.maxLabelChars), Math.min(8, frame.maxLabelChars)];
  const texts = limits.map((limit) => {
    const short = distinctLabels(
      points.map((p) => p.label),
      limit,
      frame.font,
    );
    return new Map(points.map((p, i) => [p.key, short[i]]));
  });
  const placed: LabelLayout[] = [];

  /** Every place this label could go now, best first: full text before shorter, near before far. */
  const options = (p: MatrixPointInput): LabelLayout[] => {
    const b = byKey.get(p.key)!;
    const out: LabelLayout[] = [];
    for (const byKeyText of texts) {
      const { text, shortened } = byKeyText.get(p.key)!;
      const w = textWidth(text, frame.font) + 8;
      for (const extra of STANDOFFS) {
        // Beside the bubble first, then stacked above and below on either side (callouts for a crowded cluster).
        const boxes = DIRECTIONS.map((dir) => candidate(b, w, h, dir, extra));
        for (const k of [1, 2, 3, 4, 5])
          for (const side of ["right", "left"] as const)
            for (const sign of [-1, 1]) boxes.push(shifted(candidate(b, w, h, side, extra), sign * k * (h + 3)));
        for (const box of boxes) {
          if (!inside(box, plot)) continue;
          if (placed.some((l) => intersects(l.box, box, 2) || (l.leader !== null && segmentCrossesRect(l.leader, box)))) continue;
          if (obstacles.some((o) => intersects(o, box, 2))) continue;
          if (bubbles.some((o) => circleHitsRect(o.cx, o.cy, o.r, box, 2))) continue;
          // A label that does not touch its bubble gets a line to it.
          const leader = gapTo(b, box) > LEADER_GAP ? leaderFor(b, box) : null;
          if (leader && bubbles.some((o) => o !== b && segmentHitsCircle(leader, o))) continue;
          if (leader && placed.some((l) => segmentCrossesRect(leader, l.box))) continue;
          out.push({ key: p.key, text, shortened, box, textX: box.x + 4, textY: box.y + h / 2 + frame.font * 0.36, leader });
        }
      }
    }
    return out;
  };

  // The label with the fewest places left goes first (a bubble in a corner or inside a cluster), so the others still
  // have room; ties by position, then key: the same input always gives the same picture.
  const remaining = [...points];
  const unlabelled: string[] = [];
  while (remaining.length) {
    let best = -1;
    let bestOptions: LabelLayout[] = [];
    remaining.forEach((p, i) => {
      const o = options(p);
      if (best === -1 || o.length < bestOptions.length || (o.length === bestOptions.length && before(p, remaining[best]))) {
        best = i;
        bestOptions = o;
      }
    });
    const [p] = remaining.splice(best, 1);
    if (bestOptions.length) placed.push(bestOptions[0]);
    else unlabelled.push(p.key);
  }
  function before(p: MatrixPointInput, q: MatrixPointInput): boolean {
    const a = byKey.get(p.key)!;
    const b = byKey.get(q.key)!;
    return (a.cy - b.cy || a.cx - b.cx || (p.key < q.key ? -1 : 1)) < 0;
  }
  // In input order, so the SVG lists labels in the same order as the bubbles and the key.
  const rank = new Map(points.map((p, i) => [p.key, i]));
  placed.sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
  return { labels: placed, unlabelled };
}

function segmentCrossesRect(l: NonNullable<LabelLayout["leader"]>, r: Rect): boolean {
  // Sample the segment: boxes are tens of units wide, leaders at most ~100 long.
  for (let t = 0; t <= 1; t += 0.05) {
    const x = l.x1 + (l.x2 - l.x1) * t;
    const y = l.y1 + (l.y2 - l.y1) * t;
    if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
  }
  return false;
}

// ─────────────────────────────── quadrant names ───────────────────────────────

/**
 * Each name goes in its quadrant's outer corner, or, when a bubble sits there, in the first other corner of the
 * quadrant that is free: the data stays where it is and the names move.
 */
function placeQuadrantNames(
  rects: Record<Quadrant, Rect>,
  names: QuadrantNames,
  frame: MatrixFrame,
  bubbles: BubbleLayout[],
  plot: Rect,
): QuadrantLayout[] {
  const qh = Math.ceil(frame.quadrantFont * 1.3);
  const order: Quadrant[] = ["big_bet", "quick_win", "deprioritise", "fill_in"];
  const taken: Rect[] = [];
  return order.map((id) => {
    const r = rects[id];
    const text = names[id];
    const w = textWidth(text, frame.quadrantFont) + 6;
    const outerLeft = id === "big_bet" || id === "deprioritise";
    const outerTop = id === "big_bet" || id === "quick_win";
    const corner = (left: boolean, top: boolean): Rect => ({
      x: left ? r.x + 4 : r.x + r.w - 4 - w,
      y: top ? r.y + 4 : r.y + r.h - 4 - qh,
      w,
      h: qh,
    });
    const tries = [corner(outerLeft, outerTop), corner(outerLeft, !outerTop), corner(!outerLeft, outerTop), corner(!outerLeft, !outerTop)];
    // A name may run past its quadrant's line when the quadrant is narrow (a phone), never off the plot or over another.
    const clear = (b: Rect) => inside(b, plot) && !taken.some((t) => intersects(t, b, 2));
    const fits = (b: Rect) => clear(b) && !bubbles.some((o) => circleHitsRect(o.cx, o.cy, o.r, b, 2));
    const box = tries.find(fits) ?? tries.find(clear) ?? tries[0];
    taken.push(box);
    const alignLeft = box.x <= r.x + 4.5;
    return {
      id,
      rect: r,
      name: {
        text,
        box,
        textX: alignLeft ? box.x + 3 : box.x + w - 3,
        textY: box.y + qh / 2 + frame.quadrantFont * 0.36,
        anchor: alignLeft ? "start" : "end",
      },
    };
  });
}

// ─────────────────────────────── the layout ───────────────────────────────

export interface QuadrantNames {
  quick_win: string;
  big_bet: string;
  fill_in: string;
  deprioritise: string;
}

export function layoutMatrix(
  points: readonly MatrixPointInput[],
  split: { feasibility: number; value: number },
  names: QuadrantNames,
  frame: MatrixFrame = DESKTOP_FRAME,
): MatrixLayout {
  const m = frame.margin;
  const plot: Rect = { x: m.left, y: m.top, w: frame.width - m.left - m.right, h: frame.height - m.top - m.bottom };
  const xDomain = axisDomain(
    points.map((p) => p.x),
    split.feasibility,
  );
  const yDomain = axisDomain(
    points.map((p) => p.y),
    split.value,
  );
  const px = (v: number) => plot.x + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * plot.w;
  const py = (v: number) => plot.y + plot.h - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.h;

  const sizes = points.map((p) => p.size).filter((s): s is number => s !== null && s > 0);
  const maxSize = sizes.length ? Math.max(...sizes) : null;
  // Area proportional to cost: r = max · √(cost / largest), never below the minimum.
  const radius = (size: number | null) =>
    size === null || maxSize === null || size <= 0
      ? frame.radius.min
      : Math.max(frame.radius.min, frame.radius.max * Math.sqrt(size / maxSize));

  const sx = px(split.feasibility);
  const sy = py(split.value);
  const right = plot.x + plot.w;
  const bottom = plot.y + plot.h;
  const rects: Record<Quadrant, Rect> = {
    big_bet: { x: plot.x, y: plot.y, w: sx - plot.x, h: sy - plot.y },
    quick_win: { x: sx, y: plot.y, w: right - sx, h: sy - plot.y },
    deprioritise: { x: plot.x, y: sy, w: sx - plot.x, h: bottom - sy },
    fill_in: { x: sx, y: sy, w: right - sx, h: bottom - sy },
  };
  const bubbles: BubbleLayout[] = points.map((p) => {
    const r = radius(p.size);
    const at = { x: px(p.x), y: py(p.y) };
    return {
      key: p.key,
      number: p.number,
      r,
      at,
      cx: Math.min(right - r, Math.max(plot.x + r, at.x)),
      cy: Math.min(bottom - r, Math.max(plot.y + r, at.y)),
      displaced: false,
      sizeKnown: p.size !== null && p.size > 0,
    };
  });
  separate(bubbles, plot);
  const quadrants = placeQuadrantNames(rects, names, frame, bubbles, plot);
  const { labels, unlabelled } = placeLabels(
    [...points],
    bubbles,
    frame,
    plot,
    quadrants.map((q) => q.name.box),
  );

  const axis = (domain: [number, number], pos: (v: number) => number, split: number): AxisLayout => ({
    domain,
    ticks: ticks(domain).map((value) => ({ value, pos: pos(value) })),
    split: pos(split),
  });
  return {
    frame,
    plot,
    x: axis(xDomain, px, split.feasibility),
    y: axis(yDomain, py, split.value),
    quadrants,
    bubbles,
    labels,
    unlabelled,
    sizeRange: sizes.length ? { min: Math.min(...sizes), max: Math.max(...sizes) } : null,
  };
}
