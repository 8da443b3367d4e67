// The /explore page: search, the ego network (Cytoscape.js), filters applied by the API, and
// the view's state in the URL (?center=&depth=&types=&since=&until=&expand=) so it can be
// shared. It calls only the public API; window.polikg exposes the graph to the browser tests.
import { el, getJSON, showEvidence, showProfile } from "./panels.js";

const ALL_TYPES = ["CRITICIZED", "SUPPORTED", "ALLIED_WITH", "MEMBER_OF", "HOLDS_OFFICE"];
const COLORS = {
  Person: "#3b6ea5", Party: "#e08a2e", Alliance: "#8e5ea2", Office: "#3d9a8b",
  Organization: "#8c6d46", CRITICIZED: "#d62728", SUPPORTED: "#2ca02c",
  ALLIED_WITH: "#8e5ea2", MEMBER_OF: "#8a8f98", HOLDS_OFFICE: "#3d9a8b",
};
const SHAPES = { Person: "ellipse", Party: "round-rectangle", Alliance: "hexagon",
  Office: "diamond", Organization: "rectangle" };
const MAX_NODES = 150;
const $ = (id) => document.getElementById(id);

const state = { center: null, depth: 1, types: [...ALL_TYPES], since: null, until: null, expand: [] };
const dateRange = { center: null, days: [] };  // the slider's scale: the center's dates
let loadToken = 0;

// ---- URL state -------------------------------------------------------------------------
function readUrl() {
  const p = new URLSearchParams(location.search);
  const types = p.getAll("types").flatMap((t) => t.split(",")).filter((t) => ALL_TYPES.includes(t));
  Object.assign(state, {
    center: p.get("center"), depth: p.get("depth") === "2" ? 2 : 1,
    types: types.length ? types : [...ALL_TYPES], since: p.get("since"), until: p.get("until"),
    expand: (p.get("expand") || "").split(",").filter(Boolean),
  });
}

function stateQuery() {
  const p = new URLSearchParams();
  if (state.center) p.set("center", state.center);
  if (state.depth !== 1) p.set("depth", String(state.depth));
  if (state.types.length !== ALL_TYPES.length) p.set("types", state.types.join(","));
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  if (state.expand.length) p.set("expand", state.expand.join(","));
  return p;
}

function writeUrl(push) {
  const url = `${location.pathname}?${stateQuery()}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

// ---- API -------------------------------------------------------------------------------
function networkUrl(center, { dates = true } = {}) {
  const p = new URLSearchParams({ center, depth: String(center === state.center ? state.depth : 1),
    max_nodes: String(MAX_NODES), format: "cytoscape" });
  for (const t of state.types) p.append("types", t);
  if (dates && state.since) p.set("since", state.since);
  if (dates && state.until) p.set("until", state.until);
  return `/network?${p}`;
}

// ---- graph -----------------------------------------------------------------------------
if (typeof window.cytoscape === "undefined") {
  $("empty").textContent = "Cytoscape.js is not installed: run `npm ci` (make install) and reload.";
  throw new Error("cytoscape.min.js did not load");
}
const cy = cytoscape({
  container: $("cy"), wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 4,
  style: [
    { selector: "node", style: {
      "background-color": (n) => COLORS[n.data("type")] || "#777",
      shape: (n) => SHAPES[n.data("type")] || "ellipse",
      label: (n) => n.data("label") + (n.data("more") > 0 ? `  +${n.data("more")}` : ""),
      width: (n) => 14 + 4 * Math.log2(1 + (n.data("degree") || 0)),
      height: (n) => 14 + 4 * Math.log2(1 + (n.data("degree") || 0)),
      "font-size": 11, color: "#1f2430", "text-valign": "bottom", "text-margin-y": 4,
      "text-outline-color": "#f7f8fa", "text-outline-width": 2, "min-zoomed-font-size": 6,
      "border-width": 1, "border-color": "#ffffff" } },
    { selector: "node[?center]", style: { "border-width": 4, "border-color": "#1f2430",
      "font-weight": "bold", "font-size": 13 } },
    { selector: "edge", style: {
      width: (e) => 1.2 + 1.8 * Math.log2(1 + (e.data("claims") || 1)),
      "line-color": (e) => COLORS[e.data("type")] || "#999",
      "target-arrow-color": (e) => COLORS[e.data("type")] || "#999",
      "target-arrow-shape": (e) => (e.data("directed") === false ? "none" : "triangle"),
      "curve-style": "bezier", "arrow-scale": 0.9, opacity: 0.8 } },
    { selector: "edge[type = 'MEMBER_OF'], edge[type = 'HOLDS_OFFICE']",
      style: { "line-style": "dashed", opacity: 0.6 } },
    { selector: ":selected", style: { "overlay-color": "#3b6ea5", "overlay-opacity": 0.18,
      "overlay-padding": 6 } },
    { selector: ".faded", style: { opacity: 0.15 } },
  ],
});

/** Each node's count of neighbours (in these filters) that are not drawn yet. */
function updateHints() {
  cy.nodes().forEach((n) => n.data("more", Math.max(0, (n.data("degree") || 0) - n.neighborhood("node").length)));
}

/** Add what is not drawn yet; an expansion's nodes count their hops from the main center
 * (`base` = the expanded node's distance) so the rings stay meaningful. */
function addElements(body, base = 0) {
  const fresh = cy.collection();
  for (const n of body.elements.nodes) {
    if (cy.getElementById(n.data.id).empty()) {
      fresh.merge(cy.add({ group: "nodes", data: { ...n.data, distance: base + n.data.distance } }));
    }
  }
  for (const e of body.elements.edges) {
    if (cy.getElementById(e.data.id).empty()) fresh.merge(cy.add({ group: "edges", data: { ...e.data } }));
  }
  return fresh;
}

const MAX_FIT_ZOOM = 1.3;  // a handful of nodes should not fill the screen

/** A new view: the concentric layout of an ego network, one ring per hop around the center
 * (most strongly linked first), the same picture every time a link is opened. */
function runLayout() {
  cy.layout({ name: "concentric", animate: false, fit: true, padding: 50,
    concentric: (n) => 10 - (n.data("distance") || 0), levelWidth: () => 1,
    minNodeSpacing: 46, startAngle: -Math.PI / 2,
    spacingFactor: cy.nodes().length < 12 ? 1.8 : 1.1 }).run();
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

function setStatus(text, error = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", error);
}

function describe(meta) {
  const hidden = cy.nodes().reduce((sum, n) => sum + (n.data("more") || 0), 0);
  let text = `${cy.nodes().length} entities, ${cy.edges().length} links`;
  if (meta && meta.truncated) text += ` — ${meta.message}`;
  else if (hidden) text += " · double-click a node with +n to expand it";
  return text;
}

/** Draw the state's network: the center's ego network, then each expanded node's. */
async function load() {
  const token = ++loadToken;
  cy.elements().remove();
  if (!state.center) { document.body.dataset.state = "idle"; setStatus(""); return; }
  document.body.dataset.state = "loading";
  setStatus("Loading…");
  try {
    const body = await getJSON(networkUrl(state.center));
    const expansions = await Promise.all(state.expand.map((id) => getJSON(networkUrl(id)).catch(() => null)));
    if (token !== loadToken) return;
    await syncDateRange(state.since || state.until ? null : body);
    addElements(body);
    expansions.forEach((extra, i) => {
      const parent = cy.getElementById(state.expand[i]);
      if (extra && parent.nonempty()) addElements(extra, parent.data("distance"));
    });
    cy.getElementById(state.center).data("center", true);
    updateHints();
    runLayout();
    window.polikg.last = body;
    setStatus(describe(body.data));
    document.body.dataset.state = "ready";
  } catch (error) {
    if (token !== loadToken) return;
    setStatus(`Could not load ${state.center}: ${error.message}`, true);
    document.body.dataset.state = "error";
  }
}

/** Add a node's own ego network to the drawing (double-click). */
async function expand(id) {
  if (state.expand.includes(id) || id === state.center) return;
  document.body.dataset.state = "loading";
  try {
    const body = await getJSON(networkUrl(id));
    const fresh = addElements(body, cy.getElementById(id).data("distance"));
    state.expand.push(id);
    writeUrl(true);
    updateHints();
    if (fresh.nodes().length) runLayout();  // the new nodes join the next ring out
    setStatus(describe(null));
  } catch (error) {
    setStatus(`Could not expand ${id}: ${error.message}`, true);
  }
  document.body.dataset.state = "ready";
}

// ---- date slider -----------------------------------------------------------------------
function daysBetween(first, last) {
  const days = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The slider spans the dates of the center's edges in the chosen types (all dates). */
async function syncDateRange(unfiltered) {
  const key = `${state.center}|${state.depth}|${state.types}`;
  if (dateRange.center !== key) {
    const all = unfiltered || await getJSON(networkUrl(state.center, { dates: false }));
    const seen = all.elements.edges.flatMap((e) => [e.data.first_seen, e.data.last_seen]).filter(Boolean).sort();
    dateRange.center = key;
    dateRange.days = seen.length ? daysBetween(seen[0], seen[seen.length - 1]) : [];
  }
  const days = dateRange.days;
  for (const id of ["since-range", "until-range"]) $(id).max = String(Math.max(0, days.length - 1));
  const index = (day, fallback) => {
    if (!day) return fallback;
    const i = days.findIndex((d) => d >= day);
    return i < 0 ? days.length - 1 : i;
  };
  $("since-range").value = String(index(state.since, 0));
  $("until-range").value = String(state.until ? Math.max(0, days.filter((d) => d <= state.until).length - 1) : days.length - 1);
  $("date-label").value = state.since || state.until
    ? `${state.since || days[0] || "…"} → ${state.until || days[days.length - 1] || "…"}`
    : (days.length ? `all dates (${days[0]} → ${days[days.length - 1]})` : "all dates");
}

function onSlide() {
  const days = dateRange.days;
  if (!days.length) return;
  let lo = Number($("since-range").value);
  let hi = Number($("until-range").value);
  if (lo > hi) [lo, hi] = [hi, lo];
  state.since = lo > 0 ? days[lo] : null;
  state.until = hi < days.length - 1 ? days[hi] : null;
  $("date-label").value = `${days[lo]} → ${days[hi]}`;
}

// ---- controls --------------------------------------------------------------------------
function applyControls() {
  for (const box of document.querySelectorAll("#types input")) box.checked = state.types.includes(box.value);
  $("depth").value = String(state.depth);
}

function navigate(changes, { keepExpand = false } = {}) {
  Object.assign(state, changes);
  if (!keepExpand) state.expand = [];
  writeUrl(true);
  load();
}

let searchTimer = null;
let hits = [];
let active = -1;

function renderSuggestions() {
  const list = $("suggestions");
  list.hidden = !hits.length && !$("search").value.trim();
  list.replaceChildren(...(hits.length ? hits.map((h, i) => el("li", {
    role: "option", "aria-selected": String(i === active), "data-id": h.id,
    onclick: () => choose(h) }, el("span", {}, h.name), el("span", { class: "type" }, h.type)))
    : [el("li", { class: "empty" }, "No match")]));
}

async function suggest() {
  const q = $("search").value.trim();
  if (!q) { hits = []; $("suggestions").hidden = true; return; }
  try {
    const body = await getJSON(`/entities?${new URLSearchParams({ q, limit: "8" })}`);
    if ($("search").value.trim() !== q) return;
    hits = body.items;
    active = hits.length ? 0 : -1;
    renderSuggestions();
  } catch (error) { setStatus(`Search failed: ${error.message}`, true); }
}

function choose(hit) {
  $("search").value = hit.name;
  $("suggestions").hidden = true;
  hits = [];
  navigate({ center: hit.id });
  showProfile(hit.id, panelOptions());
}

function panelOptions() {
  return { onCenter: (id) => navigate({ center: id }), window: { since: state.since, until: state.until } };
}

function bind() {
  $("search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(suggest, 180); });
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + hits.length) % Math.max(1, hits.length);
      renderSuggestions();
      event.preventDefault();
    } else if (event.key === "Enter" && hits[active]) {
      choose(hits[active]);
    } else if (event.key === "Escape") {
      $("suggestions").hidden = true;
    }
  });
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".search")) $("suggestions").hidden = true;
  });
  for (const box of document.querySelectorAll("#types input")) {
    box.addEventListener("change", () => {
      const types = [...document.querySelectorAll("#types input:checked")].map((b) => b.value);
      if (types.length) navigate({ types }, { keepExpand: true }); else box.checked = true;
    });
  }
  $("depth").addEventListener("change", () => navigate({ depth: Number($("depth").value) }, { keepExpand: true }));
  for (const id of ["since-range", "until-range"]) {
    $(id).addEventListener("input", onSlide);
    $(id).addEventListener("change", () => navigate({}, { keepExpand: true }));
  }
  $("date-reset").addEventListener("click", () => navigate({ since: null, until: null }, { keepExpand: true }));
  cy.on("tap", "node", (event) => showProfile(event.target.id(), panelOptions()));
  cy.on("tap", "edge", (event) => showEvidence(event.target.id(), panelOptions()));
  cy.on("dbltap", "node", (event) => expand(event.target.id()));
  cy.on("mouseover", "node", (event) => {
    cy.elements().not(event.target.closedNeighborhood()).addClass("faded");
  });
  cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));
  window.addEventListener("popstate", () => { readUrl(); applyControls(); load(); });
}

window.polikg = { cy, state, load, expand, last: null };
readUrl();
applyControls();
bind();
if (state.center) showProfile(state.center, panelOptions());
load();
