/**
 * Freezes `value` and everything reachable from it (plain objects and arrays; JSON-shaped data), in place, and returns
 * it. For data shared between requests without copying: a caller that tries to change it throws (modules are strict)
 * instead of silently changing what every later request sees.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
