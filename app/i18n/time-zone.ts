/** The cookie in which the browser reports the reader's IANA time zone (read by locale.server.ts, set by root.tsx). */
export const TIME_ZONE_COOKIE = "tw_tz";
