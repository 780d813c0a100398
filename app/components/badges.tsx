import type { Translate } from "~/i18n/translate";

export function VerdictBadge({ verdict, t }: { verdict: string; t: Translate }) {
  return <span className={`badge badge--${verdict}`}>{t.label("verdict", verdict)}</span>;
}

export function GradeBadge({ grade, t }: { grade: string; t: Translate }) {
  return (
    <span className={`grade grade--${grade}`} aria-label={t("plan.gradeOf", { grade })}>
      {grade}
    </span>
  );
}

export function SourceBadge({ source, t }: { source: string; t: Translate }) {
  return <span className={`source source--${source}`}>{t.label("source", source)}</span>;
}
