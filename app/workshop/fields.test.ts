import { describe, expect, it } from "vitest";
import { pageHref, pageInfo, readPage } from "~/lib/paging";
import { readTags, readTitle, TAGS_MAX } from "~/workshop/fields";

describe("managing fields", () => {
  it("reads a title: trimmed, spaces collapsed, controls and bidi overrides dropped; empty and too long refused", () => {
    expect(readTitle("  Ticket\n triage\u202e ")).toEqual({ ok: true, value: "Ticket triage" });
    expect(readTitle("   ")).toEqual({ ok: false, code: "required" });
    expect(readTitle(null)).toEqual({ ok: false, code: "required" });
    expect(readTitle("x".repeat(201))).toMatchObject({ ok: false, code: "too_long", params: { max: 200 } });
  });

  it("reads tags from commas, Chinese separators and several fields; first spelling wins; limits named", () => {
    expect(readTags("Q3 workshop, support；客服、q3 WORKSHOP")).toEqual({ ok: true, value: ["Q3 workshop", "support", "客服"] });
    expect(readTags(["a", "b, c"])).toEqual({ ok: true, value: ["a", "b", "c"] });
    expect(readTags("")).toEqual({ ok: true, value: [] });
    expect(readTags("<b>")).toMatchObject({ ok: false, code: "invalid" });
    expect(readTags("x".repeat(33))).toMatchObject({ ok: false, code: "too_long" });
    expect(readTags(Array.from({ length: TAGS_MAX + 1 }, (_, i) => `t${i}`).join(","))).toMatchObject({ ok: false, code: "too_many" });
  });
});

describe("paging", () => {
  it("reads page and size, falling back to the first page and capping the size", () => {
    expect(readPage(new URLSearchParams("page=3&size=10"))).toEqual({ page: 3, size: 10, offset: 20 });
    expect(readPage(new URLSearchParams("page=0&size=9999"))).toEqual({ page: 1, size: 100, offset: 0 });
    expect(readPage(new URLSearchParams("page=-2&size=abc"))).toEqual({ page: 1, size: 25, offset: 0 });
    expect(pageInfo({ page: 2, size: 10 }, 21)).toEqual({ page: 2, size: 10, total: 21, pages: 3 });
    expect(pageInfo({ page: 1, size: 10 }, 0).pages).toBe(1);
  });

  it("builds page links that keep the other parameters", () => {
    const p = new URLSearchParams("q=acme&page=2&tag=x");
    expect(pageHref("/", p, 3)).toBe("/?q=acme&page=3&tag=x");
    expect(pageHref("/", p, 1)).toBe("/?q=acme&tag=x");
  });
});
