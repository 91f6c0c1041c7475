// Case pages: tabs that remember themselves in the address, and the searchable legal-basis picker.
// No inline scripts (the Content-Security-Policy forbids them); everything works without this file too:
// tabs are links to ?tab=..., and the picker is a plain list of checkboxes.
(function () {
  "use strict";

  // --- Tabs -------------------------------------------------------------------------------------
  document.addEventListener("shown.bs.tab", (event) => {
    const key = event.target.dataset && event.target.dataset.hdTab;
    if (!key || !window.history || !window.URL) return;
    const url = new URL(window.location.href);
    url.searchParams.set("tab", key);
    window.history.replaceState(null, "", url.pathname + url.search + "#case-tabs");
  });

  function showTab(key) {
    const link = document.getElementById("tab-" + key);
    if (!link || !window.bootstrap) return false;
    window.bootstrap.Tab.getOrCreateInstance(link).show();
    link.focus({ preventScroll: true });
    document.getElementById("case-tabs").scrollIntoView({ block: "start", behavior: "smooth" });
    return true;
  }

  document.addEventListener("click", (event) => {
    const el = event.target.closest("[data-hd-show-tab]");
    if (el && showTab(el.dataset.hdShowTab)) event.preventDefault();
  });

  // --- Legal-basis picker -----------------------------------------------------------------------
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }

  function setUpPicker(picker) {
    const search = picker.querySelector("[data-hd-legal-search]");
    const count = picker.querySelector("[data-hd-legal-count]");
    const options = Array.from(picker.querySelectorAll("[data-hd-legal-option]"));
    const groups = Array.from(picker.querySelectorAll("[data-hd-legal-group]"));
    options.forEach((o) => { o.dataset.folded = fold(o.dataset.search + " " + o.textContent); });

    function updateCount() {
      if (!count) return;
      const n = picker.querySelectorAll("input[type=checkbox]:checked").length;
      count.textContent = (count.dataset.template || "%(n)s").replace("%(n)s", String(n));
    }

    function filter() {
      const words = fold(search.value).split(/\s+/).filter(Boolean);
      options.forEach((o) => {
        const checked = o.querySelector("input:checked");
        o.hidden = !checked && !words.every((w) => o.dataset.folded.includes(w));
      });
      groups.forEach((g) => { g.hidden = !g.querySelector("[data-hd-legal-option]:not([hidden])"); });
    }

    if (search) {
      search.hidden = false;
      search.addEventListener("input", filter);
      search.addEventListener("keydown", (event) => {
        if (event.key === "Enter") event.preventDefault(); // searching never submits the form
        if (event.key === "Escape") { search.value = ""; filter(); }
      });
    }
    if (count) {
      count.hidden = false;
      picker.addEventListener("change", updateCount);
      updateCount();
    }
  }

  function init() {
    document.querySelectorAll("[data-hd-legal-picker]").forEach(setUpPicker);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
