import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { COMMANDS, runCli } from "./cli";
import type { CliIo } from "./cli-io";

async function cli(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout: (s) => (stdout += String(s)),
    stderr: (s) => (stderr += s),
    env: {} as NodeJS.ProcessEnv,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe("the command line's shape", () => {
  it("prints usage for --help on the program and on every command and sub-command, exit 0, nothing on stderr", async () => {
    const invocations = [
      ["--help"],
      ...COMMANDS.map((c) => [c.name, "--help"]),
      ["estimate", "finetune", "--help"],
      ["estimate", "serve", "-h"],
      ...["create-user", "create-token", "revoke-token", "sign-out"].map((s) => ["admin", s, "--help"]),
    ];
    for (const args of invocations) {
      const r = await cli(args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: "" });
      expect(r.stdout).toMatch(/^usage: tierwise/);
    }
  });

  it("names an unknown command and exits 2", async () => {
    const r = await cli(["deploy"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^command: "deploy" is not a command/);
  });

  it("has no import cycle between bin/ files (the entry is imported by nobody)", () => {
    const root = resolve(__dirname);
    const files = [
      ...readdirSync(root).map((f) => join(root, f)),
      ...readdirSync(join(root, "commands")).map((f) => join(root, "commands", f)),
    ].filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    const edges = new Map<string, string[]>();
    for (const f of files) {
      const deps = [...readFileSync(f, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((m) => resolve(dirname(f), m[1]) + ".ts");
      edges.set(
        f,
        deps.filter((d) => files.includes(d)),
      );
    }
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") return void cycles.push([...path, f].map((p) => relative(root, p)).join(" → "));
      state.set(f, "open");
      for (const d of edges.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, "done");
    };
    files.forEach((f) => visit(f, []));
    expect(cycles).toEqual([]);
    expect([...edges.values()].flat().filter((d) => d.endsWith("tierwise.ts"))).toEqual([]);
  });
});

describe("tierwise plan: hostile input", () => {
  it("names every problem of a 300,000-key object with exit 2 and at most 51 lines, not a stack overflow", async () => {
    const raw = { description: "x", assumptions: Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1])) };
    const r = await cli(["plan", "-"], JSON.stringify(raw));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(51);
    expect(lines.at(-1)).toMatch(/more problems not shown/);
  });

  it("refuses a batch larger than a workshop's, naming the limit", async () => {
    const r = await cli(["plan", "-"], JSON.stringify(Array.from({ length: 501 }, () => ({ description: "x" }))));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\(root\): has 501 scenarios; at most 500/);
  });

  it("reads a file that starts with a UTF-8 byte-order mark", async () => {
    const r = await cli(
      ["plan", "-", "--no-llm"],
      "\uFEFF" + JSON.stringify({ description: "Classify support tickets into 10 queues; agents review." }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).feasibility.grade).toMatch(/^[A-E]$/);
  });

  it("names --out when it is a folder, and flags it needs", async () => {
    const dir = await cli(["plan", "-", "--format", "pdf", "--out", __dirname], JSON.stringify({ description: "x" }));
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/^--out: .* is a folder/);
    const bad = await cli(["plan", "-", "--lang", "fr", "--frobnicate", "--format"], "{}");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(
      bad.stderr
        .trim()
        .split("\n")
        .map((l) => l.split(":")[0])
        .sort(),
    ).toEqual(["--format", "--frobnicate", "--lang"]);
    const noOut = await cli(["plan", "-", "--format", "pdf"], "{}");
    expect(noOut.stderr).toBe("--out: is required with --format pdf\n");
  });
});
