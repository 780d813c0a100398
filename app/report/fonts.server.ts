// The one font the reports use, shipped with the project so that a fresh machine with no system fonts still renders
// Chinese and Latin text: WenQuanYi Micro Hei covers both (see assets/fonts/LICENSE-wqy-microhei.txt).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** PostScript name of the face inside the TrueType collection (the collection also holds a monospaced face). */
export const REPORT_FONT_POSTSCRIPT = "WenQuanYiMicroHei";
/** Family name registered with the canvas: an alias of our own, so no system font of the same name can stand in. */
export const CANVAS_FONT_FAMILY = "TierwiseReportSans";

const FONT_RELATIVE = "assets/fonts/wqy-microhei.ttc";

/** Walks up from this module to the project root: works from app/report (tsx, vitest) and from the built server. */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, FONT_RELATIVE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const cwd = process.cwd();
  if (existsSync(join(cwd, FONT_RELATIVE))) return cwd;
  throw new Error(`report font not found: ${FONT_RELATIVE} (looked upward from the server module and in ${cwd})`);
}

let fontPath: string | undefined;

export function reportFontPath(): string {
  fontPath ??= resolve(findProjectRoot(), FONT_RELATIVE);
  return fontPath;
}
