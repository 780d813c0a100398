// The report face of the shipped TrueType collection, rebuilt in memory at start-up as a one-face collection
// without its 540 KB of glyph names.
//
// Why: the PDF writer (pdfkit through pdfmake) parses the font afresh for every document, and while embedding it
// reads the `post` table for two header fields (italic angle, fixed pitch); with `post` format 2 that decodes
// all 49,531 glyph names each time, about a seventh of an export. A format-3 `post` has the same header and no
// names. Every other table is copied byte for byte (glyphs, metrics, hinting, cmap, kerning), so the text looks
// the same and covers the same characters. The result stays a collection so that pdfmake can name the face and
// pdfkit parses it once per document. Nothing is written to disk: the project ships only the original font.

export function leanCollection(font: Buffer, postscriptName: string): Buffer {
  const face = findFace(font, postscriptName);
  const numTables = font.readUInt16BE(face + 4);
  const tables: { tag: string; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const rec = face + 12 + 16 * i;
    const tag = font.toString("latin1", rec, rec + 4);
    const offset = font.readUInt32BE(rec + 8);
    const length = font.readUInt32BE(rec + 12);
    if (tag === "post") {
      const post = Buffer.from(font.subarray(offset, offset + 32));
      post.writeUInt32BE(0x00030000, 0);
      tables.push({ tag, data: post });
    } else {
      tables.push({ tag, data: Buffer.from(font.subarray(offset, offset + length)) });
    }
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

  const TTC_HEADER = 16; // 'ttcf', version 1.0, one face, its offset
  const n = tables.length;
  const faceAt = TTC_HEADER;
  let offset = faceAt + 12 + 16 * n;
  const placed = tables.map((t) => {
    const at = offset;
    offset += (t.data.length + 3) & ~3;
    return { ...t, at };
  });
  const out = Buffer.alloc(offset);
  out.write("ttcf", 0, "latin1");
  out.writeUInt32BE(0x00010000, 4);
  out.writeUInt32BE(1, 8);
  out.writeUInt32BE(faceAt, 12);
  out.writeUInt32BE(0x00010000, faceAt);
  out.writeUInt16BE(n, faceAt + 4);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt16BE(searchRange, faceAt + 6);
  out.writeUInt16BE(entrySelector, faceAt + 8);
  out.writeUInt16BE(n * 16 - searchRange, faceAt + 10);
  let headAt = -1;
  placed.forEach((t, i) => {
    const rec = faceAt + 12 + 16 * i;
    if (t.tag === "head") {
      headAt = t.at;
      t.data.writeUInt32BE(0, 8); // checkSumAdjustment: recomputed over the face below
    }
    t.data.copy(out, t.at);
    out.write(t.tag, rec, "latin1");
    out.writeUInt32BE(checksum(out.subarray(t.at, t.at + ((t.data.length + 3) & ~3))), rec + 4);
    out.writeUInt32BE(t.at, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
  });
  if (headAt < 0) throw new Error("report font has no head table");
  out.writeUInt32BE((0xb1b0afba - checksum(out.subarray(faceAt))) >>> 0, headAt + 8);
  return out;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

function faceOffsets(buf: Buffer): number[] {
  if (buf.toString("latin1", 0, 4) !== "ttcf") return [0];
  return Array.from({ length: buf.readUInt32BE(8) }, (_, i) => buf.readUInt32BE(12 + 4 * i));
}

function tableOffset(buf: Buffer, face: number, tag: string): number {
  const n = buf.readUInt16BE(face + 4);
  for (let i = 0; i < n; i++) {
    const rec = face + 12 + 16 * i;
    if (buf.toString("latin1", rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8);
  }
  throw new Error(`report font has no ${tag} table`);
}

export function postscriptNameOf(buf: Buffer, face: number): string | null {
  const name = tableOffset(buf, face, "name");
  const count = buf.readUInt16BE(name + 2);
  const strings = name + buf.readUInt16BE(name + 4);
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + 12 * i;
    if (buf.readUInt16BE(rec + 6) !== 6) continue;
    const len = buf.readUInt16BE(rec + 8);
    const off = strings + buf.readUInt16BE(rec + 10);
    if (buf.readUInt16BE(rec) === 1) return buf.toString("latin1", off, off + len);
    if (buf.readUInt16BE(rec) === 3)
      return Buffer.from(buf.subarray(off, off + len))
        .swap16()
        .toString("utf16le");
  }
  return null;
}

function findFace(buf: Buffer, postscriptName: string): number {
  const face = faceOffsets(buf).find((f) => postscriptNameOf(buf, f) === postscriptName);
  if (face === undefined) throw new Error(`report font has no face named ${postscriptName}`);
  return face;
}
