import { describe, expect, it } from "vitest";
import { ASSUMPTION_KEYS, assumptionDef } from "~/domain/estimate/assumptions/registry";
import type { Assumption } from "~/domain/estimate/types";
import { translator } from "~/i18n/translate";
import { unitAdornment, unitKind } from "~/present/view-model/assumptions";
import { assumptionLabel, businessNoteText, costLineLabel, dataNeedLabel, workVolumeLabel } from "~/i18n/assumption-labels";
import { assumptionSourceText, derivationText, reasonText } from "~/i18n/derivations";

describe("words for the estimators' keys and codes", () => {
  it("labels every assumption key a user can override, in both languages", () => {
    for (const key of ASSUMPTION_KEYS) {
      const en = assumptionLabel(key, "en");
      const zh = assumptionLabel(key, "zh");
      expect(en, key).not.toBe(key);
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it("writes every assumption's unit in Chinese on a Chinese page (shares as %, money as ¥ with its per-unit)", () => {
    const zh = translator("zh");
    const latin: string[] = [];
    for (const key of ASSUMPTION_KEYS) {
      const def = assumptionDef(key);
      if (def.kind === "text" || def.kind === "seed") continue;
      const a = { key, value: 1, unit: def.unit.replace("{currency}", "CNY") } as Assumption;
      const { prefix = "", suffix = "" } = unitAdornment(unitKind(a), zh);
      // Terms kept as they are in Chinese: tokens, GPU, LoRA, PUE, epoch, B (billions of parameters).
      const words = `${prefix}${suffix}`.replace(/tokens?|GPU|LoRA|PUE|epoch|\bB\b/gu, "");
      if (/[A-Za-z]{2,}/u.test(words)) latin.push(`${key}: ${prefix}…${suffix}`);
      if (def.kind === "fraction") expect(suffix, key).toMatch(/%/u);
    }
    expect(latin).toEqual([]);
  });

  it("falls back to the plan's own label, then the key, for keys the catalogue does not know", () => {
    expect(assumptionLabel("future.key", "en", { zh: "将来", en: "Future" })).toBe("Future");
    expect(assumptionLabel("future.key", "zh")).toBe("future.key");
    expect(dataNeedLabel("sft", "zh")).toMatch(/[\u4e00-\u9fff]/u);
    expect(costLineLabel("inference_api", "en")).toBe("API token cost");
  });

  it("fills a work volume's parameters", () => {
    expect(workVolumeLabel({ kind: "curation_screened", params: { screened: 5000 } }, "en")).toBe(
      "examples to curate (incl. eval set; 5000 on hand to screen)",
    );
    expect(workVolumeLabel({ label: { zh: "旧", en: "old" } }, "zh")).toBe("旧");
  });

  it("renders business-note codes and leaves unknown notes alone", () => {
    expect(businessNoteText("seat_year_div_12", "zh")).toBe("每席位年费 ÷ 12");
    expect(businessNoteText("something the LLM wrote", "zh")).toBe("something the LLM wrote");
  });

  it("says where an assumption came from: its derivation, else its citation", () => {
    expect(derivationText({ code: "no.such.code" }, "en")).toBe("no.such.code");
    expect(assumptionSourceText({ citation: "Alpaca README" }, "zh")).toBe("Alpaca README");
    expect(reasonText({ zh: "中文", en: "English" }, "en")).toBe("English");
  });
});
