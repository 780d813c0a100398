import { useEffect, useState } from "react";
import type { Locale } from "~/domain/scenario";
import { formatDateTime } from "~/present/format";

/**
 * A moment in the reader's time zone. The server formats it in the zone the browser reported (a cookie the root
 * sets), or in UTC saying so; once the page runs, the browser's own zone is used.
 */
export function LocalTime({ iso, text, locale }: { iso: string; text: string; locale: Locale }) {
  const [shown, setShown] = useState(text);
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setShown(formatDateTime(iso, locale, tz));
  }, [iso, locale]);
  return <time dateTime={iso}>{shown}</time>;
}
