// Makes pdfmake 0.3 / pdfkit 0.19 cheaper per document without changing a byte of what they write (ADR 0054).
//
// What they repeated for every document, and what is done instead:
// - Style lookups: pdfmake resolves ~22 style properties for every inline (every CJK character is one) by walking
//   the whole style stack, allocating a closure and a Set and pushing/popping the inline each time. Here the same
//   walk in the same order without allocations, and a stack remembers its answers until it is next pushed or popped.
// - The font: pdfkit parsed the font afresh for every document (fontkit.create), decoded each glyph's metrics again
//   and shaped every word again (its layout cache lived and died with the document). Here one parse serves every
//   document of the thread, and so do the shaped runs (text → glyphs and positions, read-only once made). fontkit
//   keeps the code points a glyph was first made from and pdfkit writes them into each document's ToUnicode map, so
//   only glyphs carrying the one code point the font maps to them are shared; the others (12 glyphs that a CJK
//   compatibility ideograph shares with its unified twin; parts of composite glyphs the subsetter made) are made
//   afresh in every document, as before. Each document still gets its own subset, widths and ToUnicode map.
// - Content streams: pdfkit made a Buffer of every operator it wrote (several per CJK character); here the text of
//   consecutive operators becomes one Buffer, the same bytes.
// (The fourth saving, one layout instead of two, is in pdf.server.ts: placeBriefPage2.)
//
// These replace methods of pdfmake's and pdfkit's classes in this process, for the versions they were written
// against (checked at install; other versions run unchanged). `withoutPdfEngineTuning` renders with the libraries'
// own methods: test/report-pdf-engine.test.ts compares the two byte for byte.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Versions the replacements were written against: anything else runs the libraries unchanged. */
const PINNED = { pdfmake: "0.3.", pdfkit: "0.19.", fontkit: "2.0." };

/** Shaped runs kept per font (texts: single CJK characters and Latin words); past this the cache starts over. */
const MAX_SHARED_RUNS = 20_000;

type Style = Record<string, unknown> & { extends?: string | string[] };
type Override = string | Record<string, unknown>;
const MEMO = Symbol("tierwise style memo");
interface StyleStack {
  [MEMO]?: Map<string, unknown>;
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: Override[];
}
interface StyleStackClass {
  prototype: {
    getProperty(this: StyleStack, property: string): unknown;
    push(this: StyleStack, item: Override): void;
    pop(this: StyleStack, howMany?: number): void;
  };
  getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown;
}

interface Glyph {
  id: number;
  codePoints: number[];
}
interface Run {
  glyphs: Glyph[];
}
interface FontkitFont {
  characterSet: number[];
  glyphForCodePoint(cp: number): Glyph;
  _glyphs: Record<number, Glyph | undefined>;
}
interface EmbeddedFont {
  font: FontkitFont;
  name?: string;
  scale: number;
  layoutCache?: Record<string, Run>;
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
}
/** The parts of pdfmake's PDFDocument (a pdfkit document) that choosing a font touches. */
interface PdfDoc {
  fonts: Record<string, Record<string, unknown> | undefined>;
  fontCache: Record<string, Record<string, unknown> | undefined>;
  virtualfs?: { existsSync(name: string): boolean; readFileSync(name: string): unknown } | null;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _fontCount: number;
}
interface PdfDocumentClass {
  prototype: { provideFont(this: PdfDoc, family: string, bold: boolean, italics: boolean): unknown };
}
interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === "string" || v instanceof String;

/** pdfmake's named-style lookup (with `extends`), the same order; a visited set only when a style extends another. */
function fromStyle(dictionary: StyleStack["styleDictionary"], name: string, property: string, visited?: Set<string>): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  if (style.extends) {
    const seen = visited ?? new Set([name]);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(dictionary, parents[i], property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

function lookup(stack: StyleStack, property: string, overrides: Override[], from: number): unknown {
  for (let i = from; i >= 0; i--) {
    const item = overrides[i];
    if (isString(item)) {
      const value = fromStyle(stack.styleDictionary, String(item), property);
      if (isValue(value)) return value;
    } else if (isValue(item[property])) return item[property];
  }
  return undefined;
}

/**
 * StyleContextStack#getProperty: the top of the stack down, then the default style. Remembered until the stack
 * next changes (push and pop forget): pdfmake asks the same stack for the same ~22 properties once per inline.
 */
function getProperty(this: StyleStack, property: string): unknown {
  let memo = this[MEMO];
  if (memo === undefined) this[MEMO] = memo = new Map();
  else if (memo.has(property)) return memo.get(property);
  let value: unknown;
  const overrides = this.styleOverrides;
  if (overrides) value = lookup(this, property, overrides, overrides.length - 1);
  if (!isValue(value)) value = this.defaultStyle && this.defaultStyle[property];
  memo.set(property, value);
  return value;
}

/**
 * StyleContextStack.getStyleProperty: as if `item` (its styles, then itself) were pushed on the stack for the lookup,
 * without pushing. pdfmake pushes nothing for a string item or a section node.
 */
function getStyleProperty(item: Record<string, unknown>, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown {
  if (isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  let value: unknown;
  if (!isString(item) && typeof item.section === "undefined" && item.style) {
    const styles = (Array.isArray(item.style) ? item.style : [item.style]) as Override[];
    value = lookup(stack, property, styles, styles.length - 1);
  }
  if (!isValue(value)) value = getProperty.call(stack, property);
  return isValue(value) ? value : defaultValue;
}

interface Shared {
  /** Glyph id → the one code point the font maps to it (glyphs several code points share are absent). */
  codePointOf: Map<number, number>;
  scale?: number;
  runs: Map<string, Run>;
}

const PENDING = Symbol("tierwise pending content");
interface Reference {
  [PENDING]?: string[];
  uncompressedLength: number;
  compress: boolean;
  data: { Length?: number; Filter?: string };
  buffer: Uint8Array[];
}
interface ReferenceProto {
  write(this: Reference, chunk: unknown): void;
  finalize(this: Reference): void;
}
/** Moves the text written since the last flush into the reference's buffer list as one Buffer (latin1, as pdfkit). */
function flushPending(ref: Reference): void {
  const pending = ref[PENDING];
  if (!pending || pending.length === 0) return;
  ref.buffer.push(Buffer.from(pending.join(""), "binary"));
  ref[PENDING] = [];
}

interface Installed {
  shareFont(buffer: Uint8Array): void;
}

let installed: Installed | null | undefined;
let bypass = 0;
const sharedFonts = new WeakMap<FontkitFont, Shared>();

function canonical(shared: Shared, glyph: Glyph): boolean {
  const cps = glyph.codePoints;
  if (glyph.id === 0) return cps.length === 0;
  return cps.length === 1 && shared.codePointOf.get(glyph.id) === cps[0];
}

function install(): Installed | null {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  const pdfkitRequire = createRequire(require.resolve("pdfkit"));
  // fontkit's exports map hides its package.json: read it beside its entry point (dist/main.cjs).
  const fontkitPackage = join(dirname(pdfkitRequire.resolve("fontkit")), "..", "package.json");
  const fontkitVersion = (JSON.parse(readFileSync(fontkitPackage, "utf8")) as { version: string }).version;
  if (
    !version("pdfmake").startsWith(PINNED.pdfmake) ||
    !version("pdfkit").startsWith(PINNED.pdfkit) ||
    !fontkitVersion.startsWith(PINNED.fontkit)
  )
    return null;

  const StyleContextStack = (require("pdfmake/js/StyleContextStack.js") as { default: StyleStackClass }).default;
  const PDFDocument = (require("pdfmake/js/PDFDocument.js") as { default: PdfDocumentClass }).default;
  const fontkit = pdfkitRequire("fontkit") as Fontkit;

  const originalGetProperty = StyleContextStack.prototype.getProperty;
  const originalGetStyleProperty = StyleContextStack.getStyleProperty;
  const originalProvideFont = PDFDocument.prototype.provideFont;

  // Buffers whose parsed fonts are shared: only the report font, registered by pdf.server.ts.
  const shareable = new WeakSet<Uint8Array>();
  const parsed = new WeakMap<Uint8Array, Map<string, FontkitFont>>();
  function sharedFont(buffer: Uint8Array, postscriptName: string): FontkitFont {
    let byName = parsed.get(buffer);
    if (!byName) parsed.set(buffer, (byName = new Map()));
    let font = byName.get(postscriptName);
    if (!font) {
      font = fontkit.create(buffer, postscriptName);
      const counts = new Map<number, number>();
      const codePointOf = new Map<number, number>();
      for (const cp of font.characterSet) {
        const id = font.glyphForCodePoint(cp).id;
        counts.set(id, (counts.get(id) ?? 0) + 1);
        codePointOf.set(id, cp);
      }
      for (const [id, n] of counts) if (n > 1) codePointOf.delete(id);
      // glyphForCodePoint cached glyphs with their code points; start from none, as a fresh parse does.
      font._glyphs = {};
      sharedFonts.set(font, { codePointOf, runs: new Map() });
      byName.set(postscriptName, font);
    }
    return font;
  }
  let originalLayoutCached: ((this: EmbeddedFont, text: string) => Run) | undefined;
  function layoutCached(this: EmbeddedFont, text: string): Run {
    const shared = bypass ? undefined : sharedFonts.get(this.font);
    if (!shared || !this.layoutCache || shared.scale !== this.scale)
      return (originalLayoutCached as NonNullable<typeof originalLayoutCached>).call(this, text);
    const own = this.layoutCache[text];
    if (own) return own;
    const known = shared.runs.get(text);
    if (known) return known;
    const run = this.layoutRun(text);
    if (run.glyphs.every((g) => canonical(shared, g))) {
      if (shared.runs.size >= MAX_SHARED_RUNS) shared.runs.clear();
      shared.runs.set(text, run);
    } else this.layoutCache[text] = run;
    return run;
  }

  // pdfkit's EmbeddedFont, learnt from the first document's font (pdfkit does not export it).
  let EmbeddedFontClass: (new (doc: unknown, font: FontkitFont, id: string) => EmbeddedFont) | undefined;

  /**
   * Before pdfmake asks pdfkit for the report font, puts an EmbeddedFont over the shared parse where pdfkit's own
   * `font()` looks first (its per-document family cache), under the id and names `font()` would give it.
   */
  function provideFont(this: PdfDoc, family: string, bold: boolean, italics: boolean) {
    if (!bypass && EmbeddedFontClass) {
      const type = bold && italics ? "bolditalics" : bold ? "bold" : italics ? "italics" : "normal";
      if (!this.fontCache[family]?.[type]) {
        const def = this.fonts[family]?.[type];
        const [src, name] = Array.isArray(def) ? def : [def];
        const buffer = typeof src === "string" && this.virtualfs?.existsSync(src) ? this.virtualfs.readFileSync(src) : src;
        if (buffer instanceof Uint8Array && shareable.has(buffer) && typeof name === "string" && !this._fontFamilies[name]) {
          const font = sharedFont(buffer, name);
          const shared = sharedFonts.get(font) as Shared;
          forgetAmbiguousGlyphs(font, shared);
          const embedded = new EmbeddedFontClass(this, font, `F${++this._fontCount}`);
          this._fontFamilies[name] = embedded;
          if (embedded.name && !this._fontFamilies[embedded.name]) this._fontFamilies[embedded.name] = embedded;
        }
      }
    }
    const font = originalProvideFont.call(this, family, bold, italics) as EmbeddedFont;
    if (!EmbeddedFontClass && font && font.font && typeof font.layoutRun === "function") {
      const proto = Object.getPrototypeOf(font) as EmbeddedFont & { constructor: NonNullable<typeof EmbeddedFontClass> };
      EmbeddedFontClass = proto.constructor;
      originalLayoutCached = proto.layoutCached;
      proto.layoutCached = layoutCached;
    }
    const shared = font && font.font ? sharedFonts.get(font.font) : undefined;
    if (shared && shared.scale === undefined) shared.scale = font.scale;
    return font;
  }

  /**
   * A new document starts: glyphs whose code points are not the one the font maps to them are made again from this
   * document's text, as a fresh parse would: those that several code points share, and those pdfkit's subsetter made
   * with no code point as parts of composite glyphs (left as they are, the next document's ToUnicode map would miss
   * the character).
   */
  function forgetAmbiguousGlyphs(font: FontkitFont, shared: Shared): void {
    for (const key of Object.keys(font._glyphs)) {
      const glyph = font._glyphs[Number(key)];
      if (glyph && !canonical(shared, glyph)) delete font._glyphs[Number(key)];
    }
  }

  const originalPush = StyleContextStack.prototype.push;
  const originalPop = StyleContextStack.prototype.pop;
  StyleContextStack.prototype.push = function (this: StyleStack, item: Override) {
    this[MEMO] = undefined;
    originalPush.call(this, item);
  };
  StyleContextStack.prototype.pop = function (this: StyleStack, howMany?: number) {
    this[MEMO] = undefined;
    originalPop.call(this, howMany);
  };
  // pdfkit turned every content operator (several per word or CJK character) into a Buffer of its own and
  // concatenated them at the end; the same bytes, converted once per run of text operators.
  // pdfkit does not export PDFReference: a document that is never written shows it (its catalog is one).
  const Pdfkit = require("pdfkit") as new (options: object) => { _root: object };
  const PDFReference = Object.getPrototypeOf(new Pdfkit({ autoFirstPage: false })._root) as ReferenceProto;
  const originalWrite = PDFReference.write;
  const originalFinalize = PDFReference.finalize;
  PDFReference.write = function (this: Reference, chunk: unknown) {
    if (bypass || chunk instanceof Uint8Array) {
      flushPending(this);
      return originalWrite.call(this, chunk);
    }
    const text = `${String(chunk)}\n`;
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    (this[PENDING] ??= []).push(text);
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = "FlateDecode";
  };
  PDFReference.finalize = function (this: Reference) {
    flushPending(this);
    return originalFinalize.call(this);
  };

  StyleContextStack.prototype.getProperty = function (this: StyleStack, property: string) {
    return bypass ? originalGetProperty.call(this, property) : getProperty.call(this, property);
  };
  StyleContextStack.getStyleProperty = (item, stack, property, defaultValue) =>
    bypass
      ? originalGetStyleProperty.call(StyleContextStack, item, stack, property, defaultValue)
      : getStyleProperty(item, stack, property, defaultValue);
  PDFDocument.prototype.provideFont = provideFont;

  return {
    shareFont(buffer) {
      shareable.add(buffer);
    },
  };
}

/**
 * Installs the replacements once per thread (a no-op on other library versions) and shares the parsed font of the
 * given buffer across documents. Returns whether they are active.
 */
export function tunePdfEngine(fontBuffer?: Uint8Array): boolean {
  if (installed === undefined) installed = install();
  if (installed && fontBuffer) installed.shareFont(fontBuffer);
  return installed !== null;
}

/** Whether renders on this thread now use the replacements (false inside `withoutPdfEngineTuning`). */
export function pdfEngineTuned(): boolean {
  return bypass === 0 && tunePdfEngine();
}

/** Runs `render` with the libraries' own methods (for the tests that compare output, and for the bench). */
export async function withoutPdfEngineTuning<T>(render: () => Promise<T>): Promise<T> {
  bypass++;
  try {
    return await render();
  } finally {
    bypass--;
  }
}
