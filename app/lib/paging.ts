// Paging for every list (the scenario list page and the JSON API): `?page=N` (1-based) and `?size=` (capped), read the
// same way everywhere, so a link copied from the page and a script's request page alike. Pure; no server imports.

export interface PageRequest {
  page: number;
  size: number;
  offset: number;
}

export interface PageInfo {
  page: number;
  size: number;
  total: number;
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= 1 ? n : null;
}

/** The requested page; anything unreadable falls back to the first page of the default size (never an error). */
export function readPage(
  params: URLSearchParams,
  { size = DEFAULT_PAGE_SIZE, maxSize = MAX_PAGE_SIZE }: { size?: number; maxSize?: number } = {},
): PageRequest {
  const page = positiveInt(params.get("page")) ?? 1;
  const chosen = Math.min(maxSize, positiveInt(params.get("size")) ?? size);
  return { page, size: chosen, offset: (page - 1) * chosen };
}

export function pageInfo(req: Pick<PageRequest, "page" | "size">, total: number): PageInfo {
  return { page: req.page, size: req.size, total, pages: Math.max(1, Math.ceil(total / req.size)) };
}

/** The same address on another page (other parameters kept; page 1 drops the parameter). */
export function pageHref(pathname: string, params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete("page");
  else next.set("page", String(page));
  const q = next.toString();
  return q ? `${pathname}?${q}` : pathname;
}
