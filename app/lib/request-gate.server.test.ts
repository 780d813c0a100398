// The admission gate's behaviour (ADR 0052): order, bounds, no starvation of reads beyond the stated bound, clients
// that leave, shutdown, a crowd of new connections let in before reads. No real clocks: every step is driven by
// releasing slots by hand, and the crowd's turns by setImmediate with an injected clock.
import { describe, expect, it, vi } from "vitest";
import { EventEmitter } from "node:events";
import { createAppHandler, requestGate, watchConnections } from "~/lib/app-handler.server";
import { GateClosedError, GateFullError, gateClass, RequestGate, type GateClass, type Release } from "~/lib/request-gate.server";
import { parseEnv } from "~/env.server";

/** Lets every settled promise run its callbacks. */
const flush = () => new Promise((r) => setImmediate(r));

function recorder(gate: RequestGate) {
  const order: string[] = [];
  const releases = new Map<string, Release>();
  const ask = (name: string, kind: GateClass, signal?: AbortSignal) =>
    gate.acquire(kind, signal).then(
      (release) => {
        order.push(name);
        releases.set(name, release);
      },
      (err: unknown) => {
        order.push(`${name}:${(err as Error).name ?? String(err)}`);
      },
    );
  const release = async (name: string) => {
    releases.get(name)!();
    await flush();
  };
  return { order, ask, release };
}

describe("RequestGate", () => {
  it("admits up to `concurrency` at once and the rest in arrival order as slots free up", async () => {
    const gate = new RequestGate({ concurrency: 2, queue: 10, readEvery: 4, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    for (const n of ["r1", "r2", "r3", "r4"]) void ask(n, "read");
    await flush();
    expect(order).toEqual(["r1", "r2"]);
    expect(gate.stats()).toMatchObject({ running: 2, reads: 2 });
    await release("r1");
    expect(order).toEqual(["r1", "r2", "r3"]);
    await release("r2");
    await release("r3");
    expect(order).toEqual(["r1", "r2", "r3", "r4"]);
    expect(gate.stats()).toMatchObject({ running: 1, reads: 0 });
  });

  it("lets a waiting write go before reads that arrived earlier", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("r0", "read");
    await flush();
    for (const n of ["r1", "r2", "r3"]) void ask(n, "read");
    void ask("w1", "write");
    await flush();
    await release("r0");
    expect(order).toEqual(["r0", "w1"]);
    await release("w1");
    expect(order).toEqual(["r0", "w1", "r1"]);
  });

  it("admits a waiting read after at most `readEvery` writes in a row (no starvation)", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 100, readEvery: 3, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("first", "write");
    await flush();
    void ask("r1", "read");
    void ask("r2", "read");
    for (let i = 1; i <= 8; i++) void ask(`w${i}`, "write");
    await flush();
    const steps = ["first", "w1", "w2", "w3", "r1", "w4", "w5", "w6", "r2", "w7", "w8"];
    for (const s of steps.slice(0, -1)) await release(s);
    expect(order).toEqual(steps);
  });

  it("counts writes in a row only while a read waits", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 100, readEvery: 2, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("w0", "write");
    await flush();
    // Three writes pass while no read waits; a read arriving afterwards still gets the full allowance of 2 writes.
    for (const n of ["w1", "w2", "w3"]) void ask(n, "write");
    await flush();
    for (const n of ["w0", "w1", "w2"]) await release(n);
    void ask("r1", "read");
    for (const n of ["w4", "w5", "w6"]) void ask(n, "write");
    await flush();
    for (const n of ["w3", "w4", "w5"]) await release(n);
    expect(order).toEqual(["w0", "w1", "w2", "w3", "w4", "w5", "r1"]);
  });

  it("refuses at once, with a Retry-After, when `queue` requests already wait", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 2, readEvery: 4, writeReserve: 0 });
    const { order, ask } = recorder(gate);
    for (const n of ["a", "b", "c"]) void ask(n, "read");
    await flush();
    const refused = await gate.acquire("write").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GateFullError);
    expect((refused as GateFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(order).toEqual(["a"]);
    expect(gate.stats()).toMatchObject({ running: 1, reads: 2, writes: 0 });
  });

  it("a request whose client leaves while waiting leaves the queue and never runs", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("a", "read");
    await flush();
    const leaving = new AbortController();
    void ask("gone", "write", leaving.signal);
    void ask("b", "read");
    await flush();
    leaving.abort(new Error("client left"));
    await flush();
    expect(gate.stats()).toMatchObject({ writes: 0, reads: 1 });
    await release("a");
    expect(order).toEqual(["a", "gone:Error", "b"]);
    // Refused at once when the client has already left.
    const already = AbortSignal.abort(new Error("gone before"));
    await expect(gate.acquire("read", already)).rejects.toThrow("gone before");
  });

  it("releasing twice frees one slot only", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("a", "read");
    await flush();
    void ask("b", "read");
    void ask("c", "read");
    await flush();
    await release("a");
    await release("a");
    expect(order).toEqual(["a", "b"]);
    expect(gate.stats().running).toBe(1);
  });

  it("on close refuses new requests, still runs those already waiting, then is idle", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("a", "read");
    await flush();
    void ask("b", "write");
    await flush();
    let idle = false;
    void gate.idle().then(() => (idle = true));
    gate.close();
    await expect(gate.acquire("read")).rejects.toBeInstanceOf(GateClosedError);
    await release("a");
    expect(order).toEqual(["a", "b"]);
    expect(idle).toBe(false);
    await release("b");
    expect(idle).toBe(true);
    expect(gate.stats()).toMatchObject({ running: 0, reads: 0, writes: 0, closed: true });
  });

  it("keeps `writeReserve` slots from reads: a save starts at once while page views fill theirs", async () => {
    const gate = new RequestGate({ concurrency: 3, queue: 10, readEvery: 4, writeReserve: 1 });
    const { order, ask, release } = recorder(gate);
    for (const n of ["r1", "r2", "r3"]) void ask(n, "read");
    await flush();
    expect(order).toEqual(["r1", "r2"]);
    void ask("w1", "write");
    await flush();
    expect(order).toEqual(["r1", "r2", "w1"]);
    // The reserved slot freed by the write does not go to the waiting read: reads stay at two.
    void ask("r4", "read");
    await release("w1");
    expect(order).toEqual(["r1", "r2", "w1"]);
    expect(gate.stats()).toMatchObject({ running: 2, reads: 2 });
    await release("r1");
    expect(order).toEqual(["r1", "r2", "w1", "r3"]);
  });

  it("with one slot and a reserve, reads still get it (at least one read slot)", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 1 });
    expect(gate.readSlots).toBe(1);
    const { order, ask } = recorder(gate);
    void ask("r1", "read");
    await flush();
    expect(order).toEqual(["r1"]);
  });

  it("a write arriving while a read is owed its turn waits behind it", async () => {
    const gate = new RequestGate({ concurrency: 2, queue: 10, readEvery: 1, writeReserve: 0 });
    const { order, ask, release } = recorder(gate);
    void ask("a", "read");
    void ask("b", "read");
    await flush();
    void ask("r1", "read");
    void ask("w1", "write");
    await flush();
    await release("a");
    expect(order).toEqual(["a", "b", "w1"]);
    // One write has passed the waiting read; with readEvery 1 the next slot is the read's, even for a newcomer write.
    void ask("w2", "write");
    await release("b");
    expect(order).toEqual(["a", "b", "w1", "r1"]);
    await release("w1");
    expect(order).toEqual(["a", "b", "w1", "r1", "w2"]);
  });

  it("run() gives the slot back when the work throws", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    await expect(gate.run("write", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.stats().running).toBe(0);
    await expect(gate.run("read", async () => 42)).resolves.toBe(42);
  });
});

describe("RequestGate: a crowd at the door (noteConnection)", () => {
  // One `turn` = one pass of the event loop in which the server accepted a connection (noteConnection) or not; the
  // gate checks at the end of each turn (setImmediate), as it does behind a real server.
  const turn = async (accepted: boolean) => {
    if (accepted) gate.noteConnection();
    await flush();
  };
  let gate: RequestGate;
  let clock = 0;
  const settings = { concurrency: 2, queue: 10, readEvery: 4, writeReserve: 0, crowdHoldMs: 100 };

  it("holds reads while connections keep arriving, lets writes through, and admits the reads at the first quiet turn", async () => {
    clock = 0;
    gate = new RequestGate(settings, () => clock);
    const { order, ask } = recorder(gate);
    gate.noteConnection();
    void ask("r1", "read");
    void ask("w1", "write");
    await flush();
    expect(order).toEqual(["w1"]);
    expect(gate.stats()).toMatchObject({ holdingReads: true, reads: 1 });
    for (let i = 0; i < 5; i++) await turn(true);
    clock = 50;
    await turn(true);
    expect(order).toEqual(["w1"]);
    await turn(false);
    expect(order).toEqual(["w1", "r1"]);
    expect(gate.stats()).toMatchObject({ holdingReads: false, reads: 0 });
  });

  it("holds at most crowdHoldMs, and a new hold starts only after a turn without a new connection", async () => {
    clock = 0;
    gate = new RequestGate({ ...settings, concurrency: 4 }, () => clock);
    const { order, ask } = recorder(gate);
    gate.noteConnection();
    void ask("r1", "read");
    await flush();
    expect(order).toEqual([]);
    clock = 100;
    await turn(true);
    expect(order).toEqual(["r1"]);
    // Connections still arrive every turn: no new hold, reads go straight in.
    await turn(true);
    void ask("r2", "read");
    await turn(true);
    expect(order).toEqual(["r1", "r2"]);
    // A quiet turn, then a new crowd: held again.
    await turn(false);
    gate.noteConnection();
    void ask("w1", "write");
    void ask("r3", "read");
    await flush();
    expect(order).toEqual(["r1", "r2", "w1"]);
    await turn(false);
    expect(order).toEqual(["r1", "r2", "w1", "r3"]);
  });

  it("does nothing with crowdHoldMs 0 (or unset), and lets health checks' kin through afterCrowd at once", async () => {
    gate = new RequestGate({ ...settings, crowdHoldMs: 0 });
    const { order, ask } = recorder(gate);
    gate.noteConnection();
    void ask("r1", "read");
    await flush();
    expect(order).toEqual(["r1"]);
    await expect(gate.afterCrowd()).resolves.toBeUndefined();
  });

  it("afterCrowd waits for the hold to end, or for the client to leave", async () => {
    clock = 0;
    gate = new RequestGate(settings, () => clock);
    gate.noteConnection();
    const events: string[] = [];
    void gate.afterCrowd().then(() => events.push("download"));
    const left = new AbortController();
    void gate.afterCrowd(left.signal).then(() => events.push("left"));
    await flush();
    expect(events).toEqual([]);
    left.abort();
    await turn(true);
    expect(events).toEqual(["left"]);
    await turn(false);
    expect(events).toEqual(["left", "download"]);
  });
});

describe("RequestGate: PDF renders wait for the writes in progress (afterWrites)", () => {
  const settings = { concurrency: 2, queue: 10, readEvery: 4, writeReserve: 0, writeHoldMs: 60_000 };

  it("resolves at once when no write runs or waits, and with writeHoldMs 0 (or unset) whatever runs", async () => {
    const gate = new RequestGate(settings);
    const { ask } = recorder(gate);
    await ask("r1", "read");
    await expect(gate.afterWrites()).resolves.toBeUndefined();
    const off = new RequestGate({ ...settings, writeHoldMs: 0 });
    await off.acquire("write");
    expect(off.writesPending).toBe(1);
    await expect(off.afterWrites()).resolves.toBeUndefined();
  });

  it("waits while a write runs or waits for a slot, and goes at the first moment none does", async () => {
    const gate = new RequestGate({ ...settings, concurrency: 1 });
    const { ask, release } = recorder(gate);
    await ask("w1", "write");
    void ask("w2", "write");
    await flush();
    const events: string[] = [];
    void gate.afterWrites().then(() => events.push("pdf"));
    await flush();
    expect(gate.writesPending).toBe(2);
    await release("w1");
    expect(events).toEqual([]);
    await release("w2");
    expect(events).toEqual(["pdf"]);
  });

  it("a read in progress does not hold it; a write whose client left the queue stops holding it", async () => {
    const gate = new RequestGate({ ...settings, concurrency: 1 });
    const { ask, release } = recorder(gate);
    await ask("r1", "read");
    await expect(gate.afterWrites()).resolves.toBeUndefined();
    const left = new AbortController();
    void ask("w1", "write", left.signal);
    await flush();
    const events: string[] = [];
    void gate.afterWrites().then(() => events.push("pdf"));
    await flush();
    expect(events).toEqual([]);
    left.abort();
    await flush();
    expect(events).toEqual(["pdf"]);
    await release("r1");
  });

  it("waits at most writeHoldMs, and not once the client leaves", async () => {
    vi.useFakeTimers();
    try {
      const gate = new RequestGate({ ...settings, writeHoldMs: 2000 });
      await gate.acquire("write");
      const events: string[] = [];
      void gate.afterWrites().then(() => events.push("held"));
      const left = new AbortController();
      void gate.afterWrites(left.signal).then(() => events.push("left"));
      left.abort();
      await vi.advanceTimersByTimeAsync(1999);
      expect(events).toEqual(["left"]);
      await vi.advanceTimersByTimeAsync(1);
      expect(events).toEqual(["left", "held"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("gateClass", () => {
  const req = (method: string, path: string) => new Request(`http://127.0.0.1${path}`, { method });
  it("puts saves and other changes in the write queue", () => {
    expect(gateClass(req("POST", "/api/scenarios"))).toBe("write");
    expect(gateClass(req("POST", "/api/scenarios/abc/versions"))).toBe("write");
    expect(gateClass(req("POST", "/scenarios/new"))).toBe("write");
    expect(gateClass(req("DELETE", "/api/scenarios/abc"))).toBe("write");
  });
  it("puts pages and computations that save nothing in the read queue", () => {
    expect(gateClass(req("GET", "/scenarios/abc"))).toBe("read");
    expect(gateClass(req("GET", "/"))).toBe("read");
    expect(gateClass(req("POST", "/api/plan"))).toBe("read");
    expect(gateClass(req("POST", "/api/analyse"))).toBe("read");
  });
  it("does not gate plans and analyses that wait for a configured LLM (their rate limits bound them)", () => {
    expect(gateClass(req("POST", "/api/plan"), { llm: true })).toBeNull();
    expect(gateClass(req("POST", "/api/analyse"), { llm: true })).toBeNull();
    expect(gateClass(req("POST", "/api/scenarios"), { llm: true })).toBe("write");
  });
  it("does not gate health checks or downloads the render pool bounds itself", () => {
    expect(gateClass(req("GET", "/healthz"))).toBeNull();
    expect(gateClass(req("GET", "/scenarios/abc/report.pdf"))).toBeNull();
    expect(gateClass(req("GET", "/share/tok/report.pdf"))).toBeNull();
    expect(gateClass(req("GET", "/scenarios/abc/charts/cost.png"))).toBeNull();
  });
});

describe("the app handler behind the gate", () => {
  const env = parseEnv({ PORT: "3000" });

  it("holds a page until a slot is free and lets a save waiting beside it go first", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const handle = (request: Request) => {
      const path = new URL(request.url).pathname;
      started.push(`${request.method} ${path}`);
      return new Promise<Response>((resolve) => finish.set(path, () => resolve(new Response(path))));
    };
    const app = createAppHandler({ handle, env, gate });
    const first = app(new Request("http://127.0.0.1/scenarios/a"));
    await flush();
    const page = app(new Request("http://127.0.0.1/scenarios/b"));
    const save = app(new Request("http://127.0.0.1/api/scenarios", { method: "POST" }));
    const health = app(new Request("http://127.0.0.1/healthz"));
    await flush();
    expect(started).toEqual(["GET /scenarios/a", "GET /healthz"]);
    finish.get("/scenarios/a")!();
    finish.get("/healthz")!();
    await first;
    await health;
    await flush();
    expect(started).toEqual(["GET /scenarios/a", "GET /healthz", "POST /api/scenarios"]);
    finish.get("/api/scenarios")!();
    expect(await (await save).text()).toBe("/api/scenarios");
    await flush();
    finish.get("/scenarios/b")!();
    expect(await (await page).text()).toBe("/scenarios/b");
    expect(gate.stats()).toMatchObject({ running: 0, reads: 0, writes: 0 });
  });

  it("answers 503 with Retry-After when the queue is full, JSON for the API", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 0, readEvery: 4, writeReserve: 0 });
    let done!: () => void;
    const handle = () => new Promise<Response>((resolve) => (done = () => resolve(new Response("ok"))));
    const app = createAppHandler({ handle, env, gate });
    const first = app(new Request("http://127.0.0.1/scenarios/a"));
    await flush();
    const api = await app(new Request("http://127.0.0.1/api/scenarios", { method: "POST" }));
    expect(api.status).toBe(503);
    expect(Number(api.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await api.json()).toEqual({ errors: [{ path: "(root)", message: expect.stringContaining("busy") }] });
    const page = await app(new Request("http://127.0.0.1/scenarios/b"));
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/plain");
    done();
    expect((await first).status).toBe(200);
  });

  it("while a crowd is let in, a PDF download waits and a health check does not", async () => {
    const gate = new RequestGate({ concurrency: 2, queue: 10, readEvery: 4, writeReserve: 0, crowdHoldMs: 60_000 });
    const started: string[] = [];
    const app = createAppHandler({
      handle: async (request) => {
        started.push(new URL(request.url).pathname);
        return new Response("ok");
      },
      env,
      gate,
    });
    gate.noteConnection();
    const pdf = app(new Request("http://127.0.0.1/scenarios/a/report.pdf"));
    const health = app(new Request("http://127.0.0.1/healthz"));
    await flush();
    expect(started).toEqual(["/healthz"]);
    await flush();
    await flush();
    expect((await pdf).status).toBe(200);
    expect(started).toEqual(["/healthz", "/scenarios/a/report.pdf"]);
    expect((await health).status).toBe(200);
  });

  it("watchConnections tells this process's gate of every connection the server accepts", async () => {
    const server = new EventEmitter();
    watchConnections(server, env);
    server.emit("connection");
    expect(requestGate(env).stats().holdingReads).toBe(true);
    await flush();
    await flush();
    expect(requestGate(env).stats().holdingReads).toBe(false);
  });

  it("a route that throws gives its slot back", async () => {
    const gate = new RequestGate({ concurrency: 1, queue: 10, readEvery: 4, writeReserve: 0 });
    const app = createAppHandler({ handle: () => Promise.reject(new Error("route failed")), env, gate });
    await expect(app(new Request("http://127.0.0.1/scenarios/a"))).rejects.toThrow("route failed");
    expect(gate.stats().running).toBe(0);
  });
});
