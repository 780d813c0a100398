// The new-password rules: one verdict for the server and the strength meter, and the common list loaded only when a
// password is checked (never at import, so the server's boot does not unpack it).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCommonPasswords } from "~/lib/common-passwords";
import { passwordProblem } from "~/lib/password.server";
import { PASSWORD_MAX, PASSWORD_MIN, passwordStrength } from "~/lib/password-rules";

const ROOT = new URL("../..", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" ? [] : sources(p);
    return /\.(ts|tsx|mjs)$/.test(name) ? [p] : [];
  });
}

describe("the common-password list", () => {
  it("is imported nowhere at load time: one dynamic import, in app/lib/common-passwords.ts", () => {
    const importers = ["app", "bin", "scripts"]
      .flatMap((d) => sources(join(ROOT, d)))
      .filter((f) => readFileSync(f, "utf8").includes("@zxcvbn-ts/language-common"));
    expect(importers.map((f) => f.slice(ROOT.length)).sort()).toEqual(["app/lib/common-passwords.ts", "app/zxcvbn-passwords.d.ts"]);
    const code = readFileSync(join(ROOT, "app/lib/common-passwords.ts"), "utf8");
    expect(code).not.toMatch(/^\s*import\s[^(]*from\s+["']@zxcvbn-ts/m);
    expect(code).toMatch(/import\("@zxcvbn-ts\/language-common\/dist\/passwords\.json\.mjs"\)/);
  });

  it("holds the 49,233 listed passwords and ours, loaded once", async () => {
    const [a, b] = await Promise.all([loadCommonPasswords(), loadCommonPasswords()]);
    expect(a).toBe(b);
    expect(a.size).toBeGreaterThanOrEqual(49_233);
    expect(a.has("123456")).toBe(true);
    expect(a.has("tierwise1234")).toBe(true);
  });
});

describe("the strength meter and the server agree (ASVS 2.1.8)", () => {
  const samples = [
    "",
    "short",
    "elevenchars",
    "password1234",
    "Dragon123456",
    "qwertyqwerty",
    "1234567890123",
    "aaaaaaaaaaaab",
    "correct horse battery staple",
    "Tr0ub4dor&3xyz",
    "我家的猫叫做二零二四年的雪球",
    "一个足够长的中文密码短语就可以",
    "x".repeat(PASSWORD_MAX),
    "xy".repeat(PASSWORD_MAX),
  ];

  it("refuses exactly what the server refuses, for the same reason", async () => {
    const list = await loadCommonPasswords();
    for (const p of samples) {
      const server = (await passwordProblem(p))?.code ?? null;
      const meter = passwordStrength(p, list);
      expect([p, meter.problem]).toEqual([p, server]);
      expect([p, meter.level === "refused"]).toEqual([p, server !== null]);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: PASSWORD_MIN - 2, maxLength: PASSWORD_MIN + 10 }), async (p) => {
        expect(passwordStrength(p, list).problem).toBe((await passwordProblem(p))?.code ?? null);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it("grows with the characters that add something, not with repeats or runs", async () => {
    const list = await loadCommonPasswords();
    const level = (p: string) => passwordStrength(p, list).level;
    expect(level("password1234")).toBe("refused");
    expect(level("aaaaaaaaaaaab")).toBe("fair");
    expect(level("Tr0ub4dor&3xyz")).toBe("fair");
    expect(level("violet quarry midnight")).toBe("good");
    expect(level("correct horse battery staple")).toBe("strong");
    expect(level("我家的猫叫做二零二四年的雪球")).toBe("fair");
    expect(level("我家的猫叫做二零二四年的雪球还有一只小狗叫豆豆")).toBe("strong");
    // Appending a run or the same letter again does not raise it.
    expect(level("Tr0ub4dor&3xyzzzzzzzzz")).toBe("fair");
  });
});
