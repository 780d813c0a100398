import { EN_CASES } from "./cases-en";
import { ZH_CASES } from "./cases-zh";
import type { RealCase } from "./types";

/** Every real case, English first. The expected judgments were written before the engine ran on them. */
export const REAL_CASES: readonly RealCase[] = [...EN_CASES, ...ZH_CASES];
