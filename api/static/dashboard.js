/*
 * The live dashboard: reads the controls, fetches GET /v1/report, draws it with prism.js, and refreshes
 * every 10 seconds. The page's URL keeps the chosen range, bucket and weight (not the key), so it can
 * be bookmarked. An API key given as ?key=... is moved out of the address bar into session storage.
 */
(function () {
  "use strict";

  const REFRESH_MS = 10000;
  const RANGES_MS = { "1h": 3600e3, "24h": 86400e3, "7d": 7 * 86400e3, "30d": 30 * 86400e3, "90d": 90 * 86400e3 };
  const KEY_STORAGE = "promptprism-api-key";
  const $ = (id) => document.getElementById(id);
  const BUCKET_MS = { hour: 3600e3, day: 86400e3, week: 7 * 86400e3 };
  const renderer = window.PromptPrism.createRenderer($("report"), { onSelect: (chartId, item) => drillFromChart(item) });
  let labelOf = {}; // category display name -> label, from the last report
  let drillQuery = null;
  let drillCursor = null;
  let timer = null;
  let inFlight = false;
  let queued = false;

  const params = new URLSearchParams(window.location.search);
  let apiKey = params.get("key") || window.sessionStorage.getItem(KEY_STORAGE) || "";
  if (params.has("key")) {
    window.sessionStorage.setItem(KEY_STORAGE, apiKey);
    params.delete("key");
    window.history.replaceState(null, "", window.location.pathname + (params.toString() ? "?" + params : ""));
  }

  function pick(select, value, fallback) {
    const allowed = Array.from(select.options).map((o) => o.value);
    select.value = allowed.includes(value) ? value : fallback;
  }

  function toLocalInput(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return "";
    const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 16);
  }

  pick($("range"), params.get("range"), "7d");
  pick($("bucket"), params.get("bucket"), "day");
  pick($("weight"), params.get("weight"), "requests");
  $("auto").checked = params.get("refresh") !== "off";
  if (params.get("since")) $("since").value = toLocalInput(params.get("since"));
  if (params.get("until")) $("until").value = toLocalInput(params.get("until"));
  $("key").value = apiKey;

  function showCustom() {
    const custom = $("range").value === "custom";
    document.querySelectorAll(".controls .custom").forEach((node) => (node.hidden = !custom));
  }

  function timeWindow() {
    const range = $("range").value;
    if (range === "custom") {
      const since = $("since").value ? new Date($("since").value).toISOString() : null;
      const until = $("until").value ? new Date($("until").value).toISOString() : null;
      return { since, until };
    }
    if (range === "all") return { since: null, until: null };
    return { since: new Date(Date.now() - RANGES_MS[range]).toISOString(), until: null };
  }

  function status(text, isError) {
    const node = $("status");
    node.textContent = text;
    node.classList.toggle("error", Boolean(isError));
  }

  function keepInUrl() {
    const next = new URLSearchParams();
    next.set("range", $("range").value);
    next.set("bucket", $("bucket").value);
    next.set("weight", $("weight").value);
    if (!$("auto").checked) next.set("refresh", "off");
    if ($("range").value === "custom") {
      const { since, until } = timeWindow();
      if (since) next.set("since", since);
      if (until) next.set("until", until);
    }
    window.history.replaceState(null, "", window.location.pathname + "?" + next);
  }

  async function refresh() {
    if (inFlight) {
      queued = true;
      return;
    }
    inFlight = true;
    try {
      const query = new URLSearchParams({ bucket: $("bucket").value, weight: $("weight").value });
      const { since, until } = timeWindow();
      if (since) query.set("since", since);
      if (until) query.set("until", until);
      const headers = apiKey ? { Authorization: "Bearer " + apiKey } : {};
      const response = await fetch("v1/report?" + query, { headers, cache: "no-store" });
      if (response.status === 401) {
        status("This service needs its API key: enter it in the box above.", true);
        return;
      }
      const body = await response.json();
      if (!response.ok) {
        status(body.error ? body.error.message : "HTTP " + response.status, true);
        return;
      }
      labelOf = Object.fromEntries(Object.entries((body.names && body.names.category) || {}).map(([k, v]) => [v, k]));
      await renderer.render(body);
      const when = new Date().toLocaleTimeString();
      status(`Updated ${when} · ${body.totals.requests.toLocaleString("en-US")} calls`);
    } catch (error) {
      status("Cannot reach the service: " + error.message, true);
    } finally {
      inFlight = false;
      if (queued) {
        queued = false;
        refresh();
      }
    }
  }

  // Drill-down: a click on a chart segment lists the calls behind it (GET /v1/events).
  function drillFromChart(item) {
    const datum = item.datum;
    const filter = {};
    if (datum.category !== undefined) filter.label = labelOf[datum.category] || datum.category;
    if (datum.model !== undefined) filter.model = datum.model;
    if (!filter.label && !filter.model) return;
    const bucket = $("bucket").value;
    // An area is one mark per series: only bars and cells say which time bucket was clicked.
    if (datum[bucket] !== undefined && item.mark && item.mark.marktype !== "area") {
      const start = new Date(datum[bucket]);
      filter.since = start.toISOString();
      filter.until = new Date(start.getTime() + BUCKET_MS[bucket]).toISOString();
    }
    openDrill(filter);
  }

  function openDrill(filter, scroll = true) {
    const query = new URLSearchParams({ dimension: "category", limit: "20" });
    const { since, until } = timeWindow();
    if (filter.since || since) query.set("since", filter.since || since);
    if (filter.until || until) query.set("until", filter.until || until);
    if (filter.label) query.set("label", filter.label);
    if (filter.model) query.set("model", filter.model);
    drillQuery = query;
    drillCursor = null;
    const names = Object.fromEntries(Object.entries(labelOf).map(([name, label]) => [label, name]));
    const what = [filter.label ? names[filter.label] || filter.label : null, filter.model].filter(Boolean).join(" · ");
    $("drill-title").textContent = "Calls: " + what;
    $("drill-table").tBodies[0].replaceChildren();
    $("drill").hidden = false;
    $("drill").setAttribute("data-label", filter.label || "");
    loadDrill();
    if (scroll) $("drill").scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function cell(text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  async function loadDrill() {
    const query = new URLSearchParams(drillQuery);
    if (drillCursor) query.set("cursor", drillCursor);
    const headers = apiKey ? { Authorization: "Bearer " + apiKey } : {};
    try {
      const response = await fetch("v1/events?" + query, { headers, cache: "no-store" });
      const body = await response.json();
      if (!response.ok) {
        $("drill-note").textContent = body.error ? body.error.message : "HTTP " + response.status;
        return;
      }
      const names = Object.fromEntries(Object.entries(labelOf).map(([name, label]) => [label, name]));
      const rows = body.events.map((event) => {
        const tr = document.createElement("tr");
        tr.setAttribute("data-event", event.id);
        const category = event.labels.category || {};
        const text = event.text === null || event.text === undefined ? null : event.text.slice(0, 400);
        tr.append(
          cell(String(event.ts).replace("T", " ").slice(0, 19)),
          cell(category.label ? `${names[category.label] || category.label} (${Math.round(category.probability * 100)}%)` : ""),
          cell(event.model || ""),
          cell(event.app || ""),
          cell(event.user || ""),
          cell((event.prompt_tokens + event.completion_tokens).toLocaleString("en-US")),
          cell(event.cost === null || event.cost === undefined ? "" : "$" + event.cost.toFixed(5)),
          text === null ? cell("text not stored", "muted") : cell(text, "text")
        );
        return tr;
      });
      $("drill-table").tBodies[0].append(...rows);
      const shown = $("drill-table").tBodies[0].rows.length;
      $("drill-note").textContent =
        (shown ? `${shown} most recent calls in this range` : "No calls in this range") +
        (body.text_stored ? "." : ". Texts are not stored (PROMPTPRISM_STORE_TEXT is off): metadata only.");
      drillCursor = body.next_cursor;
      $("drill-more").hidden = !drillCursor;
      $("drill").setAttribute("data-rows", String(shown));
    } catch (error) {
      $("drill-note").textContent = "Cannot reach the service: " + error.message;
    }
  }

  $("drill-more").addEventListener("click", loadDrill);
  $("drill-close").addEventListener("click", () => {
    $("drill").hidden = true;
  });

  function schedule() {
    window.clearInterval(timer);
    timer = $("auto").checked ? window.setInterval(refresh, REFRESH_MS) : null;
  }

  for (const id of ["range", "since", "until", "bucket", "weight"]) {
    $(id).addEventListener("change", () => {
      showCustom();
      keepInUrl();
      refresh();
    });
  }
  $("auto").addEventListener("change", () => {
    keepInUrl();
    schedule();
  });
  $("key").addEventListener("change", () => {
    apiKey = $("key").value.trim();
    window.sessionStorage.setItem(KEY_STORAGE, apiKey);
    refresh();
  });

  showCustom();
  // ?drill=<label>[&drill_model=<model>] opens the list of calls at once (a link to a segment's calls).
  const firstDraw = refresh();
  if (params.get("drill") || params.get("drill_model")) {
    const filter = { label: params.get("drill") || undefined, model: params.get("drill_model") || undefined };
    firstDraw.then(() => openDrill(filter, false)); // the panel is at the top of the page already
  }
  schedule();
})();
