// Remix sends a document's headers only from the route's `headers` export: a page whose action can answer 429 passes
// the action's Retry-After through it, so the browser (and a script posting the form) learns how long to wait.
import type { HeadersFunction } from "@remix-run/node";

export const retryAfterFromAction: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get("retry-after");
  return wait ? { "retry-after": wait } : new Headers();
};
