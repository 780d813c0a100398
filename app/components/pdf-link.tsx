import { useEffect, useRef, useState, type MouseEvent } from "react";
import type { Translate } from "~/i18n/translate";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "done" } | { kind: "failed"; message: string };

/** The file name the server chose (RFC 6266: `filename*=UTF-8''…` first, then `filename="…"`). */
export function downloadName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * The PDF export link. Without JavaScript it is a plain link: the browser shows its own loading state, and a busy
 * server sends a reader back to the page with a notice in the page's language (see pdf-response.server). With
 * JavaScript the click fetches the PDF itself so the button can say it is being prepared (a spinner, aria-busy and
 * an announcement), then hands the file to the browser as a download, or says why it could not and when to retry.
 * A click with a modifier key (new tab, save link) is left to the browser.
 */
export function PdfLink({
  href,
  label,
  t,
  testId,
  className = "button",
}: {
  href: string;
  label: string;
  t: Translate;
  testId?: string;
  className?: string;
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  useEffect(() => {
    if (state.kind !== "done") return;
    const timer = setTimeout(() => setState({ kind: "idle" }), 6000);
    return () => clearTimeout(timer);
  }, [state]);

  async function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state.kind === "busy") return;
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ kind: "busy" });
    let response: Response;
    try {
      response = await fetch(href, { signal: controller.signal, credentials: "same-origin" });
    } catch {
      if (controller.signal.aborted) return;
      // The network failed under us: let the browser try the plain link, which reports its own errors.
      setState({ kind: "idle" });
      window.location.assign(href);
      return;
    }
    if (!response.ok) {
      const retry = Number(response.headers.get("retry-after"));
      setState({
        kind: "failed",
        message: !(Number.isFinite(retry) && retry > 0)
          ? t("plan.export.pdfFailed", { status: response.status })
          : response.status === 503
            ? t("plan.export.pdfBusy", { s: Math.ceil(retry) })
            : response.status === 429
              ? t("plan.export.pdfTooMany", { s: Math.ceil(retry) })
              : t("plan.export.pdfFailed", { status: response.status }),
      });
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = downloadName(response.headers.get("content-disposition"), "tierwise.pdf");
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setState({ kind: "done" });
  }

  const busy = state.kind === "busy";
  return (
    <>
      <a
        className={`${className}${busy ? " is-busy" : ""}`}
        href={href}
        data-testid={testId}
        aria-busy={busy || undefined}
        aria-disabled={busy || undefined}
        onClick={onClick}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? t("plan.export.pdfPreparing") : label}
      </a>
      <span
        className={state.kind === "failed" ? "pdf-link__error" : "visually-hidden"}
        role="status"
        data-testid={testId ? `${testId}-status` : undefined}
      >
        {state.kind === "busy"
          ? t("plan.export.pdfPreparing")
          : state.kind === "done"
            ? t("plan.export.pdfReady")
            : state.kind === "failed"
              ? state.message
              : ""}
      </span>
    </>
  );
}

/** Where a reader without JavaScript lands when the PDF could not be prepared (`?pdf=busy&retry=N`). */
export function PdfBusyNotice({ seconds, href, t }: { seconds: number | null; href: string; t: Translate }) {
  if (seconds === null) return null;
  return (
    <p className="notice notice--warn" role="status" data-testid="pdf-busy">
      {t("plan.export.pdfBusyNotice", { s: seconds })}
      {t.locale === "zh" ? "" : " "}
      <a href={href}>{t("plan.export.pdf")}</a>
    </p>
  );
}
