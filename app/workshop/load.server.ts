// The data every workshop view starts from: the selection, the page's choices and the view model built from them.
import type { Locale } from "~/domain/scenario";
import { resolveLocale } from "~/i18n/locale.server";
import { getWorkshopScenarios } from "~/models/workshop.server";
import { readSelection, type Selection } from "~/workshop/selection.server";
import { buildWorkshopView, readWorkshopParams, type WorkshopParams, type WorkshopView } from "~/workshop/view";

export interface LoadedWorkshop {
  locale: Locale;
  selection: Selection;
  params: WorkshopParams;
  /** Null until at least `min` of the selected scenarios exist. */
  view: WorkshopView | null;
  /** Selected ids that no longer exist or are in the trash. */
  missing: number;
}

/** The caller's workspace only: another workspace's id counts as missing. */
export async function loadWorkshop(
  request: Request,
  { min = 2, locale, workspaceId }: { min?: number; locale?: Locale; workspaceId: string },
): Promise<LoadedWorkshop> {
  const url = new URL(request.url);
  const lang = locale ?? resolveLocale(request);
  const selection = await readSelection(url.searchParams, { min, workspaceId });
  const params = readWorkshopParams(url.searchParams);
  const chosen = selection.problem ? [] : await getWorkshopScenarios({ workspaceId, ids: selection.ids });
  return {
    locale: lang,
    selection,
    params,
    view: chosen.length >= min ? buildWorkshopView(chosen, lang, params) : null,
    missing: selection.problem ? 0 : selection.ids.length - chosen.length,
  };
}
