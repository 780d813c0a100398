// The plan below its bottom line: a table of contents (sticky on a laptop, a disclosure on a phone) and the sections
// of the view model, then the sections only the owner's page has (versions, sharing).
import { useEffect, useState, type ReactNode } from "react";
import { BlockView, Section, type BlockContext } from "~/components/plan/blocks";

export interface ExtraSection {
  id: string;
  title: string;
  node: ReactNode;
}

export function PlanDocument({ ctx, extra = [] }: { ctx: BlockContext; extra?: ExtraSection[] }) {
  const { view, t } = ctx;
  const current = useCurrentSection();
  const toc = [...view.sections.map((s) => ({ id: s.id, title: s.short })), ...extra.map((s) => ({ id: s.id, title: s.title }))];
  const links = (
    <ol>
      <li>
        <a href="#bottom-line">{t("brief.title")}</a>
      </li>
      {toc.map((s) => (
        <li key={s.id}>
          <a href={`#${s.id}`} aria-current={current === s.id ? "location" : undefined}>
            {s.title}
          </a>
        </li>
      ))}
    </ol>
  );
  return (
    <div className="plan-layout">
      <nav className="toc" aria-label={t("plan.toc")}>
        {links}
      </nav>
      <div className="plan-body">
        <details className="toc-mobile">
          <summary>{t("plan.toc")}</summary>
          <nav aria-label={t("plan.tocMobile")}>{links}</nav>
        </details>
        {view.sections.map((s, i) => (
          <div key={s.id}>
            {s.appendix && !view.sections[i - 1]?.appendix ? <p className="appendix-rule">{t("plan.appendix")}</p> : null}
            <Section id={s.id} title={s.heading}>
              {s.blocks.map((b, j) => (
                <BlockView key={j} block={b} ctx={ctx} />
              ))}
              <p className="back-to-top">
                <a href="#bottom-line">{t("plan.backToTop")}</a>
              </p>
            </Section>
          </div>
        ))}
        {extra.map((s) => (
          <Section key={s.id} id={s.id} title={s.title}>
            {s.node}
          </Section>
        ))}
        <p className="muted small">{view.provenance}</p>
      </div>
    </div>
  );
}

/** The section being read, for the table of contents to mark (once the page runs; without JavaScript none is). */
function useCurrentSection(): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const sections = Array.from(document.querySelectorAll<HTMLElement>(".plan-body section.section[id]"));
    if (!sections.length || typeof IntersectionObserver === "undefined") return;
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) visible.set(e.target.id, e.isIntersecting ? e.boundingClientRect.top : Number.POSITIVE_INFINITY);
        const first = [...visible.entries()].filter(([, top]) => Number.isFinite(top)).sort((a, b) => a[1] - b[1])[0];
        if (first) setCurrent(first[0]);
      },
      { rootMargin: "-15% 0px -60% 0px" },
    );
    sections.forEach((s) => observer.observe(s));
    return () => observer.disconnect();
  }, []);
  return current;
}
