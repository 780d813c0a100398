import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/scenarios/abc?v=2#share")).toBe("/scenarios/abc?v=2#share");
    expect(safeRedirectPath("/compare?ids=a&ids=b")).toBe("/compare?ids=a&ids=b");
  });

  it("refuses every way of naming another host that the review and browsers know", () => {
    for (const to of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "\\\\evil.example",
      " /x",
      "evil.example",
      "",
      "/%09/x".replace("%09", "\u0009"),
      "/\u2028/x",
      // Dot-segments that resolve to "//host" (found by review after the table above was written).
      "/.//evil.example/x",
      "/..//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example",
      "/a/..//evil.example",
      "/././/evil.example",
    ]) {
      expect(safeRedirectPath(to)).toBe("/");
    }
  });

  it("never yields something a browser would resolve to another origin (1,000 generated targets, seeded)", () => {
    const alphabet = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      ".",
      ":",
      "@",
      "%",
      "?",
      "#",
      "a",
      "e",
      "x",
      "h",
      "t",
      "p",
      "s",
      " ",
      "0",
      "\u0000",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 16 }).map((cs) => cs.join("")),
        (to) => {
          const out = safeRedirectPath(to);
          // What Chromium does to a Location value: strip tabs/newlines, resolve against the page.
          const resolved = new URL(out.replace(/[\t\n\r]/g, ""), "https://tierwise.example");
          expect(resolved.origin).toBe("https://tierwise.example");
          expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
        },
      ),
      { seed: 12, numRuns: 1000 },
    );
  });

  it("never yields a path a browser reads as another host, whatever dot-segments precede '//host' (seeded)", () => {
    const segment = fc.constantFrom(".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "a", "");
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom("", "/"), (segments, extra) => {
        const out = safeRedirectPath(`/${segments.join("/")}/${extra}/evil.example/x`);
        expect(new URL(out, "https://tierwise.example").origin).toBe("https://tierwise.example");
        expect(out.startsWith("//")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
