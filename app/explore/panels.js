// The side panel: an entity's profile (click a node) and the claims behind an edge (click an
// edge), each claim's sentence highlighted inside the article text the API returns.
// Everything from the API is inserted as text nodes, never as HTML.

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : "bad request"}`);
  }
  return response.json();
}

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const panel = () => document.getElementById("panel-body");

function show(...children) {
  panel().replaceChildren(...children);
  panel().parentElement.scrollTop = 0;
}

function span(first, last) {
  if (!first && !last) return "";
  return first === last || !last ? first : `${first || "?"} – ${last}`;
}

function tieList(ties, empty) {
  if (!ties.length) return el("p", { class: "muted" }, empty);
  return el("ul", {}, ties.map((t) => el("li", {},
    el("span", { class: t.status === "former" ? "status-former" : "" }, t.entity.name),
    t.status ? ` (${t.status})` : "", " ",
    el("span", { class: "dates" }, span(t.first_seen, t.last_seen)))));
}

/** The profile of one entity: offices with dates, parties, alliances, latest quotes. */
export async function showProfile(id, { onCenter, window: dates }) {
  show(el("p", { class: "muted" }, "Loading…"));
  const quoteParams = new URLSearchParams({ speaker: id, limit: "5" });
  if (dates.since) quoteParams.set("since", dates.since);
  if (dates.until) quoteParams.set("until", dates.until);
  let profile, quotes;
  try {
    [profile, quotes] = await Promise.all([
      getJSON(`/entities/${encodeURIComponent(id)}`),
      getJSON(`/statements?${quoteParams}`),
    ]);
  } catch (error) {
    show(el("p", { class: "muted" }, `Could not load ${id}: ${error.message}`));
    return;
  }
  const c = profile.counts;
  show(
    el("div", { class: "profile", "data-id": profile.id },
      el("span", { class: `pill n-${profile.type}` }, profile.type),
      el("h2", {}, profile.name),
      profile.aliases.length > 1
        ? el("p", { class: "muted" }, "also: ", profile.aliases.filter((a) => a !== profile.name).join(", "))
        : null,
      el("div", { class: "actions" },
        el("button", { type: "button", onclick: () => onCenter(profile.id) }, "Center on this")),
      el("div", { class: "counts" },
        el("span", {}, el("b", {}, c.articles), " articles"),
        el("span", {}, el("b", {}, c.quotes_given), " quotes"),
        el("span", {}, el("b", {}, c.criticisms_given), " criticisms given"),
        el("span", {}, el("b", {}, c.criticisms_received), " received"),
        el("span", {}, el("b", {}, c.support_given), " support given"),
        el("span", {}, el("b", {}, c.support_received), " received")),
      profile.type === "Person" || profile.offices.length
        ? [el("h3", {}, "Offices"), tieList(profile.offices, "No office on record.")] : null,
      profile.type === "Person" || profile.parties.length
        ? [el("h3", {}, "Parties"), tieList(profile.parties, "No party on record.")] : null,
      profile.alliances.length ? [el("h3", {}, "Allied with"), tieList(profile.alliances, "")] : null,
      el("h3", {}, "Latest quotes"),
      quotes.items.length
        ? el("ul", { class: "quotes" }, quotes.items.map((q) => el("li", {},
          el("blockquote", {}, `“${q.text}”`),
          el("div", { class: "dates" }, q.date || "undated",
            q.about.length ? ` · about ${q.about.map((a) => a.name).join(", ")}` : ""))))
        : el("p", { class: "muted" }, dates.since || dates.until
          ? "No quotes in this date range." : "No quotes on record.")));
}

/** The article text around a claim with its sentence in a <mark> (offsets from the API). */
function highlighted(claim) {
  const ctx = claim.context;
  if (!ctx || claim.start === null || claim.end === null) {
    return el("p", { class: "text" }, el("mark", {}, claim.sentence || "(no sentence stored)"));
  }
  const from = claim.start - ctx.offset;
  const to = claim.end - ctx.offset;
  const before = ctx.text.slice(0, from);
  const more = ctx.offset + ctx.text.length < ctx.article_length;
  return el("p", { class: "text" },
    ctx.offset > 0 ? "…" : "", before,
    el("mark", {}, ctx.text.slice(from, to)),
    ctx.text.slice(to), more ? "…" : "");
}

function claimItem(claim) {
  const article = claim.article;
  const title = article ? (article.title || article.id) : "unknown article";
  const link = article && article.url && /^https?:\/\//.test(article.url)
    ? el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, title)
    : el("span", {}, title);
  return el("li", { class: "claim", "data-claim": claim.claim_id },
    el("div", { class: "meta" }, el("b", {}, claim.date || "undated"), link,
      claim.confidence !== null ? el("span", {}, `confidence ${claim.confidence}`) : null),
    highlighted(claim));
}

/** Every claim behind one edge (all pages), oldest first. */
export async function showEvidence(edgeId, { window: dates }) {
  show(el("p", { class: "muted" }, "Loading…"));
  const items = [];
  let body;
  let offset = 0;
  try {
    do {
      const params = new URLSearchParams({ limit: "100", offset: String(offset), context: "240" });
      if (dates.since) params.set("since", dates.since);
      if (dates.until) params.set("until", dates.until);
      body = await getJSON(`/edges/${encodeURIComponent(edgeId)}?${params}`);
      items.push(...body.items);
      offset = body.next_offset;
    } while (offset !== null && items.length < 1000);
  } catch (error) {
    show(el("p", { class: "muted" }, `Could not load the evidence: ${error.message}`));
    return;
  }
  const edge = body.edge;
  const verb = edge.type.toLowerCase().replace("_", " ");
  show(el("div", { class: "evidence", "data-edge": edge.id },
    el("div", { class: "edge-head" },
      el("span", { class: `pill t-${edge.type}`, style: "background: var(--c)" }, verb)),
    el("h2", {}, edge.source.name, edge.directed ? " → " : " ↔ ", edge.target.name),
    el("p", { class: "muted" },
      `${edge.claims_in_window} claim${edge.claims_in_window === 1 ? "" : "s"}`,
      edge.claims !== edge.claims_in_window ? ` in these dates (${edge.claims} in all)` : "",
      edge.first_seen ? ` · ${span(edge.first_seen, edge.last_seen)}` : ""),
    el("ul", { class: "claims" }, items.map(claimItem))));
}
