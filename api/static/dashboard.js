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
  const renderer = window.PromptPrism.createRenderer($("report"));
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
  refresh();
  schedule();
})();
