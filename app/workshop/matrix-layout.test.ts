import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  axisDomain,
  DESKTOP_FRAME,
  distinctLabels,
  layoutMatrix,
  PDF_FRAME,
  PHONE_FRAME,
  textWidth,
  type MatrixFrame,
  type MatrixLayout,
  type MatrixPointInput,
  type Rect,
} from "~/workshop/matrix-layout";
import { matrixSvg } from "~/workshop/matrix-svg";

const NAMES = { quick_win: "Quick wins", big_bet: "Big bets", fill_in: "Fill-ins", deprioritise: "Deprioritise" };
const NAMES_ZH = { quick_win: "速赢", big_bet: "战略投入", fill_in: "顺手可做", deprioritise: "暂缓" };
const SPLIT = { feasibility: 68, value: 68 };

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const within = (a: Rect, o: Rect) =>
  a.x >= o.x - 1e-6 && a.y >= o.y - 1e-6 && a.x + a.w <= o.x + o.w + 1e-6 && a.y + a.h <= o.y + o.h + 1e-6;
function circleHits(cx: number, cy: number, r: number, b: Rect) {
  const nx = Math.max(b.x, Math.min(cx, b.x + b.w));
  const ny = Math.max(b.y, Math.min(cy, b.y + b.h));
  return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r - 1e-6;
}

/** The promises of the layout, whatever the input. */
function checkInvariants(l: MatrixLayout) {
  const { plot } = l;
  for (const b of l.bubbles) {
    expect(b.cx - b.r).toBeGreaterThanOrEqual(plot.x - 1e-6);
    expect(b.cx + b.r).toBeLessThanOrEqual(plot.x + plot.w + 1e-6);
    expect(b.cy - b.r).toBeGreaterThanOrEqual(plot.y - 1e-6);
    expect(b.cy + b.r).toBeLessThanOrEqual(plot.y + plot.h + 1e-6);
  }
  for (let i = 0; i < l.bubbles.length; i++)
    for (let j = i + 1; j < l.bubbles.length; j++) {
      const a = l.bubbles[i];
      const b = l.bubbles[j];
      expect(Math.hypot(a.cx - b.cx, a.cy - b.cy), `${a.key} and ${b.key} overlap`).toBeGreaterThanOrEqual(a.r + b.r - 0.5);
    }
  for (const lab of l.labels) {
    expect(within(lab.box, plot), `label ${lab.key} off the plot`).toBe(true);
    // A label stands next to its bubble, or a line leads to it.
    const own = l.bubbles.find((b) => b.key === lab.key)!;
    const nx = Math.max(lab.box.x, Math.min(own.cx, lab.box.x + lab.box.w));
    const ny = Math.max(lab.box.y, Math.min(own.cy, lab.box.y + lab.box.h));
    if (Math.hypot(nx - own.cx, ny - own.cy) - own.r > 10) expect(lab.leader, `label ${lab.key} stands off without a line`).not.toBeNull();
    for (const b of l.bubbles) expect(circleHits(b.cx, b.cy, b.r, lab.box), `label ${lab.key} covers bubble ${b.key}`).toBe(false);
    for (const q of l.quadrants) expect(overlap(lab.box, q.name.box), `label ${lab.key} covers ${q.id}`).toBe(false);
  }
  for (let i = 0; i < l.labels.length; i++)
    for (let j = i + 1; j < l.labels.length; j++)
      expect(overlap(l.labels[i].box, l.labels[j].box), `labels ${l.labels[i].key}, ${l.labels[j].key}`).toBe(false);
  expect(new Set([...l.labels.map((x) => x.key), ...l.unlabelled]).size).toBe(l.bubbles.length);
}

const point = (key: string, number: number, label: string, x: number, y: number, size: number | null = 100_000): MatrixPointInput => ({
  key,
  number,
  label,
  x,
  y,
  size,
});

describe("matrix layout", () => {
  it("four options in two identical pairs: all four bubbles apart, all four labelled, the shared points marked", () => {
    const points = [
      point("a", 1, "Support-ticket classification", 82.7, 83, 60_574),
      point("b", 2, "Support-ticket classification (what-if)", 82.7, 83, 60_574),
      point("c", 3, "Plain-language analytics", 70.5, 73, 82_057),
      point("d", 4, "Plain-language analytics (what-if)", 70.5, 73, 82_057),
    ];
    for (const frame of [DESKTOP_FRAME, PHONE_FRAME, PDF_FRAME]) {
      const l = layoutMatrix(points, SPLIT, NAMES, frame);
      checkInvariants(l);
      expect(l.unlabelled).toEqual([]);
      expect(l.bubbles.every((b) => b.displaced)).toBe(true);
      // Each pair stays centred on its shared scores.
      const mid = (k1: string, k2: string) => {
        const [p, q] = [l.bubbles.find((b) => b.key === k1)!, l.bubbles.find((b) => b.key === k2)!];
        return { x: (p.cx + q.cx) / 2 - p.at.x, y: (p.cy + q.cy) / 2 - p.at.y };
      };
      expect(Math.abs(mid("a", "b").x) + Math.abs(mid("a", "b").y)).toBeLessThan(1);
      // A variant's label keeps what tells it from its origin.
      const text = (k: string) => l.labels.find((x) => x.key === k)!.text;
      expect(text("b")).toMatch(/\(what-if\)$/);
      expect(text("a")).not.toBe(text("b"));
    }
  });

  it("scales the axes to the data and keeps the quadrant lines in view, in steps of 5 within 0–100", () => {
    expect(axisDomain([82.7, 70.5], 68)).toEqual([55, 90]);
    expect(axisDomain([5, 10], 68)).toEqual([0, 80]);
    expect(axisDomain([99, 100], 68)).toEqual([55, 100]);
    const [lo, hi] = axisDomain([70, 71], 70);
    expect(hi - lo).toBeGreaterThanOrEqual(30);
  });

  it("sizes bubbles by one-off cost (area proportional), smallest size and dashed when unknown", () => {
    const l = layoutMatrix(
      [point("big", 1, "Big", 40, 40, 400), point("small", 2, "Small", 90, 90, 100), point("none", 3, "Unknown", 60, 90, null)],
      SPLIT,
      NAMES,
    );
    const r = Object.fromEntries(l.bubbles.map((b) => [b.key, b]));
    expect(r.big.r).toBe(DESKTOP_FRAME.radius.max);
    expect(r.small.r).toBeCloseTo(DESKTOP_FRAME.radius.max / 2, 6);
    expect(r.none.r).toBe(DESKTOP_FRAME.radius.min);
    expect(r.none.sizeKnown).toBe(false);
    expect(l.sizeRange).toEqual({ min: 100, max: 400 });
  });

  it("is deterministic: the same options give the same drawing", () => {
    const points = Array.from({ length: 8 }, (_, i) => point(`k${i}`, i + 1, `Option number ${i}`, 70 + (i % 2), 75, 10_000 * (i + 1)));
    const svg = () => matrixSvg(layoutMatrix(points, SPLIT, NAMES), { alt: "a", xTitle: "x", yTitle: "y", tooltips: {}, verdicts: {} });
    expect(svg()).toBe(svg());
  });

  it("holds its promises for any set of up to 12 options, duplicates and corners included (property)", () => {
    const arbPoint = fc.record({
      x: fc.oneof(fc.constantFrom(0, 50, 68, 70.5, 82.7, 100), fc.double({ min: 0, max: 100, noNaN: true })),
      y: fc.oneof(fc.constantFrom(0, 55, 68, 73, 83, 100), fc.double({ min: 0, max: 100, noNaN: true })),
      size: fc.option(fc.double({ min: 1, max: 1e7, noNaN: true }), { nil: null }),
      label: fc.oneof(
        fc.constantFrom("Support-ticket classification", "门诊病历摘要（医生确认）", "A", "Plain-language analytics (what-if)"),
        fc.string({ minLength: 1, maxLength: 60 }),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(arbPoint, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<MatrixFrame>(DESKTOP_FRAME, PHONE_FRAME, PDF_FRAME),
        fc.boolean(),
        (raw, frame, zh) => {
          const points = raw.map((p, i) => point(`p${i}`, i + 1, p.label, p.x, p.y, p.size));
          checkInvariants(layoutMatrix(points, SPLIT, zh ? NAMES_ZH : NAMES, frame));
        },
      ),
      { numRuns: 80 },
    );
  });

  // Measured over 600 random workshops each: desktop 8 options 0 unlabelled, 12 options 4 of 600 with one left to the
  // key; phone 4 options 0, 5 options 1 of 600. Beyond these the page names the options it could not label.
  it("labels every option of a realistic workshop (scores 40–95): up to 8 on desktop, up to 4 on a phone (property)", () => {
    const arb = (max: number) =>
      fc.array(
        fc.record({
          x: fc.integer({ min: 40, max: 95 }),
          y: fc.integer({ min: 40, max: 95 }),
          size: fc.integer({ min: 10_000, max: 900_000 }),
        }),
        { minLength: 2, maxLength: max },
      );
    for (const [frame, max] of [
      [DESKTOP_FRAME, 8],
      [PHONE_FRAME, 4],
    ] as const) {
      fc.assert(
        fc.property(arb(max), (raw) => {
          const points = raw.map((p, i) => point(`p${i}`, i + 1, `Scenario option ${i + 1}`, p.x, p.y, p.size));
          const l = layoutMatrix(points, SPLIT, NAMES, frame);
          checkInvariants(l);
          expect(l.unlabelled).toEqual([]);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("estimates text widths generously: wide characters count double, long titles are cut to the frame", () => {
    expect(textWidth("门诊病历", 12)).toBeGreaterThan(textWidth("abcd", 12) * 1.4);
    const [short] = distinctLabels(
      ["An unusually long scenario title that would run across the chart"],
      PHONE_FRAME.maxLabelChars,
      PHONE_FRAME.font,
    );
    expect(short.shortened).toBe(true);
    expect(textWidth(short.text, 12)).toBeLessThanOrEqual(textWidth("n".repeat(PHONE_FRAME.maxLabelChars), 12) + 12);
  });

  it("escapes every piece of user text in the SVG", () => {
    const l = layoutMatrix([point('x"<', 1, "<script>alert(1)</script> & co", 70, 70)], SPLIT, NAMES);
    const svg = matrixSvg(l, { alt: "<b>", xTitle: "x", yTitle: "y", tooltips: { 'x"<': "</title><script>" }, verdicts: {} });
    expect(svg).not.toMatch(/<script|<b>|<\/title><script/);
    expect(svg).toContain("&lt;script&gt;");
  });
});
