// hadath's web page: a map, a timeline and a table of the stored events, and the evidence of the
// one picked. Plain script, no libraries: the map is SVG drawn from the country outlines the
// binary serves (/world.json), in longitude/latitude degrees (equirectangular).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 5000; // events fetched for the map and table (the API's largest page)

// PLOVER event types, in the codebook's order, and a colour each.
const TYPES = {
  AGREE: "#2a9d8f", CONSULT: "#52b788", SUPPORT: "#74c69d", CONCEDE: "#95d5b2",
  COOPERATE: "#40916c", AID: "#1b998b", RETREAT: "#8ab17d", REQUEST: "#e9c46a",
  ACCUSE: "#f4a261", REJECT: "#e76f51", THREATEN: "#d62828", PROTEST: "#7b2cbf",
  SANCTION: "#9d4edd", MOBILIZE: "#b5838d", COERCE: "#3a0ca3", ASSAULT: "#c1121f",
};
const colour = (type) => TYPES[type] || "#666";

const state = { filters: {}, events: [], selected: null, brush: null };
const view = { cx: 0, cy: 0, k: 1 }; // centre (degrees) and degrees per pixel
const $ = (selector) => document.querySelector(selector);

function el(name, attrs = {}, text) {
  const node = name.startsWith("svg:")
    ? document.createElementNS(SVG, name.slice(4))
    : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function query(filters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return params.toString();
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// ---- map ----------------------------------------------------------------------------------

let land; // <g> of countries
let markers; // <g> of event circles

async function drawWorld() {
  const svg = $("#map-svg");
  land = el("svg:g");
  markers = el("svg:g");
  svg.append(land, markers);
  const world = await getJSON("/world.json");
  for (const country of world.countries) {
    let d = "";
    for (const ring of country.rings) {
      let x = 0, y = 0;
      for (let i = 0; i < ring.length; i += 2) {
        x += ring[i];
        y += ring[i + 1];
        d += (i ? "L" : "M") + x / 100 + " " + -y / 100;
      }
      d += "Z";
    }
    const path = el("svg:path", { d, class: "land", "data-id": country.id || "" });
    path.append(el("svg:title", {}, country.name));
    land.append(path);
  }
}

function size() {
  const box = $("#map-svg").getBoundingClientRect();
  return [Math.max(box.width, 1), Math.max(box.height, 1)];
}

function render() {
  const [w, h] = size();
  const svg = $("#map-svg");
  svg.setAttribute("viewBox", [view.cx - (w * view.k) / 2, view.cy - (h * view.k) / 2, w * view.k, h * view.k].join(" "));
  land.setAttribute("stroke-width", view.k * 0.7);
  for (const c of markers.children) {
    c.setAttribute("r", c.dataset.px * view.k);
    c.setAttribute("stroke-width", view.k * (c.classList.contains("selected") ? 2.5 : 1));
  }
}

// Frames [west, south, east, north] (degrees) in the map.
function fit([west, south, east, north]) {
  const [w, h] = size();
  view.cx = (west + east) / 2;
  view.cy = -(south + north) / 2;
  view.k = Math.min(Math.max((east - west) / w, (north - south) / h, 0.005), 360 / w);
  render();
}

function fitEvents() {
  const placed = state.events.filter((e) => e.location);
  if (!placed.length) return fit([-180, -60, 180, 80]);
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const e of placed) {
    west = Math.min(west, e.location.lon);
    east = Math.max(east, e.location.lon);
    south = Math.min(south, e.location.lat);
    north = Math.max(north, e.location.lat);
  }
  // At least 12 degrees across, and a margin around.
  const padX = Math.max(6 - (east - west) / 2, (east - west) * 0.15);
  const padY = Math.max(4 - (north - south) / 2, (north - south) * 0.15);
  fit([west - padX, south - padY, east + padX, north + padY]);
}

function zoomAt(factor, px, py) {
  const [w, h] = size();
  // Keep the point under (px, py) where it is.
  const x = view.cx + (px - w / 2) * view.k;
  const y = view.cy + (py - h / 2) * view.k;
  view.k = Math.min(Math.max(view.k * factor, 0.002), 360 / w);
  view.cx = x - (px - w / 2) * view.k;
  view.cy = y - (py - h / 2) * view.k;
  render();
}

function drawMarkers() {
  markers.replaceChildren();
  // Largest first, so that small circles stay clickable on top of big ones.
  const placed = state.events.filter((e) => e.location);
  placed.sort((a, b) => killed(b) - killed(a));
  for (const e of placed) {
    const c = el("svg:circle", {
      class: "marker" + (e.id === state.selected ? " selected" : ""),
      cx: e.location.lon,
      cy: -e.location.lat,
      fill: colour(e.type),
      "data-id": e.id,
    });
    // Radius grows with the log of the dead: 5 px for none, 15 for 100, 20 for 1,000.
    c.dataset.px = 5 + 5 * Math.log10(1 + killed(e));
    c.append(el("svg:title", {}, `${e.type} · ${e.location.name} · ${e.date.start}`));
    c.addEventListener("click", (ev) => {
      ev.stopPropagation();
      select(e.id);
    });
    markers.append(c);
  }
  render();
}

function killed(e) {
  return e.fatalities ? e.fatalities.count ?? e.fatalities.min ?? 0 : 0;
}

function wireMap() {
  const svg = $("#map-svg");
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = svg.getBoundingClientRect();
    zoomAt(ev.deltaY > 0 ? 1.25 : 0.8, ev.clientX - box.left, ev.clientY - box.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.classList.contains("marker")) return;
    drag = { x: ev.clientX, y: ev.clientY, cx: view.cx, cy: view.cy };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    view.cx = drag.cx - (ev.clientX - drag.x) * view.k;
    view.cy = drag.cy - (ev.clientY - drag.y) * view.k;
    render();
  });
  svg.addEventListener("pointerup", () => (drag = null));
  for (const b of document.querySelectorAll("#zoom button")) {
    b.addEventListener("click", () => {
      const [w, h] = size();
      if (b.dataset.zoom === "fit") fitEvents();
      else zoomAt(b.dataset.zoom === "in" ? 0.5 : 2, w / 2, h / 2);
    });
  }
  window.addEventListener("resize", render);
}

function drawLegend() {
  const present = [...new Set(state.events.map((e) => e.type))].sort();
  const legend = $("#legend");
  legend.replaceChildren();
  for (const t of present) {
    const item = el("div");
    item.append(el("span", { style: `background:${colour(t)}` }), t);
    legend.append(item);
  }
  legend.hidden = present.length === 0;
}

// ---- timeline -----------------------------------------------------------------------------

const DAY = 86400000;
const day = (iso) => Date.parse(iso + "T00:00:00Z");
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

async function drawTimeline() {
  const { from, to, ...rest } = state.filters;
  const { days } = await getJSON("/api/histogram?" + query(rest));
  const svg = $("#timeline-svg");
  svg.replaceChildren();
  const box = svg.getBoundingClientRect();
  const [w, h, left, bottom] = [Math.max(box.width, 100), Math.max(box.height, 50), 30, 18];
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  if (!days.length) {
    svg.append(el("svg:text", { x: w / 2, y: h / 2, class: "axis", "text-anchor": "middle" }, "no events"));
    return;
  }
  let first = day(days[0].date), last = day(days[days.length - 1].date);
  if (last - first < 14 * DAY) {
    const pad = (14 * DAY - (last - first)) / 2;
    first -= Math.ceil(pad / DAY) * DAY;
    last += Math.ceil(pad / DAY) * DAY;
  }
  const span = last - first + DAY;
  const x = (ms) => left + ((ms - first) / span) * (w - left - 8);
  const width = Math.max(((w - left - 8) * DAY) / span - 1, 1);
  const totals = new Map();
  for (const d of days) totals.set(d.date, (totals.get(d.date) || 0) + d.count);
  const top = Math.max(...totals.values());
  const y = (n) => ((h - bottom - 6) * n) / top;
  const stacked = new Map();
  for (const d of days) {
    const below = stacked.get(d.date) || 0;
    stacked.set(d.date, below + d.count);
    const rect = el("svg:rect", {
      x: x(day(d.date)), width, y: h - bottom - y(below + d.count), height: y(d.count), fill: colour(d.type),
    });
    rect.append(el("svg:title", {}, `${d.date}: ${d.count} ${d.type}`));
    svg.append(rect);
  }
  svg.append(el("svg:text", { x: 4, y: 12, class: "axis" }, String(top)));
  // About six date labels.
  const step = Math.max(Math.round(span / DAY / 6), 1) * DAY;
  for (let t = first; t <= last; t += step) {
    svg.append(el("svg:text", { x: x(t), y: h - 4, class: "axis" }, iso(t)));
  }
  const brush = el("svg:rect", { class: "brush", y: 0, height: h - bottom, x: 0, width: 0 });
  svg.append(brush);
  const dateAt = (px) => first + Math.floor(((px - left) / (w - left - 8)) * span / DAY) * DAY;
  if (state.filters.from || state.filters.to) {
    const a = x(state.filters.from ? day(state.filters.from) : first);
    const b = x((state.filters.to ? day(state.filters.to) : last) + DAY);
    brush.setAttribute("x", a);
    brush.setAttribute("width", Math.max(b - a, 1));
  }
  svg.onpointerdown = (ev) => {
    const start = ev.clientX - svg.getBoundingClientRect().left;
    svg.setPointerCapture(ev.pointerId);
    svg.onpointermove = (m) => {
      const now = m.clientX - svg.getBoundingClientRect().left;
      brush.setAttribute("x", Math.min(start, now));
      brush.setAttribute("width", Math.abs(now - start));
    };
    svg.onpointerup = (u) => {
      svg.onpointermove = svg.onpointerup = null;
      const end = u.clientX - svg.getBoundingClientRect().left;
      if (Math.abs(end - start) < 3) return;
      const [a, b] = [dateAt(Math.min(start, end)), dateAt(Math.max(start, end))];
      setFilters({ ...state.filters, from: iso(Math.max(a, first)), to: iso(Math.min(b, last)) });
    };
  };
  svg.ondblclick = () => setFilters({ ...state.filters, from: "", to: "" });
}

// ---- table and panel ----------------------------------------------------------------------

function actors(e) {
  const name = (a) => (a ? a.text + (a.country || a.sector ? ` (${[a.country, a.sector].filter(Boolean).join(" ")})` : "") : "");
  return [name(e.source), name(e.target)].filter(Boolean).join(" → ");
}

function drawTable() {
  const body = $("#events tbody");
  body.replaceChildren();
  for (const e of state.events) {
    const row = el("tr", { "data-id": e.id });
    if (e.id === state.selected) row.classList.add("selected");
    const type = el("td");
    type.append(el("span", { class: "type", style: `background:${colour(e.type)}` }, e.type));
    row.append(
      el("td", {}, e.date.start === e.date.end ? e.date.start : `${e.date.start} – ${e.date.end}`),
      type,
      el("td", {}, e.location ? e.location.name : ""),
      el("td", {}, e.fatalities ? e.fatalities.text : ""),
      el("td", {}, actors(e)),
    );
    row.addEventListener("click", () => select(e.id));
    body.append(row);
  }
}

function field(dl, name, value) {
  if (value === null || value === undefined || value === "") return;
  dl.append(el("dt", {}, name), el("dd", {}, String(value)));
}

async function select(id) {
  state.selected = id;
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`)) node.classList.add("selected");
  const row = document.querySelector(`#events tr[data-id="${CSS.escape(id)}"]`);
  if (row) row.scrollIntoView({ block: "nearest" });
  render();
  const { event: e, context, lang } = await getJSON("/api/events/" + encodeURIComponent(id));
  $("#panel-title").textContent = `${e.type}${e.mode ? " · " + e.mode : ""} — ${e.date.start}`;
  const dl = $("#panel-fields");
  dl.replaceChildren();
  field(dl, "ACLED", e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : "");
  field(dl, "CAMEO", e.cameo_root);
  field(dl, "Date", `${e.date.start} – ${e.date.end} (${e.date.precision})${e.date.text ? " · " + e.date.text : ""}`);
  if (e.location) {
    const l = e.location;
    field(dl, "Place", `${l.name}, ${l.country}${l.admin1 ? " (" + l.admin1 + ")" : ""} · ${l.precision}${l.text ? " · " + l.text : ""}`);
  }
  field(dl, "Source", e.source && actors({ source: e.source }));
  field(dl, "Target", e.target && actors({ target: e.target }));
  field(dl, "Killed", e.fatalities && e.fatalities.text);
  field(dl, "Injured", e.injured && e.injured.text);
  field(dl, "Arrested", e.arrested && e.arrested.text);
  field(dl, "Factuality", e.factuality);
  field(dl, "Confidence", e.confidence);
  field(dl, "Document", e.doc_id);
  const p = $("#evidence");
  p.replaceChildren();
  const rtl = lang === "ar";
  p.setAttribute("dir", rtl ? "rtl" : "ltr");
  p.setAttribute("lang", lang || "");
  if (context) {
    for (const part of context.parts) {
      p.append(el(part.role === "trigger" ? "mark" : "span", { class: part.role }, part.text));
    }
  } else {
    p.append(el("span", { class: "evidence" }, e.evidence.text));
  }
  $("#panel").hidden = false;
  const evidence = p.querySelector(".evidence, mark");
  if (evidence) evidence.scrollIntoView({ block: "center" });
  document.body.dataset.selected = id;
}

// ---- filters ------------------------------------------------------------------------------

async function setFilters(filters) {
  state.filters = filters;
  const form = $("#filters");
  for (const name of ["type", "country", "from", "to"]) form.elements[name].value = filters[name] || "";
  await load();
}

async function load() {
  document.body.dataset.ready = "";
  const page = await getJSON(`/api/events?limit=${PAGE}&` + query(state.filters));
  state.events = page.events;
  $("#count").textContent = page.total > page.events.length
    ? `${page.total} events (the first ${page.events.length} shown)`
    : `${page.total} event${page.total === 1 ? "" : "s"}`;
  drawTable();
  drawMarkers();
  drawLegend();
  fitEvents();
  await drawTimeline();
  document.body.dataset.ready = "1";
}

async function main() {
  const typeSelect = $("#filters").elements.type;
  for (const t of Object.keys(TYPES)) typeSelect.append(el("option", { value: t }, t));
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    setFilters(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()])));
  });
  $("#clear").addEventListener("click", () => setFilters({}));
  $("#close").addEventListener("click", () => ($("#panel").hidden = true));
  await drawWorld();
  wireMap();
  await load();
}

main().catch((error) => {
  $("#count").textContent = "Error: " + error.message;
  document.body.dataset.error = error.message;
});
