// The workshop's routes (issue 11 item 6) against a real SQLite file: the list's management actions, the new form's
// one-time token, compare in one currency with sortable rows. Loaders and actions are called as Remix calls them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "tierwise-workshop-routes-"));
process.env.DATABASE_PATH = join(dir, "workshop.sqlite");
delete process.env.OPENAI_API_KEY;

const indexRoute = await import("~/routes/_index");
const newRoute = await import("~/routes/scenarios.new");
const compareRoute = await import("~/routes/compare");
const planRoute = await import("~/routes/scenarios.$id");
const apiScenarios = await import("~/routes/api.scenarios");
const { getScenario, saveVersion } = await import("~/models/scenario.server");
const { computePlan } = await import("~/models/planning.server");
const { findScenarios } = await import("~/models/workshop.server");
const { readPage } = await import("~/lib/paging");
const { backTo } = await import("~/workshop/manage.server");
const { TEMPLATES } = await import("~/domain/kb/templates");
const { closeDb } = await import("~/models/db.server");

afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

const BASE = "http://test.local";
type Args = Parameters<typeof indexRoute.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args;
const get = (path: string) => new Request(BASE + path);
const post = (path: string, fields: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return new Request(BASE + path, { method: "POST", body: form });
};
const unwrap = <T>(r: unknown): { status: number; body: T } =>
  r && typeof r === "object" && (r as { type?: string }).type === "DataWithResponseInit"
    ? { status: (r as { init: { status?: number } | null }).init?.status ?? 200, body: (r as { data: T }).data }
    : { status: 200, body: r as T };

async function create(body: object): Promise<string> {
  const res = (await apiScenarios.action(
    args(
      new Request(`${BASE}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    ),
  )) as Response;
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const template = (id: string, locale: "zh" | "en") => TEMPLATES.find((t) => t.id === id)!.input[locale];
const act = async (fields: [string, string][]) => indexRoute.action(args(post("/?index", fields)));
const location = (r: unknown) => (r as Response).headers.get("location") ?? "";

describe("managing scenarios from the list", () => {
  it("duplicates as a what-if, renames, tags, archives, deletes with undo — each a redirect with a notice", async () => {
    const id = await create({ ...template("ticket-classification", "en"), title: "Ticket triage" });
    const dup = await act([
      ["intent", "duplicate"],
      ["id", id],
      ["back", "?q=ticket"],
    ]);
    expect(location(dup)).toMatch(/^\/scenarios\/[a-z0-9]{12}\?done=duplicated$/);
    const copy = location(dup).split("/")[2].split("?")[0];
    expect((await getScenario({ id: copy }))?.title).toBe("Ticket triage (what-if)");

    const renamed = await act([
      ["intent", "rename"],
      ["id", copy],
      ["title", "  Triage, cheaper model "],
      ["back", "?q=triage&evil=1"],
    ]);
    expect(location(renamed)).toBe(`/?q=triage&done=renamed&id=${copy}`);
    const shown = await indexRoute.loader(args(get(location(renamed))));
    expect(shown.done).toMatchObject({ kind: "renamed", title: "Triage, cheaper model" });

    expect(
      location(
        await act([
          ["intent", "tags"],
          ["id", copy],
          ["tags", "Acme workshop, cheap"],
        ]),
      ),
    ).toContain("done=tagged");
    const byTag = await indexRoute.loader(args(get("/?tag=acme%20workshop")));
    expect(byTag.scenarios.map((s) => s.id)).toEqual([copy]);
    expect(byTag.scenarios[0].tags).toEqual(["Acme workshop", "cheap"]);
    expect(byTag.scenarios[0].origin).toMatchObject({ id, title: "Ticket triage" });

    await act([
      ["intent", "archive"],
      ["id", copy],
    ]);
    expect((await indexRoute.loader(args(get("/")))).scenarios.map((s) => s.id)).not.toContain(copy);
    expect((await indexRoute.loader(args(get("/?status=archived")))).scenarios.map((s) => s.id)).toEqual([copy]);

    const deleted = await act([
      ["intent", "delete"],
      ["id", copy],
      ["back", "?status=archived"],
    ]);
    expect(location(deleted)).toBe(`/?status=archived&done=deleted&id=${copy}`);
    const notice = await indexRoute.loader(args(get(location(deleted))));
    expect(notice.done).toMatchObject({ kind: "deleted", title: "Triage, cheaper model", deleted: true });
    expect(await getScenario({ id: copy })).toBeNull();
    expect((await indexRoute.loader(args(get("/?status=trash")))).scenarios.map((s) => s.id)).toEqual([copy]);
    // Undo.
    expect(
      location(
        await act([
          ["intent", "restore"],
          ["id", copy],
        ]),
      ),
    ).toContain("done=restored");
    expect((await getScenario({ id: copy }))?.title).toBe("Triage, cheaper model");
  });

  it("a what-if's plan page names the scenario and the version it was copied from, until that scenario is deleted", async () => {
    const input = { ...template("ticket-classification", "en"), title: "Origin of a what-if" };
    const id = await create(input);
    const v2 = { ...input, description: `${input.description} Volume doubles next year.` };
    expect(await saveVersion({ id, input: v2, plan: await computePlan(v2) })).toMatchObject({ version: 2 });
    const page = async (copy: string) =>
      planRoute.loader({
        request: new Request(`${BASE}/scenarios/${copy}`),
        params: { id: copy },
        context: {},
      } as never);
    // A copy of version 1 (not the latest) names version 1 and links to it.
    const dup = await act([
      ["intent", "duplicate"],
      ["id", id],
      ["version", "1"],
    ]);
    const copy = location(dup).split("/")[2].split("?")[0];
    expect((await page(copy)).whatIfOf).toEqual({ id, version: 1, title: "Origin of a what-if" });
    // The origin's plan page is not a what-if.
    expect((await page(id)).whatIfOf).toBeNull();
    // Deleted origin: nothing to point at.
    await act([
      ["intent", "delete"],
      ["id", id],
    ]);
    expect((await page(copy)).whatIfOf).toBeNull();
  });

  it("refuses bad input with the field named and the typed value kept; unknown ids and intents are named too", async () => {
    const id = await create(template("ticket-classification", "en"));
    const empty = unwrap<{ field: string; message: string; value: string }>(
      await act([
        ["intent", "rename"],
        ["id", id],
        ["title", "   "],
      ]),
    );
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ field: "title", message: "New title: enter a title.", value: "   " });
    const badTag = unwrap<{ field: string; message: string }>(
      await indexRoute.action(
        args(
          post("/?index&lang=zh", [
            ["intent", "tags"],
            ["id", id],
            ["tags", "ok, <script>"],
          ]),
        ),
      ),
    );
    expect(badTag.status).toBe(400);
    expect(badTag.body.field).toBe("tags");
    expect((await getScenario({ id }))?.title).toBe("Support-ticket classification");
    expect(
      unwrap(
        await act([
          ["intent", "delete"],
          ["id", "nosuchscenari"],
        ]),
      ).status,
    ).toBe(404);
    expect(
      unwrap(
        await act([
          ["intent", "drop-table"],
          ["id", id],
        ]),
      ).status,
    ).toBe(400);
  });

  it("goes back only to the list's own parameters or a plan page, never elsewhere", () => {
    expect(backTo("//evil.example").path).toBe("/");
    expect(backTo("https://evil.example/x").path).toBe("/");
    expect(backTo("/scenarios/abcdefghjkmn").path).toBe("/scenarios/abcdefghjkmn");
    expect(backTo("?q=a&status=trash&redirect=//evil").params.toString()).toBe("q=a&status=trash");
  });

  it("pages the list: 25 a page, a link to the next", async () => {
    for (let i = 0; i < 26; i++) await create({ ...template("ticket-classification", "en"), title: `Paged ${String(i).padStart(2, "0")}` });
    const first = await indexRoute.loader(args(get("/?q=paged&sort=title")));
    expect(first.paging).toMatchObject({ page: 1, pages: 2, total: 26 });
    expect(first.scenarios).toHaveLength(25);
    const second = await indexRoute.loader(args(get("/?q=paged&sort=title&page=2")));
    expect(second.scenarios.map((s) => s.title)).toEqual(["Paged 25"]);
  });
});

describe("the new-scenario form's one-time token", () => {
  it("creates once; the same form posted again (Back, then submit) saves nothing and names the first", async () => {
    const formToken = "tokenOfThisFormVisit01";
    const fields: [string, string][] = [
      ["title", "Once only"],
      ["description", "Classify incoming support tickets into 10 categories."],
      ["formToken", formToken],
    ];
    const before = (await findScenarios({ page: readPage(new URLSearchParams()), q: "Once only" })).total;
    const first = (await newRoute.action(args(post("/scenarios/new", fields)))) as Response;
    expect(first.status).toBe(302);
    const again = unwrap<{ duplicate: { id: string; title: string }; formToken: string; values: Record<string, string> }>(
      await newRoute.action(args(post("/scenarios/new", fields))),
    );
    expect(again.status).toBe(409);
    expect(again.body.duplicate).toEqual({ id: location(first).split("/")[2], title: "Once only" });
    expect(again.body.values.title).toBe("Once only");
    expect(again.body.formToken).not.toBe(formToken);
    expect((await findScenarios({ page: readPage(new URLSearchParams()), q: "Once only" })).total).toBe(before + 1);
    // Submitting again on purpose (the fresh token) makes the second one.
    const deliberate = (await newRoute.action(
      args(post("/scenarios/new", [...fields.slice(0, 2), ["formToken", again.body.formToken]])),
    )) as Response;
    expect(deliberate.status).toBe(302);
    expect((await findScenarios({ page: readPage(new URLSearchParams()), q: "Once only" })).total).toBe(before + 2);
  });

  it("each visit gets its own token in its address; Back to a used one says so at once; a script without one still creates", async () => {
    const visit = async (path: string) => {
      try {
        await newRoute.loader(args(get(path)));
      } catch (r) {
        return (r as Response).headers.get("location") ?? "";
      }
      throw new Error("expected a redirect");
    };
    const a = await visit("/scenarios/new?template=ticket-classification");
    const b = await visit("/scenarios/new");
    expect(a).toMatch(/^\/scenarios\/new\?template=ticket-classification&form=[A-Za-z0-9_-]{22}$/);
    expect(a.split("form=")[1]).not.toBe(b.split("form=")[1]);
    const used = await newRoute.loader(args(get("/scenarios/new?form=tokenOfThisFormVisit01")));
    expect(used.alreadyUsed?.title).toBe("Once only");
    const fresh = await newRoute.loader(args(get(a)));
    expect(fresh.alreadyUsed).toBeNull();
    const res = (await newRoute.action(
      args(post("/scenarios/new", [["description", "Summarise weekly sales reports for managers."]])),
    )) as Response;
    expect(res.status).toBe(302);
  });
});

describe("compare in one currency", () => {
  it("converts a Chinese (CN¥) and an English (US$) plan into one currency at a stated rate; rows sort and mark best and worst", async () => {
    const en = await create({ ...template("ticket-classification", "en"), title: "Tickets (US$)" });
    const zh = await create({ ...template("art-studio-comments", "zh"), title: "画室（人民币）" });
    const usdPlan = (await getScenario({ id: en }))!.plan;
    const cnyPlan = (await getScenario({ id: zh }))!.plan;
    expect([usdPlan.currency, cnyPlan.currency]).toEqual(["USD", "CNY"]);

    const page = await compareRoute.loader(args(get(`/compare?ids=${en}&ids=${zh}&currency=CNY`)));
    const view = page.view!;
    expect(view.conversion).toMatchObject({ currency: "CNY", rate: usdPlan.finance.exchangeRateCnyPerUsd, source: "plans", converted: 1 });
    expect(view.moneyNote).toContain(String(usdPlan.finance.exchangeRateCnyPerUsd));
    const oneOff = view.rows.find((r) => r.id === "oneOff")!;
    // Every money cell is in yuan: the US$ plan's figure multiplied by the rate.
    for (const cell of Object.values(oneOff.cells)) expect(cell.text).not.toMatch(/\$|US/);
    expect(view.options.find((o) => o.id === en)!.money.oneOff).toBeCloseTo(
      usdPlan.cost.oneOffTotal * usdPlan.finance.exchangeRateCnyPerUsd,
      4,
    );
    expect(view.options.find((o) => o.id === zh)!.money.oneOff).toBe(cnyPlan.cost.oneOffTotal);

    const inUsd = (await compareRoute.loader(args(get(`/compare?ids=${en}&ids=${zh}&currency=USD&rate=7.5`)))).view!;
    expect(inUsd.conversion).toMatchObject({ currency: "USD", rate: 7.5, source: "user" });
    expect(inUsd.options.find((o) => o.id === zh)!.money.oneOff).toBeCloseTo(cnyPlan.cost.oneOffTotal / 7.5, 4);

    const bad = await compareRoute.loader(args(get(`/compare?ids=${en}&ids=${zh}&rate=seven`)));
    expect(bad.params.rateInvalid).toBe(true);

    // Marks: the cheaper one-off is best, the dearer worst; sorting by one-off puts the cheaper first.
    const cheaper = view.options.reduce((a, b) => ((a.money.oneOff ?? 0) <= (b.money.oneOff ?? 0) ? a : b)).id;
    expect(oneOff.cells[cheaper].mark).toBe("best");
    const sorted = (await compareRoute.loader(args(get(`/compare?ids=${en}&ids=${zh}&currency=CNY&sort=oneOff`)))).view!;
    expect(sorted.order[0]).toBe(cheaper);
    expect(sorted.sortedBy).toBe("oneOff");
  });

  it("selects every option with a tag", async () => {
    const a = await create({ ...template("ticket-classification", "en"), title: "Tagged A" });
    const b = await create({ ...template("policy-document-qa", "en"), title: "Tagged B" });
    for (const id of [a, b])
      await act([
        ["intent", "tags"],
        ["id", id],
        ["tags", "offsite-2026"],
      ]);
    const page = await compareRoute.loader(args(get("/compare?tag=offsite-2026")));
    expect(page.selection).toMatchObject({ tag: "offsite-2026", problem: null });
    expect(page.view?.options.map((o) => o.id).sort()).toEqual([a, b].sort());
    expect((await compareRoute.loader(args(get("/compare?tag=nobody")))).selection.problem).toBe("tagNone");
  });
});
