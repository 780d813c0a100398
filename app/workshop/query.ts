// Links between the workshop views keep the selection and the page's choices (currency, rate, quadrant lines, budget):
// everything is in the query string, so every view works without JavaScript and can be bookmarked or shared.

/** The same query with some parameters set or removed (null removes). */
export function withParams(search: string, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  const q = next.toString();
  return q ? `?${q}` : "";
}

/** The workshop's own parameters, in a stable order, for links to the other views. */
export const WORKSHOP_PARAMS = ["ids", "tag", "currency", "rate", "split", "budget"] as const;

export function workshopSearch(search: string, keep: readonly string[] = WORKSHOP_PARAMS): string {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const k of keep) for (const v of from.getAll(k)) if (v !== "") out.append(k, v);
  const q = out.toString();
  return q ? `?${q}` : "";
}
