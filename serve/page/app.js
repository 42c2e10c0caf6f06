/*
 * app.js - the page of zhaoshu serve: search, filters, reader, figures.
 *
 * Everything shown comes from the JSON API and is put into the page as text
 * (createElement, textContent, setAttribute): never as HTML, so an article
 * holding <script> or "><img onerror=…> shows those characters and runs
 * nothing. The Content-Security-Policy header is the second wall.
 *
 * The state is the URL: /?q=…&park=…&year=…&offset=… for a search,
 * /?view=doc&doc=…&passage=…&q=… for the reader, /?view=figures&park=…&metric=…
 * for the figures view. Every change pushes a URL and renders from it, so
 * the back button, bookmarks and shared links work.
 *
 * Fields that only some indexes have (a passage's line, date, outlet, the
 * other places it was printed: also_in) are shown when the API gives them.
 */
"use strict";

const PAGE = 20;         /* hits per page */
const EXPORT_MAX = 1000; /* the API's deepest window */
const enc = new TextEncoder();
const dec = new TextDecoder();
const $ = (id) => document.getElementById(id);

/* An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...kids) {
  const svg = ["svg", "circle", "line", "rect", "text", "g", "title", "a", "path"].includes(tag) &&
    attrs && attrs.svg;
  const e = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag)
                : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === undefined || v === null || v === false) continue;
    if (k === "on") for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else e.setAttribute(k, String(v));
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

function params() {
  return new URLSearchParams(location.search);
}

/* A URL of this page with these parameters (empty ones dropped). */
function pageUrl(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "/?" + s : "/";
}

function go(obj) {
  history.pushState(null, "", pageUrl(obj));
  render();
}

async function api(path, obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj || {})) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const r = await fetch("/api/" + path + "?" + p.toString());
  let body;
  try {
    body = await r.json();
  } catch (e) {
    throw new Error("HTTP " + r.status + ": not JSON");
  }
  if (!r.ok) {
    const err = new Error(body.error || "HTTP " + r.status);
    err.status = r.status;
    err.offset = body.offset;
    throw err;
  }
  return body;
}

/* text[a, b) (byte offsets into its UTF-8) with the spans marked:
 * <mark class="hit"> for query words, <mark class="fig"> for figures. */
function marked(text, spans, a, b) {
  const bytes = enc.encode(text);
  if (a === undefined) a = 0;
  if (b === undefined || b > bytes.length) b = bytes.length;
  const cuts = new Set([a, b]);
  for (const s of spans || []) {
    if (s.start > a && s.start < b) cuts.add(s.start);
    if (s.end > a && s.end < b) cuts.add(s.end);
  }
  const pts = [...cuts].sort((x, y) => x - y);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < pts.length; i++) {
    const s = pts[i], e = pts[i + 1];
    const str = dec.decode(bytes.subarray(s, e));
    let m = false, f = false;
    for (const sp of spans || []) {
      if (sp.start <= s && e <= sp.end) {
        if (sp.kind === "match") m = true;
        else f = true;
      }
    }
    if (!m && !f) out.append(str);
    else out.append(el("mark", { class: [f && "fig", m && "hit"].filter(Boolean).join(" ") }, str));
  }
  return out;
}

/* "path:line" when the index knows lines, else "path:passage" as the CLI
 * printed before it did. Hits, figure rows and also_in places alike. */
function where(h) {
  const path = h.path || h.doc;
  return h.line ? path + ":" + h.line : path + ":" + h.passage;
}

function figureLabel(f) {
  return [f.metric, f.text, f.park && "(" + f.park + ")", f.year ? f.year + "年" : ""]
    .filter(Boolean).join(" ");
}

function showError(box, e) {
  box.replaceChildren(el("span", { class: "err" }, e.message));
}

/* ---------------------------------------------------------------- search */

function searchState() {
  const p = params();
  const s = {};
  for (const k of ["q", "park", "year", "figure", "outlet", "from", "to", "offset", "sort"]) s[k] = p.get(k) || "";
  return s;
}

/* The query text the API gets: q plus the outlet and date filters, which
 * exist only in the query language (source:, date:). */
function queryText(s) {
  const parts = [s.q];
  if (s.outlet) parts.push("source:" + s.outlet);
  if (s.from || s.to) parts.push("date:" + (s.from || s.to) + ".." + (s.to || s.from));
  return parts.filter(Boolean).join(" ");
}

function hitItem(h, s) {
  const a = h.snippet ? h.snippet.start : 0, b = h.snippet ? h.snippet.end : undefined;
  const total = enc.encode(h.text).length;
  const text = el("div", { class: "text" },
    a > 0 ? "…" : "", marked(h.text, h.highlights, a, b), b !== undefined && b < total ? "…" : "");
  const meta = el("div", { class: "meta" },
    el("span", { class: "rank" }, h.rank + "."),
    el("span", { class: "loc", title: "passage " + h.passage }, where(h)),
    h.date ? el("span", { class: "date" }, h.date) : null,
    h.source ? el("span", { class: "outlet" }, h.source + (h.page ? " 第" + h.page + "版" : "")) : null,
    h.kind && h.kind !== "body" ? el("span", { class: "tag" }, h.kind) : null,
    (h.park || []).map((p) => el("span", { class: "tag park" }, p)),
    (h.years || []).length ? el("span", { class: "tag" }, h.years.join(",") + "年") : null,
    h.partial ? el("span", { class: "partial" }, "部分匹配 partial") : null);
  const figs = (h.figures || []).length
    ? el("div", { class: "figs" }, h.figures.map((f) => el("span", { title: f.value + " " + f.unit }, figureLabel(f))))
    : null;
  const also = (h.also_in || []).length
    ? el("div", { class: "also" }, "又见于 also in: ",
         h.also_in.map((x, i) => [i ? "; " : "", where(x), x.date ? " " + x.date : "",
                                  x.source ? " " + x.source : "", x.page ? " 第" + x.page + "版" : ""]))
    : null;
  const li = el("li", { class: "hit", tabindex: "0", "data-doc": h.doc, "data-passage": h.passage },
    meta, text, figs, also);
  const open = () => go({ view: "doc", doc: h.doc, passage: h.passage, q: s.q });
  li.addEventListener("click", open);
  li.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
  return li;
}

function facetList(box, title, rows, key, s) {
  box.replaceChildren();
  if (!rows || !rows.length) return;
  box.append(el("h3", null, title));
  for (const r of rows.slice(0, 15)) {
    box.append(el("a", { href: pageUrl({ ...s, offset: "", [key]: r.value }),
                         on: { click: (e) => { e.preventDefault(); go({ ...s, offset: "", [key]: String(r.value) }); } } },
                  el("span", null, String(r.value)), el("span", null, String(r.count))));
  }
}

function monthHistogram(rows, s) {
  const svg = $("months");
  svg.replaceChildren();
  if (!rows || !rows.length) return;
  const w = 240, hgt = 60, bw = Math.max(2, Math.floor(w / rows.length) - 1);
  const max = Math.max(...rows.map((r) => r.count));
  svg.setAttribute("viewBox", "0 0 " + w + " " + hgt);
  rows.forEach((r, i) => {
    const bh = Math.max(1, Math.round((r.count / max) * (hgt - 4)));
    const sel = s.from && s.to ? r.value >= s.from && r.value <= s.to : false;
    const rect = el("rect", { svg: 1, x: i * (bw + 1), y: hgt - bh, width: bw, height: bh, class: sel ? "sel" : "" },
      el("title", { svg: 1 }, r.value + ": " + r.count));
    rect.addEventListener("click", () => go({ ...s, offset: "", from: r.value, to: r.value }));
    svg.append(rect);
  });
}

async function loadParks(select, current) {
  if (!select.dataset.loaded) {
    try {
      const d = await api("parks");
      for (const p of d.parks) select.append(el("option", { value: p.park }, p.park + " (" + p.passages + ")"));
      select.dataset.loaded = "1";
    } catch (e) { /* the search reports the index's state */ }
  }
  if (current && ![...select.options].some((o) => o.value === current))
    select.append(el("option", { value: current }, current));
  select.value = current || "";
}

async function renderSearch() {
  const s = searchState();
  $("q").value = s.q;
  $("year").value = s.year;
  $("figure").value = s.figure;
  $("from").value = s.from;
  $("to").value = s.to;
  loadParks($("park"), s.park);
  const status = $("status"), list = $("hits"), pager = $("pager");
  list.replaceChildren();
  pager.replaceChildren();
  const q = queryText(s);
  if (!q && !s.park && !s.year && !s.figure) {
    status.replaceChildren("输入查询 Type a query, or pick a zone or year.");
    $("results").dataset.state = "empty";
    return;
  }
  const t0 = performance.now();
  status.replaceChildren("…");
  const args = { q, park: s.park, year: s.year, figure: s.figure, n: PAGE, offset: s.offset, sort: s.sort };
  let d;
  try {
    d = await api("search", args);
  } catch (e) {
    showError(status, e);
    if (e.offset !== undefined && q) status.append(el("pre", { class: "err" }, q + "\n" + " ".repeat(dec.decode(enc.encode(q).subarray(0, e.offset)).length) + "^"));
    $("results").dataset.state = "error";
    return;
  }
  for (const h of d.hits) list.append(hitItem(h, s));
  const ms = Math.round(performance.now() - t0);
  $("results").dataset.ms = String(ms);
  $("results").dataset.state = "done";
  /* ms from the start of navigation to the first results on screen
   * (bench/serve-page-time reads it) */
  if (!document.body.dataset.firstResult) document.body.dataset.firstResult = String(Math.round(performance.now()));
  const off = d.offset;
  /* by date, once the index knows dates */
  const sortBox = d.hits.some((h) => h.date) || s.sort
    ? el("select", { "aria-label": "排序 sort", on: { change: (e) => go({ ...s, offset: "", sort: e.target.value }) } },
        [["", "相关度 best first"], ["-date", "最新 newest"], ["date", "最早 oldest"]].map(([v, t]) =>
          el("option", { value: v, selected: v === s.sort ? "selected" : null }, t)))
    : null;
  status.replaceChildren(
    el("span", { class: "tools" }, sortBox,
      el("button", { type: "button", on: { click: () => exportHits(args, d.total) } }, "导出 CSV")),
    d.total ? (off + 1) + "–" + (off + d.hits.length) + " / " + d.total + " 条 hits" : "没有结果 no hits",
    d.partial ? el("span", { class: "partial" }, " · 没有段落包含全部词 no passage holds every word: partial matches") : "",
    " · " + ms + " ms");
  if (off > 0) pager.append(el("button", { type: "button", on: { click: () => go({ ...s, offset: Math.max(0, off - PAGE) }) } }, "‹ 上一页"));
  if (off + d.hits.length < Math.min(d.total, EXPORT_MAX))
    pager.append(el("button", { type: "button", on: { click: () => go({ ...s, offset: off + PAGE }) } }, "下一页 ›"));
  try {
    const f = await api("facets", { q, park: s.park, year: s.year, figure: s.figure });
    const fx = f.facets || {};
    facetList($("facet-park"), "园区 zones", fx.park, "park", s);
    facetList($("facet-year"), "年份 years", fx.year, "year", s);
    const outlets = fx.outlet || [];
    $("outlet-box").hidden = !outlets.length && !s.outlet;
    const sel = $("outlet");
    sel.replaceChildren(el("option", { value: "" }, "全部 all"),
      outlets.map((o) => el("option", { value: o.value }, o.value + " (" + o.count + ")")));
    sel.value = s.outlet;
    $("date-box").hidden = !(fx.month || []).length && !s.from && !s.to;
    monthHistogram(fx.month, s);
  } catch (e) { /* facets are an aid; the hits are shown */ }
}

function csvCell(v, text) {
  let s = v === undefined || v === null ? "" : String(v);
  /* a spreadsheet runs a cell starting with = + - @ as a formula */
  if (text && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function download(name, rows) {
  const body = "\ufeff" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
  const url = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function exportHits(args, total) {
  const rows = [["rank", "path", "passage", "line", "date", "outlet", "kind", "parks", "years", "score", "figures", "text"]];
  for (let off = 0; off < Math.min(total, EXPORT_MAX); off += 100) {
    const d = await api("search", { ...args, n: Math.min(100, EXPORT_MAX - off), offset: off });
    for (const h of d.hits)
      rows.push([h.rank, csvCell(h.path || h.doc, 1), h.passage, h.line || "", csvCell(h.date || "", 1),
        csvCell(h.source || "", 1), h.kind, csvCell((h.park || []).join(";"), 1), csvCell((h.years || []).join(";"), 1),
        h.score, csvCell((h.figures || []).map((f) => f.text).join(";"), 1), csvCell(h.text, 1)]);
    if (!d.hits.length) break;
  }
  download("zhaoshu-hits.csv", rows);
}

/* ---------------------------------------------------------------- reader */

async function renderDoc() {
  const p = params();
  const doc = p.get("doc") || "", at = Number(p.get("passage") || 1), q = p.get("q") || "";
  const head = $("doc-head"), art = $("doc");
  art.replaceChildren();
  head.replaceChildren(el("a", { href: pageUrl({ q }), on: { click: (e) => { e.preventDefault(); history.length > 1 ? history.back() : go({ q }); } } }, "‹ 返回 back"),
    el("span", { class: "loc" }, doc));
  let d;
  try {
    d = await api("doc", { doc, passage: at, q });
  } catch (e) {
    showError(head, e);
    return;
  }
  let focus = null;
  for (const h of d.hits) {
    const para = el("p", { id: "p-" + h.passage, class: [h.kind, h.passage === at && "focus"].filter(Boolean).join(" ") },
      el("a", { class: "num", href: pageUrl({ view: "doc", doc, passage: h.passage, q }) }, h.line ? "L" + h.line : "¶" + h.passage),
      marked(h.text, h.highlights));
    if (h.passage === at) focus = para;
    art.append(para);
  }
  head.append(" · " + d.passages + " 段 passages");
  if (focus) focus.scrollIntoView({ block: "center" });
}

/* ---------------------------------------------------------------- figures */

function figState() {
  const p = params();
  return { view: "figures", park: p.get("park") || "", metric: p.get("metric") || "",
           year: p.get("year") || "", conflicts: p.get("conflicts") || "", q: p.get("q") || "" };
}

function mark(r) {
  return r.conflict ? "!" : r.check ? (r.check_failed ? "≠" : "=") : "";
}

function timeline(rows) {
  const svg = $("timeline");
  svg.replaceChildren();
  if (!rows.length) return;
  /* one unit on the axis: the most common one */
  const units = {};
  for (const r of rows) units[r.unit] = (units[r.unit] || 0) + 1;
  const unit = Object.keys(units).sort((a, b) => units[b] - units[a])[0];
  const pts = rows.filter((r) => r.unit === unit);
  const years = [...new Set(pts.map((r) => r.year))].sort((a, b) => a - b);
  const W = 900, H = 280, L = 90, R = 20, T = 20, B = 40;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  const vmax = Math.max(...pts.map((r) => r.value_hi || r.value), 0) * 1.1 || 1;
  const x = (y) => L + (years.length === 1 ? (W - L - R) / 2 : (years.indexOf(y) * (W - L - R)) / (years.length - 1));
  const yv = (v) => H - B - (v / vmax) * (H - T - B);
  svg.append(el("line", { svg: 1, class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }),
             el("line", { svg: 1, class: "axis", x1: L, y1: T, x2: L, y2: H - B }));
  for (const y of years)
    svg.append(el("text", { svg: 1, x: x(y), y: H - B + 16, "text-anchor": "middle" }, y ? String(y) : "年份不明 no year"));
  for (const f of [0, 0.5, 1]) {
    const v = vmax * f / 1.1;
    svg.append(el("text", { svg: 1, x: L - 6, y: yv(v) + 4, "text-anchor": "end" }, fmt(v, unit, 0)));
  }
  const seen = {};
  for (const r of pts) {
    const k = r.year + "/" + r.value;
    const dx = (seen[k] = (seen[k] || 0) + 1) - 1;
    const c = el("circle", { svg: 1, cx: x(r.year) + dx * 9, cy: yv(r.value), r: 6,
                             class: r.conflict ? "conflict" : r.check_failed ? "checkfail" : "" },
      el("title", { svg: 1 }, r.text + " · " + (r.metric || "") + " · " + where(r) + (r.conflict ? " · ! " + r.conflict : "")));
    const link = el("a", { svg: 1, href: pageUrl({ view: "doc", doc: r.doc, passage: r.passage }), class: "point" }, c);
    link.addEventListener("click", (e) => { e.preventDefault(); go({ view: "doc", doc: r.doc, passage: r.passage }); });
    svg.append(link);
  }
}

/* A value in the unit news prints it in: 13534000000 元 -> 135.34亿元. */
function fmt(v, unit, digits) {
  const d = digits === undefined ? 2 : digits;
  const r = (x) => String(+x.toFixed(d));
  if (unit === "元" && Math.abs(v) >= 1e8) return r(v / 1e8) + "亿元";
  if (unit === "元" && Math.abs(v) >= 1e4) return r(v / 1e4) + "万元";
  return r(v) + unit;
}

/* the sentence with the figure marked (start/end are bytes into context) */
function contextCell(r) {
  return el("td", null, marked(r.context, [{ start: r.start, end: r.end, kind: "figure" }]));
}

async function renderFigures() {
  const s = figState();
  await loadParks($("fig-park"), s.park);
  $("fig-metric").value = s.metric;
  $("fig-year").value = s.year;
  $("fig-conflicts").checked = !!s.conflicts;
  const status = $("fig-status"), thead = $("fig-table").tHead, tbody = $("fig-table").tBodies[0];
  thead.replaceChildren();
  tbody.replaceChildren();
  $("timeline").replaceChildren();
  if (!s.park && !s.metric && !s.year && !s.conflicts && !s.q) {
    status.replaceChildren("选择园区和指标 Pick a zone and a metric (e.g. 签约金额), or conflicts only.");
    return;
  }
  let d;
  try {
    d = await api("figures", { park: s.park, metric: s.metric, year: s.year, conflicts: s.conflicts ? 1 : "", q: s.q });
  } catch (e) {
    showError(status, e);
    return;
  }
  const rows = d.rows;
  const nconf = rows.filter((r) => r.conflict).length;
  status.replaceChildren(
    el("span", { class: "tools" }, el("button", { type: "button", on: { click: () => exportFigures(rows) } }, "导出 CSV")),
    rows.length + " 个数字 figures" + (d.truncated ? " (of " + d.total + ")" : "") +
    (nconf ? " · " + nconf + " 个冲突 in conflict" : ""));
  timeline(rows);
  thead.append(el("tr", null, ["", "年份 year", "数字 figure", "值 value", "指标 metric", "园区 zone", "出处 source", "上下文 context"].map((h) => el("th", null, h))));
  for (const r of rows) {
    const m = mark(r);
    const src = el("a", { href: pageUrl({ view: "doc", doc: r.doc, passage: r.passage }), class: "loc",
                          on: { click: (e) => { e.preventDefault(); go({ view: "doc", doc: r.doc, passage: r.passage }); } } },
                   where(r));
    const ctx = contextCell(r);
    if (r.conflict) ctx.append(el("div", { class: "note" }, "! " + r.conflict));
    if (r.check) ctx.append(el("div", { class: "note" + (r.check_failed ? "" : " checkok") }, (r.check_failed ? "≠ " : "= ") + r.check));
    tbody.append(el("tr", { class: r.conflict ? "conflict" : "" },
      el("td", { class: "mark", title: r.conflict || r.check || "" }, m),
      el("td", null, r.year ? String(r.year) : "–"),
      el("td", null, el("mark", { class: "fig" }, r.text)),
      el("td", { class: "num" }, fmt(r.value, r.unit)),
      el("td", null, r.metric_raw || r.metric || "–"),
      el("td", null, r.park || "–"),
      el("td", null, src, r.date ? el("div", null, r.date) : null, r.source ? el("div", null, r.source) : null),
      ctx));
  }
}

function exportFigures(rows) {
  const out = [["park", "metric", "year", "figure", "value", "unit", "class", "hedge", "path", "passage", "line", "date", "outlet", "conflict", "check", "context"]];
  for (const r of rows)
    out.push([csvCell(r.park, 1), csvCell(r.metric, 1), r.year || "", csvCell(r.text, 1), r.value, csvCell(r.unit, 1), r.class,
      r.hedge, csvCell(r.path || r.doc, 1), r.passage, r.line || "", csvCell(r.date || "", 1), csvCell(r.source || "", 1),
      csvCell(r.conflict, 1), csvCell(r.check, 1), csvCell(r.context, 1)]);
  download("zhaoshu-figures.csv", out);
}

/* ---------------------------------------------------------------- wiring */

function render() {
  const view = params().get("view") || "search";
  $("view-search").hidden = view !== "search";
  $("view-doc").hidden = view !== "doc";
  $("view-figures").hidden = view !== "figures";
  $("nav-search").className = view === "figures" ? "" : "on";
  $("nav-figures").className = view === "figures" ? "on" : "";
  const run = view === "doc" ? renderDoc : view === "figures" ? renderFigures : renderSearch;
  return run().catch((e) => showError($(view === "figures" ? "fig-status" : "status"), e));
}

function filtersFromForm() {
  return { sort: params().get("sort") || "", q: $("q").value.trim(), park: $("park").value, year: $("year").value.trim(),
           figure: $("figure").value.trim(), outlet: $("outlet").value, from: $("from").value, to: $("to").value };
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    const view = params().get("view");
    if (view === "figures") go({ ...figState(), q: $("q").value.trim() });
    else go(filtersFromForm());
  });
  $("apply").addEventListener("click", () => go(filtersFromForm()));
  $("park").addEventListener("change", () => go(filtersFromForm()));
  $("outlet").addEventListener("change", () => go(filtersFromForm()));
  $("fig-form").addEventListener("submit", (e) => {
    e.preventDefault();
    go({ view: "figures", park: $("fig-park").value, metric: $("fig-metric").value.trim(),
         year: $("fig-year").value.trim(), conflicts: $("fig-conflicts").checked ? "1" : "" });
  });
  for (const id of ["home", "nav-search", "nav-figures"])
    $(id).addEventListener("click", (e) => {
      e.preventDefault();
      go(id === "nav-figures" ? { view: "figures" } : {});
    });
  window.addEventListener("popstate", render);
  render();
});
