/* Sorting and filtering for the data tables (table[data-table]). Plain JavaScript, no library, no CDN. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b, numeric) {
    if (a === "" && b !== "") return 1;   // empty cells last
    if (b === "" && a !== "") return -1;
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      if (!isNaN(x) && !isNaN(y)) return x - y;
    }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function enhance(table) {
    if (table.dataset.enhanced) return;
    table.dataset.enhanced = "1";
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var total = rows.length;

    var tools = document.createElement("div");
    tools.className = "qantar-table-tools";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter " + total + " rows…";
    input.setAttribute("aria-label", "Filter the rows of this table");
    var count = document.createElement("span");
    count.setAttribute("aria-live", "polite");
    count.textContent = total + " rows";
    tools.appendChild(input);
    tools.appendChild(count);
    var wrap = table.closest(".qantar-table-wrap") || table;
    wrap.parentNode.insertBefore(tools, wrap);

    input.addEventListener("input", function () {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var ok = terms.every(function (t) { return text.indexOf(t) !== -1; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = terms.length ? shown + " of " + total + " rows" : total + " rows";
    });

    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      th.setAttribute("role", "columnheader");
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.dataset.type === "num";
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1, index), cellValue(r2, index), numeric);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-table]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
