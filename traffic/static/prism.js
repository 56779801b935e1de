/*
 * PromptPrism report renderer: draws a report payload (traffic/report.py, build_payload) into a page.
 *
 * Shared by the offline report file (payload inlined) and the live dashboard (payload fetched from
 * GET /v1/report), so both show the same charts and tables. Needs window.vegaEmbed, from the
 * vl-convert bundle. Wrapped in a function: the bundle declares short global names of its own.
 */
(function () {
  "use strict";

  const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
  const NUMERIC = new Set(["int", "num", "pct"]);
  const EMBED_OPTIONS = {
    renderer: "svg",
    // Export buttons only: the editor and source links would point at the internet.
    actions: { export: true, source: false, compiled: false, editor: false },
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function humanCount(value) {
    if (value >= 1e6) return (value / 1e6).toFixed(1) + "M";
    if (value >= 1e5) return Math.round(value / 1e3) + "k";
    if (value >= 1e4) return (value / 1e3).toFixed(1) + "k";
    return integer.format(value);
  }

  function formatCell(value, format, names) {
    if (value === null || value === undefined) return "–";
    switch (format) {
      case "int":
        return integer.format(value);
      case "num":
        return decimal.format(value);
      case "pct":
        return (value * 100).toFixed(1) + "%";
      case "date":
        return String(value).slice(0, 10);
      case "datetime":
        return String(value).slice(0, 16).replace("T", " ");
      case "category":
        return (names.category || {})[value] || String(value);
      case "language":
        return (names.language || {})[value] || String(value);
      default:
        return String(value);
    }
  }

  function tableNode(name, table, names) {
    const head = el(
      "tr",
      {},
      table.columns.map((c) => el("th", { scope: "col", "data-col": c.key, class: NUMERIC.has(c.format) ? "num" : null, text: c.label }))
    );
    const rows = table.rows.map((row) =>
      el(
        "tr",
        {},
        row.map((value, i) => {
          const column = table.columns[i];
          return el("td", {
            "data-col": column.key,
            "data-value": value === null ? "" : String(value),
            class: NUMERIC.has(column.format) ? "num" : null,
            text: formatCell(value, column.format, names),
          });
        })
      )
    );
    return el(
      "div",
      { class: "table-scroll" },
      el("table", { class: "counts", "data-table": name }, el("caption", { text: table.title }), el("thead", {}, head), el("tbody", {}, rows))
    );
  }

  function dateText(iso) {
    return iso ? iso.slice(0, 16).replace("T", " ").replace(" 00:00", "") : "";
  }

  function headerNodes(payload) {
    const t = payload.totals;
    const range = payload.range || {};
    const span = range.start ? `${dateText(range.start)} – ${dateText(range.end)} UTC` : "no calls in this range";
    const stats = [
      ["requests", "Requests", integer.format(t.requests)],
      ["tokens", "Tokens", humanCount(t.tokens)],
      ["models", "Models", integer.format(t.models)],
      ["buckets", payload.bucket[0].toUpperCase() + payload.bucket.slice(1) + "s", integer.format(t.buckets)],
    ];
    return [
      el("div", { class: "head-text" }, el("h1", { text: payload.title }), el("p", { class: "range", text: span })),
      el(
        "dl",
        { class: "totals" },
        stats.map(([key, label, shown]) =>
          el("div", { class: "total" }, el("dt", { text: label }), el("dd", { "data-total": key, "data-value": String(t[key]), text: shown }))
        )
      ),
    ];
  }

  function listSection(cls, title, items) {
    if (!items || !items.length) return [];
    return [el("h2", { text: title }), el("ul", {}, items.map((text) => el("li", { text })))];
  }

  // options.onSelect(chartId, item): called when a mark of a chart is clicked (the dashboard's drill-down).
  function createRenderer(root, options) {
    const onSelect = options && options.onSelect;
    const views = new Map(); // chart id -> { json, result }
    let signature = null;
    let parts = null;

    function layout(payload) {
      for (const view of views.values()) if (view.result) view.result.finalize();
      views.clear();
      parts = {
        header: el("header", { class: "report-head" }),
        findings: el("section", { class: "findings", id: "findings" }),
        notes: el("section", { class: "notes", id: "notes" }),
        charts: new Map(),
        tables: new Map(),
      };
      const body = [parts.header, parts.findings, parts.notes];
      if (payload.empty) {
        body.push(el("p", { class: "empty", text: "No calls recorded in this range yet." }));
      } else {
        body.push(
          el("nav", { class: "toc" }, payload.sections.map((s) => el("a", { href: "#section-" + s.id, text: s.title })))
        );
        for (const section of payload.sections) {
          const charts = section.charts.map((chart) => {
            const node = el("div", { class: "chart", id: "chart-" + chart.id, "data-chart": chart.id, role: "img", "aria-label": chart.title });
            parts.charts.set(chart.id, node);
            return el("figure", { class: "chart-frame" }, node);
          });
          const tables = el("div", { class: "tables" });
          parts.tables.set(section.id, tables);
          body.push(
            el(
              "section",
              { class: "report-section", id: "section-" + section.id, "data-section": section.id },
              el("h2", { text: section.title }),
              el("p", { class: "description", text: section.description }),
              charts,
              el("details", { class: "counts-details" }, el("summary", { text: "Counts behind these charts" }), tables)
            )
          );
        }
      }
      body.push(
        el("footer", {}, "Made by PromptPrism. Charts: Vega-Lite, drawn in the page with no network access.")
      );
      root.replaceChildren(...body);
    }

    async function render(payload) {
      const sig = JSON.stringify(payload.empty ? "empty" : payload.sections.map((s) => [s.id, s.charts.map((c) => c.id), s.tables]));
      if (sig !== signature) {
        layout(payload);
        signature = sig;
      }
      root.setAttribute("data-state", "rendering");
      parts.header.replaceChildren(...headerNodes(payload));
      parts.findings.replaceChildren(...listSection("findings", "Main findings", payload.findings));
      parts.notes.replaceChildren(...listSection("notes", "Data notes", payload.notes));
      parts.notes.hidden = !(payload.notes && payload.notes.length);
      const pending = [];
      if (!payload.empty) {
        for (const section of payload.sections) {
          parts.tables.get(section.id).replaceChildren(...section.tables.map((name) => tableNode(name, payload.tables[name], payload.names)));
          for (const chart of section.charts) {
            const json = JSON.stringify(chart.spec);
            const current = views.get(chart.id);
            if (current && current.json === json) continue; // unchanged: keep the drawn chart (no flicker on refresh)
            if (current && current.result) current.result.finalize();
            const node = parts.charts.get(chart.id);
            const entry = { json, result: null };
            views.set(chart.id, entry);
            pending.push(
              window
                .vegaEmbed(node, chart.spec, EMBED_OPTIONS)
                .then((result) => {
                  entry.result = result;
                  if (onSelect) {
                    result.view.addEventListener("click", (_event, item) => {
                      if (item && item.datum) onSelect(chart.id, item);
                    });
                  }
                  node.setAttribute("data-rendered", "true");
                })
                .catch((error) => {
                  node.replaceChildren(el("p", { class: "chart-error", text: "This chart could not be drawn: " + error }));
                  node.setAttribute("data-rendered", "error");
                })
            );
          }
        }
      }
      await Promise.all(pending);
      root.setAttribute("data-state", "ready");
      root.setAttribute("data-requests", String(payload.totals.requests));
    }

    return { render };
  }

  window.PromptPrism = {
    createRenderer,
    formatCell,
    render: (root, payload) => createRenderer(root).render(payload),
  };
})();
