import type { Locale } from "~/domain/scenario";
import { SOURCE_LABELS, VERDICT_LABELS } from "~/i18n/enums";
import { tr } from "~/report/labels";

export function VerdictBadge({ verdict, locale }: { verdict: string; locale: Locale }) {
  return <span className={`badge badge--${verdict}`}>{tr(VERDICT_LABELS[verdict], locale, verdict)}</span>;
}

export function GradeBadge({ grade }: { grade: string }) {
  return (
    <span className={`grade grade--${grade}`} aria-label={`Grade ${grade}`}>
      {grade}
    </span>
  );
}

export function SourceBadge({ source, locale }: { source: string; locale: Locale }) {
  return <span className={`source source--${source}`}>{tr(SOURCE_LABELS[source], locale, source)}</span>;
}
