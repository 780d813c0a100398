import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli";
import type { CliIo } from "../cli-io";

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdin: Readable.from([]),
    stdout: (s) => (stdout += String(s)),
    stderr: (s) => (stderr += s),
    env: {} as NodeJS.ProcessEnv,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const FT = [
  "estimate",
  "finetune",
  "--params-b",
  "7",
  "--method",
  "full",
  "--examples",
  "52000",
  "--tokens-per-example",
  "512",
  "--epochs",
  "3",
  "--gpu",
  "a100-80g",
  "--gpus",
  "8",
];

describe("tierwise estimate", () => {
  it("finetune --format json prints the contract fields", async () => {
    const r = await cli([...FT, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ["memoryGbPerGpu", "gpus", "gpuHours", "wallHours", "costUsd"]) expect(typeof j[k]).toBe("number");
    expect(typeof j.fits).toBe("boolean");
    expect(j.gpus).toBe(8);
  });

  it("finetune prints a readable table by default", async () => {
    const r = await cli(FT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GPU-hours/);
    expect(r.stdout).toMatch(/memory per GPU/);
    expect(r.stderr).toBe("");
  });

  it("serve --format json prints weights, KV cache, total and GPUs, with defaults for the optional flags", async () => {
    const r = await cli(["estimate", "serve", "--params-b", "13", "--precision", "int4", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ["weightsGb", "kvCacheGb", "totalGb", "gpus"]) expect(typeof j[k]).toBe("number");
    expect(j.contextTokens).toBe(4096);
    expect(j.concurrency).toBe(8);
    expect(j.totalGb).toBeCloseTo(j.weightsGb + j.kvCacheGb + j.overheadGb, 2);
  });

  it("bad input: exit 2, one stderr line per problem naming the flag, nothing on stdout", async () => {
    const r = await cli([
      "estimate",
      "finetune",
      "--params-b",
      "seven",
      "--method",
      "dora",
      "--gpu",
      "tpu",
      "--epochs",
      "-1",
      "--bogus",
      "1",
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    for (const flag of ["--params-b", "--method", "--gpu", "--epochs", "--examples", "--tokens-per-example", "--bogus"])
      expect(lines.some((l) => l.startsWith(`${flag}:`))).toBe(true);
  });

  it("serve without --precision is an error naming it", async () => {
    const r = await cli(["estimate", "serve", "--params-b", "13"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^--precision:/m);
  });

  it("an unknown estimator exits 2", async () => {
    const r = await cli(["estimate", "pretrain"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
