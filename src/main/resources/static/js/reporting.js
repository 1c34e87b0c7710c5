// Ads Manager reporting: the Reporting page's form and chart, and the figure columns of the lists.
// Plain JavaScript; the chart is drawn by Chart.js (a webjar), never by hand.
(function () {
  "use strict";
  if (window.sparkReporting) {
    return; // loaded again by a swapped-in partial
  }
  window.sparkReporting = true;

  var COLORS = ["#fe2c55", "#2457c5", "#0f8a5f", "#9a6100"];

  function format(kind, value) {
    if (kind === "PERCENT") {
      return value.toFixed(2) + "%";
    }
    if (kind === "MONEY" || kind === "RATIO") {
      return value.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
    }
    return value.toLocaleString("en-US");
  }

  // Axis ticks show small amounts with enough decimals to tell them apart.
  function tick(kind, value) {
    var text = Number(value).toLocaleString("en-US", {maximumFractionDigits: 3});
    return kind === "PERCENT" ? text + "%" : text;
  }

  function drawChart() {
    var canvas = document.getElementById("report-chart");
    var source = document.getElementById("report-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var twoAxes = data.series.some(function (s) { return s.axis === "y1"; });
    var kinds = {};
    data.series.forEach(function (s) { kinds[s.axis] = s.kind; });
    var scales = {
      x: {ticks: {maxTicksLimit: 12, autoSkip: true}},
      y: {beginAtZero: true, position: "left",
          ticks: {callback: function (v) { return tick(kinds.y, v); }}}
    };
    if (twoAxes) {
      scales.y1 = {beginAtZero: true, position: "right", grid: {drawOnChartArea: false},
                   ticks: {callback: function (v) { return tick(kinds.y1, v); }}};
    }
    var chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          // The second metric is drawn as bars on its own axis, so two lines never hide each other.
          var color = COLORS[i % COLORS.length];
          return s.axis === "y1"
              ? {type: "bar", label: s.label, data: s.values, yAxisID: s.axis, kind: s.kind, order: 2,
                 backgroundColor: color + "55", borderColor: color, borderWidth: 1}
              : {type: "line", label: s.label, data: s.values, yAxisID: s.axis, kind: s.kind, order: 1,
                 borderColor: color, backgroundColor: color, tension: 0,
                 pointRadius: data.labels.length > 60 ? 0 : 3};
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: {mode: "index", intersect: false},
        scales: scales,
        plugins: {
          legend: {position: "bottom"},
          tooltip: {callbacks: {label: function (item) {
            return item.dataset.label + ": " + format(item.dataset.kind, item.parsed.y);
          }}}
        }
      }
    });
    // Tests and people debugging look at the drawn chart here.
    window.sparkReportChart = chart;
  }

  // The Reporting form shows the report as soon as a choice changes; custom dates show their fields.
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("#report-form");
    if (!form) {
      return;
    }
    if (event.target.id === "report-range" && event.target.value === "custom") {
      form.querySelectorAll(".custom-date").forEach(function (field) {
        field.classList.remove("hidden");
        field.querySelector("input").disabled = false;
      });
    }
    if (event.target.name === "metrics") {
      return; // several columns are usually ticked at once: "Show report" applies them
    }
    form.requestSubmit();
  });

  // A list's figures answer a refused choice (an end before the start) with the reason in place:
  // let htmx show it instead of leaving the old figures.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var target = event.detail.target;
    if (xhr && xhr.status === 400 && target && target.hasAttribute("data-performance")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function figureCell(tag, text) {
    var cell = document.createElement(tag);
    cell.className = "num figure";
    cell.textContent = text;
    return cell;
  }

  // Cells go before a row's actions (Edit), so figures stand with the other columns.
  function place(row, cells) {
    var actions = row.querySelector(":scope > .row-actions");
    cells.forEach(function (cell) { row.insertBefore(cell, actions); });
  }

  // A list's figures: the partial's <template> holds a heading per metric, a row per id and the
  // totals; they become the list table's own columns and its totals row. Done again on every new
  // partial, so the old cells go first.
  function mergeFigures(bar) {
    var list = document.querySelector('table[data-figures="' + bar.getAttribute("data-level") + '"]');
    if (!list) {
      return;
    }
    list.querySelectorAll(".figure").forEach(function (cell) { cell.remove(); });
    list.querySelectorAll("tfoot.figure-totals").forEach(function (foot) { foot.remove(); });
    var source = bar.querySelector("template.figure-cells");
    list.classList.toggle("with-figures", !!source);
    if (!source) {
      return; // refused dates: the bar says why, and no stale figures stay
    }
    var figures = source.content;
    var head = list.querySelector("thead tr");
    var actions = head.querySelector(":scope > .row-actions");
    var leading = head.children.length - (actions ? 1 : 0);
    var headings = Array.prototype.slice.call(figures.querySelectorAll("thead th"));
    place(head, headings.map(function (th) { return document.importNode(th, true); }));
    var byId = {};
    figures.querySelectorAll("tbody tr").forEach(function (tr) { byId[tr.getAttribute("data-id")] = tr; });
    list.querySelectorAll("tbody tr[data-figures-row]").forEach(function (row) {
      var from = byId[row.getAttribute("data-figures-row")];
      place(row, from
          ? Array.prototype.map.call(from.children, function (td) { return document.importNode(td, true); })
          : headings.map(function () { return figureCell("td", "—"); }));
    });
    var totals = figures.querySelector("tfoot tr");
    if (totals) {
      var foot = document.createElement("tfoot");
      foot.className = "figure-totals";
      var row = document.importNode(totals, true);
      row.querySelector(".totals-label").colSpan = leading;
      if (actions) {
        var empty = document.createElement("td");
        empty.className = "row-actions";
        row.appendChild(empty);
      }
      foot.appendChild(row);
      list.appendChild(foot);
    }
  }

  function mergeAllFigures() {
    document.querySelectorAll("[data-performance][data-level]").forEach(mergeFigures);
  }

  // A partial swapped in later (new dates or columns) is merged when htmx has put it in place.
  document.addEventListener("htmx:load", function (event) {
    var element = event.detail && event.detail.elt;
    if (element && element.matches && element.matches("[data-performance][data-level]")) {
      mergeFigures(element);
    }
  });

  function start() {
    drawChart();
    mergeAllFigures(); // the first partial may be in place before this script ran
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
