// Which characters the report font can draw, read from its cmap table. User text the font cannot draw (emoji,
// scripts it lacks) would otherwise become empty boxes in the PDF; the renderer replaces them with a visible
// marker instead. Parsing the cmap ourselves avoids depending on fontkit, which is only a transitive dependency.

/** Sorted, non-overlapping [first, last] code point ranges. */
export type Coverage = [number, number][];

export function readCoverage(font: Buffer, postscriptName?: string): Coverage {
  const faces = faceOffsets(font);
  let face = faces[0];
  if (postscriptName && faces.length > 1) face = faces.find((o) => readPostscriptName(font, o) === postscriptName) ?? faces[0];
  const cmap = findTable(font, face, "cmap");
  if (cmap === null) throw new Error("report font has no cmap table");
  return readCmap(font, cmap);
}

export function covers(coverage: Coverage, codePoint: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = coverage[mid];
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

function faceOffsets(buf: Buffer): number[] {
  if (buf.toString("latin1", 0, 4) !== "ttcf") return [0];
  const n = buf.readUInt32BE(8);
  return Array.from({ length: n }, (_, i) => buf.readUInt32BE(12 + 4 * i));
}

function findTable(buf: Buffer, face: number, tag: string): number | null {
  const numTables = buf.readUInt16BE(face + 4);
  for (let i = 0; i < numTables; i++) {
    const rec = face + 12 + 16 * i;
    if (buf.toString("latin1", rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8);
  }
  return null;
}

function readPostscriptName(buf: Buffer, face: number): string | null {
  const name = findTable(buf, face, "name");
  if (name === null) return null;
  const count = buf.readUInt16BE(name + 2);
  const strings = name + buf.readUInt16BE(name + 4);
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + 12 * i;
    const platform = buf.readUInt16BE(rec);
    const nameId = buf.readUInt16BE(rec + 6);
    if (nameId !== 6) continue;
    const len = buf.readUInt16BE(rec + 8);
    const off = strings + buf.readUInt16BE(rec + 10);
    if (platform === 1) return buf.toString("latin1", off, off + len);
    if (platform === 3)
      return buf
        .subarray(off, off + len)
        .swap16()
        .toString("utf16le");
  }
  return null;
}

function readCmap(buf: Buffer, cmap: number): Coverage {
  const n = buf.readUInt16BE(cmap + 2);
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    subtables.push({ platform: buf.readUInt16BE(rec), encoding: buf.readUInt16BE(rec + 2), offset: cmap + buf.readUInt32BE(rec + 4) });
  }
  // Prefer the full-Unicode table (format 12), then the BMP one (format 4).
  const byFormat = (f: number) => subtables.find((s) => (s.platform === 3 || s.platform === 0) && buf.readUInt16BE(s.offset) === f);
  const t12 = byFormat(12);
  if (t12) return merge(format12(buf, t12.offset));
  const t4 = byFormat(4);
  if (t4) return merge(format4(buf, t4.offset));
  throw new Error("report font has no Unicode cmap (format 4 or 12)");
}

function format12(buf: Buffer, at: number): Coverage {
  const groups = buf.readUInt32BE(at + 12);
  const out: Coverage = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + 12 * i;
    out.push([buf.readUInt32BE(g), buf.readUInt32BE(g + 4)]);
  }
  return out;
}

function format4(buf: Buffer, at: number): Coverage {
  const segX2 = buf.readUInt16BE(at + 6);
  const seg = segX2 / 2;
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const out: Coverage = [];
  for (let i = 0; i < seg; i++) {
    const end = buf.readUInt16BE(ends + 2 * i);
    const start = buf.readUInt16BE(starts + 2 * i);
    const delta = buf.readUInt16BE(deltas + 2 * i);
    const ro = buf.readUInt16BE(rangeOffsets + 2 * i);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const addr = rangeOffsets + 2 * i + ro + 2 * (c - start);
        glyph = buf.readUInt16BE(addr);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.push([c, c]);
    }
  }
  return out;
}

function merge(ranges: Coverage): Coverage {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Coverage = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
