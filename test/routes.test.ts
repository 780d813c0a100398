// Routes against a real SQLite file in a temp dir: the loaders and actions are called as Remix calls them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssumptionItem, PlanView } from "~/present/view-model/types";

const dir = mkdtempSync(join(tmpdir(), "tierwise-routes-"));
process.env.DATABASE_PATH = join(dir, "routes.sqlite");
delete process.env.OPENAI_API_KEY;

const apiPlan = await import("~/routes/api.plan");
const apiScenarios = await import("~/routes/api.scenarios");
const apiScenario = await import("~/routes/api.scenarios.$id");
const apiAnalyse = await import("~/routes/api.analyse");
const newRoute = await import("~/routes/scenarios.new");
const planRoute = await import("~/routes/scenarios.$id");
const shareRoute = await import("~/routes/share.$token");
const exportJson = await import("~/routes/scenarios.$id.export[.]json");
const exportMd = await import("~/routes/scenarios.$id.export[.]md");
const editRoute = await import("~/routes/scenarios.$id_.edit");
const compareRoute = await import("~/routes/compare");
const indexRoute = await import("~/routes/_index");
const healthz = await import("~/routes/healthz");
const langRoute = await import("~/routes/lang");
const apiVersions = await import("~/routes/api.scenarios.$id.versions");
const apiShares = await import("~/routes/api.scenarios.$id.shares");
const apiShare = await import("~/routes/api.shares.$token");
const { getDb } = await import("~/models/db.server");
const { listVersions, getScenario } = await import("~/models/scenario.server");

const BASE = "http://test.local";
const TRIAGE = {
  title: "Support ticket triage",
  description: "Classify incoming support tickets into 10 categories; agents can re-route with one click. We have 3,000 labelled tickets.",
  market: "internal",
  stakes: "low",
  humanReview: "sampled",
};

type Args = Parameters<typeof apiPlan.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args;
const postJson = (path: string, body: string) =>
  new Request(BASE + path, { method: "POST", headers: { "content-type": "application/json" }, body });
const postForm = (path: string, fields: [string, string][], headers: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return new Request(BASE + path, { method: "POST", body: form, headers });
};
const get = (path: string, headers: Record<string, string> = {}) => new Request(BASE + path, { headers });

/** `data(body, {status})` results as {status, body}; plain objects as 200. */
interface FormAnswer {
  errors: Record<string, string>;
  values: Record<string, unknown>;
  notice?: string | null;
}

function unwrap(result: unknown): { status: number; body: FormAnswer } {
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const d = result as { data: unknown; init: { status?: number } | null };
    return { status: d.init?.status ?? 200, body: d.data as FormAnswer };
  }
  return { status: 200, body: result as FormAnswer };
}

async function thrown(fn: () => Promise<unknown>): Promise<Response> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
  throw new Error("expected a thrown Response");
}

/** The answer of a loader or action, returned or thrown (the auth checks throw theirs). */
async function answer(fn: () => Promise<unknown>): Promise<Response> {
  try {
    return (await fn()) as Response;
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
}

/** The plan page's loader data, with the stored plan of the version it shows. */
async function planPage(path: string, id: string) {
  const d = await planRoute.loader(args(get(path), { id }));
  const { getVersion } = await import("~/models/scenario.server");
  const plan = (await getVersion({ id, version: d.version }))!.plan;
  return { ...d, view: d.view as PlanView, plan };
}

/** Every assumption the page's editor shows, with the exact text its field holds. */
function editorItems(view: PlanView): AssumptionItem[] {
  return view.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "assumptions" ? b.groups.flatMap((g) => g.items) : [])));
}

async function createViaApi(body: object = TRIAGE): Promise<string> {
  const res = (await apiScenarios.action(args(postJson("/api/scenarios", JSON.stringify(body))))) as Response;
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  await getDb();
});
afterAll(async () => {
  await (await getDb()).close();
  rmSync(dir, { recursive: true, force: true });
});

describe("HTTP API", () => {
  it("POST /api/plan answers a DecisionPlan for a valid body", async () => {
    const res = (await apiPlan.action(args(postJson("/api/plan", JSON.stringify(TRIAGE))))) as Response;
    expect(res.status).toBe(200);
    const plan = (await res.json()) as { feasibility: { verdict: string }; title: string; llm: { status: string } };
    expect(["go", "pilot", "rethink", "no_go"]).toContain(plan.feasibility.verdict);
    expect(plan.title).toBe(TRIAGE.title);
    expect(plan.llm.status).toBe("off");
  });

  it("POST /api/plan answers 400 with errors naming the field", async () => {
    const cases: [string, string][] = [
      ["{oops", "(root)"],
      ["", "(root)"],
      ["[]", "(root)"],
      [JSON.stringify({ description: "" }), "description"],
      [JSON.stringify({ description: "x", usage: { users: -1 } }), "usage.users"],
      [JSON.stringify({ description: "x", colour: "red" }), "colour"],
    ];
    for (const [body, path] of cases) {
      const res = (await apiPlan.action(args(postJson("/api/plan", body)))) as Response;
      expect(res.status, body).toBe(400);
      const json = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(
        json.errors.map((e) => e.path),
        body,
      ).toContain(path);
      expect(json.errors.every((e) => typeof e.message === "string" && e.message.length > 0)).toBe(true);
    }
  });

  it("POST /api/scenarios saves and GET /api/scenarios/:id returns it with its latest plan; unknown ids 404", async () => {
    const res = (await apiScenarios.action(args(postJson("/api/scenarios", JSON.stringify(TRIAGE))))) as Response;
    expect(res.status).toBe(201);
    const { id, url } = (await res.json()) as { id: string; url: string };
    expect(url).toBe(`/scenarios/${id}`);
    const got = (await apiScenario.loader(args(get(`/api/scenarios/${id}`), { id }))) as Response;
    expect(got.status).toBe(200);
    const body = (await got.json()) as { id: string; input: typeof TRIAGE; plan: { title: string }; latestVersion: number };
    expect(body).toMatchObject({ id, latestVersion: 1, input: TRIAGE, plan: { title: TRIAGE.title } });
    const missing = await thrown(() => apiScenario.loader(args(get("/api/scenarios/no-such-id-0"), { id: "no-such-id-0" })));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it("POST /api/scenarios rejects broken JSON with 400", async () => {
    const res = (await apiScenarios.action(args(postJson("/api/scenarios", "{")))) as Response;
    expect(res.status).toBe(400);
  });

  it("/api/analyse says the AI step is not configured without a key, proposes nothing, and answers bad bodies like the rest of the API", async () => {
    const settings = (await apiAnalyse.loader(args(get("/api/analyse")))) as Response;
    expect(settings.headers.get("cache-control")).toBe("no-store");
    expect(await settings.json()).toEqual({ configured: false });
    const ok = (await apiAnalyse.action(args(postJson("/api/analyse", JSON.stringify(TRIAGE))))) as Response;
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { llm: { status: string }; profile: Record<string, { source: string }> };
    expect(body.llm.status).toBe("off");
    expect(Object.values(body.profile).some((f) => f.source === "llm")).toBe(false);
    for (const [raw, path] of [
      ["{oops", "(root)"],
      [JSON.stringify({ description: "x", colour: "red" }), "colour"],
    ] as const) {
      const res = (await apiAnalyse.action(args(postJson("/api/analyse", raw)))) as Response;
      expect(res.status, raw).toBe(400);
      expect(
        ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
        raw,
      ).toContain(path);
    }
  });

  it("GET /healthz is 200 once the database is open", async () => {
    const res = (await healthz.loader()) as Response;
    expect(res.status).toBe(200);
  });
});

describe("versions and shares through the API", () => {
  it("POST /api/scenarios/:id/versions plans and saves the next version: 201 {id, version, url}; bad bodies 400, unknown ids 404", async () => {
    const id = await createViaApi();
    const res = (await apiVersions.action(
      args(postJson(`/api/scenarios/${id}/versions`, JSON.stringify({ ...TRIAGE, stakes: "high" })), { id }),
    )) as Response;
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id, version: 2, url: `/scenarios/${id}?v=2` });
    expect((await getScenario({ id }))?.input.stakes).toBe("high");
    const bad = (await apiVersions.action(
      args(postJson(`/api/scenarios/${id}/versions`, JSON.stringify({ description: "" })), { id }),
    )) as Response;
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0].path).toBe("description");
    expect(
      (
        await answer(() =>
          apiVersions.action(args(postJson("/api/scenarios/zzzzzzzzzzzz/versions", JSON.stringify(TRIAGE)), { id: "zzzzzzzzzzzz" })),
        )
      ).status,
    ).toBe(404);
    const list = (await apiVersions.loader(args(get(`/api/scenarios/${id}/versions`), { id }))) as Response;
    expect(((await list.json()) as { versions: { version: number }[] }).versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("POST /api/scenarios/:id/shares pins a link to a version (the latest by default) or, asked, to whatever is latest; DELETE /api/shares/:token revokes it", async () => {
    const id = await createViaApi();
    await apiVersions.action(args(postJson(`/api/scenarios/${id}/versions`, JSON.stringify({ ...TRIAGE, title: "Second" })), { id }));
    const share = async (body: object) => {
      const res = (await apiShares.action(args(postJson(`/api/scenarios/${id}/shares`, JSON.stringify(body)), { id }))) as Response;
      return {
        status: res.status,
        body: (await res.json()) as { token: string; url: string; version: number | null; errors?: { path: string }[] },
      };
    };
    const pinned = await share({});
    expect(pinned.status).toBe(201);
    expect(pinned.body.version).toBe(2);
    expect(pinned.body.url).toMatch(new RegExp(`/share/${pinned.body.token}$`));
    expect((await share({ version: 1 })).body.version).toBe(1);
    expect((await share({ version: "latest" })).body.version).toBeNull();
    expect((await share({ version: 7 })).status).toBe(404);
    const bad = await share({ version: "two" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].path).toBe("version");
    expect((await share({ colour: 1 })).status).toBe(400);
    const del = (await apiShare.action(
      args(new Request(`${BASE}/api/shares/${pinned.body.token}`, { method: "DELETE" }), { token: pinned.body.token }),
    )) as Response;
    expect(del.status).toBe(204);
    expect((await thrown(() => shareRoute.loader(args(get(`/share/${pinned.body.token}`), { token: pinned.body.token })))).status).toBe(
      404,
    );
    expect(
      (
        (await apiShare.action(
          args(new Request(`${BASE}/api/shares/${pinned.body.token}`, { method: "DELETE" }), { token: pinned.body.token }),
        )) as Response
      ).status,
    ).toBe(404);
  });

  it("shows a renamed scenario by its new name on the latest version, its page, share page and PDF name; an older version keeps its own", async () => {
    const { renameScenario } = await import("~/models/workshop.server");
    const id = await createViaApi();
    await apiVersions.action(args(postJson(`/api/scenarios/${id}/versions`, JSON.stringify(TRIAGE)), { id }));
    expect(await renameScenario({ id, title: "Helpdesk routing" })).toBe(true);
    expect(((await planPage(`/scenarios/${id}`, id)).view as PlanView).title).toBe("Helpdesk routing");
    expect(((await planPage(`/scenarios/${id}?v=1`, id)).view as PlanView).title).toBe(TRIAGE.title);
    const res = (await apiShares.action(args(postJson(`/api/scenarios/${id}/shares`, "{}"), { id }))) as Response;
    const { token } = (await res.json()) as { token: string };
    expect(((await shareRoute.loader(args(get(`/share/${token}`), { token }))).view as PlanView).title).toBe("Helpdesk routing");
  });

  it("keeps showing a pinned link's version after a new one is saved, and says a newer one exists; a link following the latest moves on", async () => {
    const id = await createViaApi();
    const create = async (version?: number | "latest") => {
      const res = (await apiShares.action(
        args(postJson(`/api/scenarios/${id}/shares`, JSON.stringify(version === undefined ? {} : { version })), { id }),
      )) as Response;
      return ((await res.json()) as { token: string }).token;
    };
    const pinned = await create();
    const latest = await create("latest");
    await apiVersions.action(
      args(postJson(`/api/scenarios/${id}/versions`, JSON.stringify({ ...TRIAGE, stakes: "critical", humanReview: "none" })), { id }),
    );
    const a = await shareRoute.loader(args(get(`/share/${pinned}`), { token: pinned }));
    expect((a.view as PlanView).stamp.version).toBe(1);
    expect(a.newer).toBe(2);
    const b = await shareRoute.loader(args(get(`/share/${latest}`), { token: latest }));
    expect((b.view as PlanView).stamp.version).toBe(2);
    expect(b.newer).toBeNull();
    expect(b.followsLatest).toBe(true);
  });
});

describe("the form", () => {
  it("keeps what was typed and names the fields in error", async () => {
    const result = await newRoute.action(
      args(
        postForm("/scenarios/new", [
          ["title", "Half-typed"],
          ["description", "   "],
          ["data.labeledExamples", "lots"],
          ["tasks", "qa"],
          ["business.pricePerUserMonth", "30"],
        ]),
      ),
    );
    const { status, body } = unwrap(result);
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(["data.labeledExamples", "description"]);
    expect(body.values).toMatchObject({
      title: "Half-typed",
      "data.labeledExamples": "lots",
      tasks: ["qa"],
      "business.pricePerUserMonth": "30",
    });
  });

  it("answers errors in Chinese for a Chinese page", async () => {
    const { body } = unwrap(await newRoute.action(args(postForm("/scenarios/new?lang=zh", [["description", ""]]))));
    expect(body.errors.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("saves a valid scenario and redirects to its plan", async () => {
    const res = (await newRoute.action(
      args(
        postForm("/scenarios/new", [
          ["description", TRIAGE.description],
          ["title", "From the form"],
          ["usage.users", "1,200"],
          ["tasks", "classification"],
          ["replacesSystemOfRecord", "false"],
        ]),
      ),
    )) as Response;
    expect(res.status).toBe(302);
    const id = res.headers.get("location")!.split("/").pop()!;
    const s = await getScenario({ id });
    expect(s?.input).toMatchObject({
      title: "From the form",
      usage: { users: 1200 },
      tasks: ["classification"],
      replacesSystemOfRecord: false,
    });
  });

  it("fills the form from a knowledge-base template in the page's language", async () => {
    // The form's address carries its one-time token (the loader redirects to add one).
    const redirected = await thrown(() => newRoute.loader(args(get("/scenarios/new"))));
    expect(redirected.headers.get("location")).toMatch(/^\/scenarios\/new\?form=[A-Za-z0-9_-]{22}$/);
    const blank = await newRoute.loader(args(get("/scenarios/new?form=aaaaaaaaaaaaaaaaaaaaaa")));
    expect(blank.templates.length).toBeGreaterThan(0);
    const id = blank.templates[0].id;
    const zh = await newRoute.loader(args(get(`/scenarios/new?template=${id}&lang=zh&form=aaaaaaaaaaaaaaaaaaaaaa`)));
    const en = await newRoute.loader(args(get(`/scenarios/new?template=${id}&lang=en&form=aaaaaaaaaaaaaaaaaaaaaa`)));
    expect(zh.templateId).toBe(id);
    expect(String(zh.values.description)).toMatch(/[\u4e00-\u9fff]/);
    expect(String(en.values.description)).not.toBe(String(zh.values.description));
  });
});

describe("the plan page", () => {
  it("404s for an unknown scenario", async () => {
    const res = await thrown(() => planRoute.loader(args(get("/scenarios/nope"), { id: "nope" })));
    expect(res.status).toBe(404);
  });

  it("serves the plan's view model with its bottom line and chart specs in the page's language", async () => {
    const id = await createViaApi();
    const d = await planPage(`/scenarios/${id}?lang=zh`, id);
    expect(d.version).toBe(1);
    expect(Object.keys(d.view.charts).sort()).toEqual(["cashflow", "cost", "gantt", "radar", "tornado"]);
    expect(d.view.charts.radar.title).toMatch(/[\u4e00-\u9fff]/);
    expect(d.view.brief.answer).toMatch(/[\u4e00-\u9fff]/);
    expect(d.view.stamp.version).toBe(1);
    expect(d.diff).toBeNull();
  });

  it("recomputes and saves a new version when an assumption is edited, and says in words what changed", async () => {
    const id = await createViaApi();
    const before = await planPage(`/scenarios/${id}`, id);
    const editable = editorItems(before.view).find((a) => a.editable && a.unit.kind === "count" && Number(a.field.replace(/,/g, "")) > 0)!;
    expect(editable, "the plan has a numeric assumption").toBeDefined();
    const was = before.plan.assumptions.find((a) => a.key === editable.key)!.value as number;
    const newValue = was * 2;
    const res = (await planRoute.action(
      args(
        postForm(`/scenarios/${id}`, [
          ["intent", "assumptions"],
          [`a:${editable.key}`, String(newValue)],
        ]),
        { id },
      ),
    )) as Response;
    expect(res.status).toBe(302);
    // Back where the reader was: the edited row.
    expect(res.headers.get("location")).toBe(`/scenarios/${id}?saved=2#a-${editable.key.replace(/\./g, "-")}`);
    const after = await planPage(`/scenarios/${id}?saved=2`, id);
    expect(after.version).toBe(2);
    expect(after.saved).toBe(2);
    expect(after.plan.input.assumptions).toEqual({ [editable.key]: newValue });
    expect(after.plan.assumptions.find((a) => a.key === editable.key)?.value).toBe(newValue);
    // The input change reads with the value the plan used before, formatted, not "—".
    expect(after.diff?.inputs).toEqual([
      { id: `assumptions.${editable.key}`, label: editable.label, before: editable.display, after: expect.any(String) },
    ]);
    expect(after.diff?.inputs[0].after).not.toBe(editable.display);
    expect((await listVersions({ id })).map((v) => v.version)).toEqual([2, 1]);
    // The old version is still there, unchanged.
    const v1 = await planPage(`/scenarios/${id}?v=1`, id);
    expect(v1.plan.assumptions.find((a) => a.key === editable.key)?.value).toBe(was);
  });

  it("reads values as people type them: a share as 3 or 3%, money with its currency sign or 万", async () => {
    const id = await createViaApi({ ...TRIAGE, market: "toC", locale: "zh", business: { currency: "CNY", pricePerUserMonth: 20 } });
    const d = await planPage(`/scenarios/${id}?lang=zh`, id);
    const items = editorItems(d.view);
    const share = items.find((a) => a.editable && a.unit.kind === "fraction" && a.key.startsWith("finance."))!;
    const money = items.find((a) => a.editable && a.unit.kind === "money" && a.unit.currency === "CNY")!;
    const res = (await planRoute.action(
      args(
        postForm(`/scenarios/${id}?lang=zh`, [
          ["intent", "assumptions"],
          [`a:${share.key}`, "4%"],
          [`a:${money.key}`, "¥1.5万"],
        ]),
        { id },
      ),
    )) as Response;
    expect(res.status).toBe(302);
    const saved = (await getScenario({ id }))!.input.assumptions;
    expect(saved).toEqual({ [share.key]: 0.04, [money.key]: 15000 });
    const bare = (await planRoute.action(
      args(
        postForm(`/scenarios/${id}?lang=zh`, [
          ["intent", "assumptions"],
          [`a:${share.key}`, "5"],
        ]),
        { id },
      ),
    )) as Response;
    expect(bare.status).toBe(302);
    expect((await getScenario({ id }))!.input.assumptions?.[share.key]).toBe(0.05);
  });

  it("rejects a value it cannot read beside its field, in the page's language, and saves nothing", async () => {
    const id = await createViaApi({ ...TRIAGE, locale: "zh" });
    const d = await planPage(`/scenarios/${id}?lang=zh`, id);
    const items = editorItems(d.view).filter((a) => a.editable);
    const key = items[0].key;
    const money = items.find((a) => a.unit.kind === "money" && a.unit.currency === "CNY")!;
    const { status, body } = unwrap(
      await planRoute.action(
        args(
          postForm(`/scenarios/${id}?lang=zh`, [
            ["intent", "assumptions"],
            [`a:${key}`, "3500("],
            [`a:${money.key}`, "$30"],
          ]),
          { id },
        ),
      ),
    );
    expect(status).toBe(400);
    expect(body.errors[key]).toBe("必须是数字");
    expect(body.errors[money.key]).toMatch(/CNY/);
    expect(body.values[key]).toBe("3500(");
    expect((await listVersions({ id })).length).toBe(1);
  });

  it("saves nothing when the form comes back exactly as the page showed it", async () => {
    const id = await createViaApi();
    for (const lang of ["en", "zh"]) {
      const d = await planPage(`/scenarios/${id}?lang=${lang}`, id);
      const fields = editorItems(d.view)
        .filter((a) => a.editable)
        .map((a) => [`a:${a.key}`, a.field] as [string, string]);
      expect(fields.length).toBeGreaterThan(10);
      const { body } = unwrap(
        await planRoute.action(args(postForm(`/scenarios/${id}?lang=${lang}`, [["intent", "assumptions"], ...fields]), { id })),
      );
      expect(body.notice, lang).toBe("noChange");
    }
    expect((await listVersions({ id })).length).toBe(1);
  });

  it("corrects an inferred fact in place from the bottom line: a new version from the corrected input; a bad value saves nothing", async () => {
    const id = await createViaApi({
      description: "我们是一家美术培训机构，想做一个给学生作品自动写评语的工具，老师审核后发给家长。目前有大约2000条老师写过的评语。",
      locale: "zh",
    });
    const post = (fields: [string, string][], version = "1") =>
      planRoute.action(args(postForm(`/scenarios/${id}?lang=zh`, [["intent", "confirm"], ["version", version], ...fields]), { id }));
    const res = (await post([
      ["field", "usage.users"],
      ["value", "1,000"],
    ])) as Response;
    expect(res.headers.get("location")).toBe(`/scenarios/${id}?saved=2#bottom-line`);
    expect((await getScenario({ id }))?.input.usage?.users).toBe(1000);
    // Edits start from the version on screen.
    await post(
      [
        ["field", "humanReview"],
        ["value", "always"],
      ],
      "2",
    );
    expect((await getScenario({ id }))?.input).toMatchObject({ humanReview: "always", usage: { users: 1000 } });
    const { status, body } = unwrap(
      await post([
        ["field", "usage.users"],
        ["value", "很多"],
      ]),
    );
    expect(status).toBe(400);
    expect((body as unknown as { confirmError: { field: string; message: string } }).confirmError).toMatchObject({
      field: "usage.users",
      message: "必须是数字",
    });
    expect((await listVersions({ id })).length).toBe(3);
  });

  it("lands two concurrent edits as two versions", async () => {
    const id = await createViaApi();
    const d = await planPage(`/scenarios/${id}`, id);
    const a = d.plan.assumptions.find((x) => typeof x.value === "number" && x.value > 0)!;
    const edit = (v: number) =>
      planRoute.action(
        args(
          postForm(`/scenarios/${id}`, [
            ["intent", "assumptions"],
            [`a:${a.key}`, String(v)],
          ]),
          { id },
        ),
      );
    await Promise.all([edit((a.value as number) + 1), edit((a.value as number) + 2)]);
    const versions = await listVersions({ id });
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it("edits the whole input as a new version through the edit form", async () => {
    const id = await createViaApi();
    const form = await editRoute.loader(args(get(`/scenarios/${id}/edit`), { id }));
    expect(form.values.description).toBe(TRIAGE.description);
    const res = (await editRoute.action(
      args(
        postForm(`/scenarios/${id}/edit`, [
          ["description", TRIAGE.description],
          ["title", "Renamed"],
          ["stakes", "high"],
        ]),
        { id },
      ),
    )) as Response;
    expect(res.status).toBe(302);
    const s = await getScenario({ id });
    expect(s).toMatchObject({ latestVersion: 2, title: "Renamed", input: { stakes: "high" } });
  });
});

describe("share links and exports", () => {
  it("creates a share link that serves the plan read-only, and stops serving it once revoked", async () => {
    const id = await createViaApi();
    const created = (await planRoute.action(args(postForm(`/scenarios/${id}`, [["intent", "share-create"]]), { id }))) as Response;
    expect(created.status).toBe(302);
    const token = decodeURIComponent(new URL(created.headers.get("location")!, BASE).searchParams.get("shared")!);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const shared = await shareRoute.loader(args(get(`/share/${token}`), { token }));
    expect((shared.view as PlanView).title).toBe(TRIAGE.title);
    expect((shared.view as PlanView).audience).toBe("reader");
    // The shared view carries the reader's view only: no scenario id to navigate from.
    expect(Object.keys(shared).sort()).toEqual(["followsLatest", "newer", "pdfBusy", "renderKey", "savedAtText", "token", "view"]);
    expect(JSON.stringify(shared)).not.toContain(id);
    expect(shared.renderKey).not.toContain(id);
    await planRoute.action(
      args(
        postForm(`/scenarios/${id}`, [
          ["intent", "share-revoke"],
          ["token", token],
        ]),
        { id },
      ),
    );
    const gone = await thrown(() => shareRoute.loader(args(get(`/share/${token}`), { token })));
    expect(gone.status).toBe(404);
  });

  it("exports JSON and Markdown, and 404s for unknown ids", async () => {
    const id = await createViaApi();
    const json = (await exportJson.loader(args(get(`/scenarios/${id}/export.json`), { id }))) as Response;
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await json.json()) as { title: string }).title).toBe(TRIAGE.title);
    const md = (await exportMd.loader(args(get(`/scenarios/${id}/export.md?lang=en`), { id }))) as Response;
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/);
    expect(await md.text()).toContain(TRIAGE.title);
    expect((await answer(() => exportJson.loader(args(get("/scenarios/x/export.json"), { id: "x" })))).status).toBe(404);
    expect((await answer(() => exportMd.loader(args(get("/scenarios/x/export.md"), { id: "x" })))).status).toBe(404);
  });
});

describe("list, compare and language", () => {
  it("lists saved scenarios and compares two of them; refuses one or thirteen", async () => {
    const a = await createViaApi({ ...TRIAGE, title: "A" });
    const b = await createViaApi({ ...TRIAGE, title: "B", stakes: "critical" });
    const list = await indexRoute.loader(args(get("/")));
    expect(list.scenarios.map((s) => s.id)).toEqual(expect.arrayContaining([a, b]));
    // The API pages and searches with the list page's one implementation; a % typed is a character, not a wildcard.
    const api = (await (await apiScenarios.loader(args(get("/api/scenarios?size=1&page=2")))).json()) as {
      scenarios: unknown[];
      total: number;
      size: number;
      page: number;
    };
    expect(api).toMatchObject({ size: 1, page: 2 });
    expect(api.scenarios).toHaveLength(1);
    expect(api.total).toBeGreaterThanOrEqual(2);
    const none = (await (await apiScenarios.loader(args(get("/api/scenarios?q=%25")))).json()) as { total: number };
    expect(none.total).toBe(0);
    const bad = await apiScenarios.loader(args(get("/api/scenarios?status=gone&sort=size")));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["status", "sort"]);
    const two = await compareRoute.loader(args(get(`/compare?ids=${a}&ids=${b}`)));
    expect(two.selection.problem).toBeNull();
    expect(two.view?.options.map((o) => o.title)).toEqual(["A", "B"]);
    const one = await compareRoute.loader(args(get(`/compare?ids=${a}`)));
    expect(one.selection.problem).toBe("tooFew");
    const thirteen = await compareRoute.loader(args(get(`/compare?${Array.from({ length: 13 }, (_, i) => `ids=${i}`).join("&")}`)));
    expect(thirteen.selection.problem).toBe("tooMany");
  });

  it("sets the language cookie and only redirects within the site", async () => {
    const ok = (await langRoute.loader(args(get("/lang?lang=zh&to=/compare")))) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/compare");
    expect(ok.headers.get("set-cookie")).toMatch(/tw_lang=zh/);
    const evil = (await langRoute.loader(args(get("/lang?lang=en&to=//evil.example")))) as Response;
    expect(evil.headers.get("location")).toBe("/");
  });
});
