// Monitoring screens (feed, watch-lists): small progressive enhancements, no inline scripts (CSP).
(() => {
  "use strict";

  // Feed: "select all" and the count of selected items; batch buttons wait for a selection.
  function refreshSelection(root) {
    const boxes = root.querySelectorAll("input[data-hd-group]");
    const checked = Array.from(boxes).filter((b) => b.checked).length;
    root.querySelectorAll("[data-hd-needs-selection]").forEach((b) => { b.disabled = checked === 0; });
    const counter = root.querySelector("[data-hd-selected-count]");
    if (counter) {
      counter.textContent = checked ? (document.documentElement.lang === "en" ? `${checked} selected` : `Đã chọn ${checked}`) : "";
    }
    const all = root.querySelector("[data-hd-select-all]");
    if (all) {
      all.checked = checked > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
  }

  document.addEventListener("change", (event) => {
    const el = event.target;
    const form = el.form;
    if (!form) return;
    if (el.matches("[data-hd-select-all]")) {
      form.querySelectorAll(`input[data-hd-group="${el.dataset.hdSelectAll}"]`).forEach((b) => { b.checked = el.checked; });
    }
    if (el.matches("[data-hd-select-all], input[data-hd-group]")) refreshSelection(form);
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form").forEach((form) => {
      if (form.querySelector("[data-hd-needs-selection]")) refreshSelection(form);
    });
  });

  // Verdict form: the category matters only for "confirmed harmful".
  function syncVerdict(form) {
    const confirmed = form.querySelector("input[name=outcome][value=confirmed]");
    const category = form.querySelector("select[name=category]");
    if (confirmed && category) {
      category.disabled = !confirmed.checked;
      category.required = confirmed.checked;
    }
  }
  document.addEventListener("change", (event) => {
    const form = event.target.closest("form[data-hd-verdict]");
    if (form) syncVerdict(form);
  });
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-hd-verdict]").forEach(syncVerdict);
  });

  // Watch-list preview: after htmx swaps in an error, put the caret under the query box's text
  // at the error position (the server renders the caret line too; this keeps focus useful).
  document.addEventListener("htmx:afterSwap", (event) => {
    const error = event.target.querySelector ? event.target.querySelector("[data-hd-error-position]") : null;
    const input = document.getElementById("id_query");
    if (error && input && document.activeElement !== input) {
      const pos = parseInt(error.dataset.hdErrorPosition, 10);
      if (!Number.isNaN(pos)) input.setSelectionRange(pos, pos);
    }
  });
})();
