// The scenario list's vocabulary, shared by the model and the page (no server code here: the page imports it).

/** Days a deleted scenario can be restored; after that it is purged and gone from every list. */
export const TRASH_DAYS = 30;

export const LIST_STATUSES = ["active", "archived", "trash"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
export const LIST_SORTS = ["updated", "title", "score", "created"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
