import { describe, expect, it } from "vitest";
import { formatters } from "~/present/format";
import { formatMoneyCompact, formatPrice } from "~/present/format";

describe("money formatting", () => {
  it("prints compact money without a trailing .0, the way Chromium does", () => {
    expect(formatMoneyCompact(60_000, "USD", "en")).toBe("$60K");
    expect(formatMoneyCompact(61_500, "USD", "en")).toBe("$61.5K");
    expect(formatMoneyCompact(1_234_567, "CNY", "zh")).toBe("¥123.5万");
    expect(formatMoneyCompact(3_000_000, "CNY", "zh")).toBe("¥300万");
  });

  it("gives the web views the same compact string as the report", () => {
    const f = formatters("en", "USD");
    for (const v of [60_000, 61_500, -250_000, 9_999, 12_345_678]) expect(f.moneyCompact(v)).toBe(formatMoneyCompact(v, "USD", "en"));
  });

  it("keeps the cents of a unit price and none of a whole one", () => {
    expect(formatPrice(19.99, "USD", "en")).toBe("$19.99");
    expect(formatPrice(30, "CNY", "zh")).toBe("¥30");
    expect(formatPrice(null, "USD", "en")).toBe("—");
  });
});
