// Which scenarios a workshop view shows: the ids in the address (`?ids=`), or every active scenario with a tag
// (`?tag=`), two to twelve of them.
import { idsWithTag } from "~/models/workshop.server";
import { readIds, SELECTION_MAX, SELECTION_MIN } from "~/workshop/view";

export interface Selection {
  ids: string[];
  tag: string | null;
  problem: "tooFew" | "tooMany" | "tagNone" | null;
  /** The tag has more options than a view shows (the most recently updated are taken). */
  tagMore: boolean;
}

export async function readSelection(
  params: URLSearchParams,
  { min = SELECTION_MIN, max = SELECTION_MAX, workspaceId }: { min?: number; max?: number; workspaceId?: string } = {},
): Promise<Selection> {
  const tag = (params.get("tag") ?? "").trim() || null;
  const asked = readIds(params);
  if (asked.length === 0 && tag) {
    const ids = await idsWithTag({ workspaceId, tag, limit: max + 1 });
    if (ids.length === 0) return { ids: [], tag, problem: "tagNone", tagMore: false };
    return { ids: ids.slice(0, max), tag, problem: ids.length < min ? "tooFew" : null, tagMore: ids.length > max };
  }
  if (asked.length === 0) return { ids: [], tag: null, problem: null, tagMore: false };
  return { ids: asked, tag: null, problem: asked.length < min ? "tooFew" : asked.length > max ? "tooMany" : null, tagMore: false };
}
