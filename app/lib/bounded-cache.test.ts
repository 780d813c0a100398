import { describe, expect, it } from "vitest";
import { BoundedCache } from "~/lib/bounded-cache";

describe("bounded cache", () => {
  it("never holds more than its bound and drops the least recently used entry", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("returns what it stores and replaces a key without growing", () => {
    const cache = new BoundedCache<string>(2);
    expect(cache.set("k", "one")).toBe("one");
    cache.set("k", "two");
    expect(cache.size).toBe(1);
    expect(cache.get("k")).toBe("two");
  });
});
