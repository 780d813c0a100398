// The report model as one self-contained HTML page (print stylesheet included). Used by the PDF bench to time
// headless Chromium printing the same report, and usable as a printable view. Everything is escaped: user text
// never becomes markup, a URL or a path; chart images are passed in as data URLs only.
import { REPORT_TEXT, tr } from "~/report/labels";
import type { Block, ReportModel } from "~/report/report-model";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const DATA_IMAGE = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/;

/** `images` maps chart ids to data URLs; anything else is ignored and the chart's text alternative is shown. */
export function renderModelHtml(model: ReportModel, images: Partial<Record<string, string>> = {}): string {
  const e = escapeHtml;
  const body: string[] = [];
  const c = model.cover;
  body.push(
    `<section class="cover"><p class="muted">${e(c.product)}</p><p class="kind">${e(c.docKind)}</p><h1>${e(c.title)}</h1>`,
    `<div class="figs">${[[tr(REPORT_TEXT.verdict, model.locale), c.verdict, ""], [tr(REPORT_TEXT.grade, model.locale), c.grade, `${tr(REPORT_TEXT.score, model.locale)} ${c.score}/100`], [tr(REPORT_TEXT.primaryTier, model.locale), c.tier, ""]].map(([l, v, d]) => fig(l, v, d)).join("")}</div>`,
    `<p class="muted small">${e(c.versions)}</p></section>`,
  );
  for (const s of model.sections) {
    body.push(`<section class="${s.newPage ? "page" : ""}"><h2>${e(s.heading)}</h2>`);
    for (const b of s.blocks) body.push(block(b, model, images));
    body.push("</section>");
  }
  return `<!doctype html><html lang="${model.lang}"><head><meta charset="utf-8"><title>${e(model.meta.title)}</title>
<meta name="description" content="${e(model.meta.subject)}"><style>${CSS}</style></head><body>${body.join("\n")}</body></html>`;
}

function fig(label: string, value: string, detail = ""): string {
  return `<div class="fig"><div class="muted small">${escapeHtml(label)}</div><div class="val">${escapeHtml(value)}</div>${detail ? `<div class="muted small">${escapeHtml(detail)}</div>` : ""}</div>`;
}

function block(b: Block, model: ReportModel, images: Partial<Record<string, string>>): string {
  const e = escapeHtml;
  switch (b.kind) {
    case "paragraph":
      return b.ai ? `<p class="ai">${e(b.text)}</p>` : `<p>${e(b.text)}</p>`;
    case "notice":
      return `<p class="muted">${e(b.text)}</p>`;
    case "subheading":
      return `<h3>${e(b.text)}</h3>`;
    case "bullets": {
      const tag = b.ai ? `${e(tr(REPORT_TEXT.aiWrittenTag, model.locale))}: ` : "";
      return `<ul${b.ai ? ' class="ai"' : ""}>${b.items.map((i) => `<li>${tag}${e(i)}</li>`).join("")}</ul>`;
    }
    case "figures":
      return `<div class="figs two">${b.figures.map((f) => fig(f.label, f.value, f.detail)).join("")}</div>`;
    case "chart": {
      const spec = model.charts[b.chartId];
      const src = images[b.chartId];
      const img = src && DATA_IMAGE.test(src) ? `<img src="${src}" alt="${e(spec.alt)}">` : "";
      return `<figure>${img}<figcaption>${e(tr(REPORT_TEXT.figure, model.locale))}: ${e(spec.alt)}</figcaption></figure>`;
    }
    case "table":
      return `<table><thead><tr>${b.columns.map((col) => `<th>${e(col)}</th>`).join("")}</tr></thead><tbody>${b.rows.map((r) => `<tr>${b.columns.map((_, i) => `<td>${e(r[i] ?? "")}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
  }
}

const CSS = `@page{size:A4;margin:22mm 18mm 20mm}
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:10pt;line-height:1.35;color:#1a1a1a;overflow-wrap:anywhere}
h1{font-size:26pt;font-weight:normal;margin:0 0 30pt}h2{font-size:16pt;color:#0b3d91;font-weight:normal}h3{font-size:12pt;color:#0b3d91;font-weight:normal}
.page,.cover{break-before:page}.cover{break-before:auto}.kind{color:#0b3d91;font-size:14pt;margin-top:60pt}
.muted{color:#5f6368}.small{font-size:8.5pt}.figs{display:grid;grid-template-columns:repeat(3,1fr);gap:3pt}.figs.two{grid-template-columns:1fr 1fr}
.fig{background:#f1f5fb;padding:8pt 10pt}.val{font-size:15pt;color:#0b3d91}
table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:2pt 0 10pt}th{color:#0b3d91;text-align:left;border-bottom:0.8pt solid #c9d1e0}td{border-bottom:0.4pt solid #c9d1e0;vertical-align:top;padding:3pt 2pt}
figure{margin:4pt 0;break-inside:avoid;text-align:center}figure img{width:100%}figcaption{font-size:8pt;color:#5f6368;text-align:left}
.ai{background:#fff4df;padding:5pt 8pt}`;
