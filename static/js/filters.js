/*
 * "Filters" on narrow screens (templates/includes/facet_nav.html, What's on, the calls):
 * the <details> disclosure becomes a drawer over the page. Escape or "Show N results"
 * closes it and returns to the results; after choosing a filter (a link that reloads the
 * page) the drawer opens again, so several filters are chosen in a row, while a form's
 * Apply shows the results. Without JavaScript
 * the disclosure opens in place; on wide screens the filters are a sidebar and nothing
 * here applies.
 */
(function () {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 55.99em)");
  var REOPEN = "heritagehub:filters-open";

  function remember() {
    try {
      window.sessionStorage.setItem(REOPEN, window.location.pathname);
    } catch (error) {
      // Storage refused (private mode): the drawer simply stays closed after a reload.
    }
  }

  function reopenWanted() {
    try {
      var path = window.sessionStorage.getItem(REOPEN);
      window.sessionStorage.removeItem(REOPEN);
      return path === window.location.pathname;
    } catch (error) {
      return false;
    }
  }

  function setUp(drawer, reopen) {
    var toggle = drawer.querySelector("summary");
    drawer.classList.add("facet-filters--drawer");

    drawer.addEventListener("toggle", function () {
      var asDrawer = drawer.open && NARROW.matches;
      document.documentElement.classList.toggle("has-filters-drawer", asDrawer);
    });

    // On the document: the drawer covers the page, so Escape closes it wherever the focus is.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.open && NARROW.matches) {
        drawer.open = false;
        toggle.focus();
      }
    });

    drawer.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || !NARROW.matches) {
        return;
      }
      if (link.hasAttribute("data-filters-close")) {
        drawer.open = false;
        return;
      }
      remember();
    });

    if (reopen && NARROW.matches) {
      drawer.open = true;
      toggle.focus();
    }
  }

  function start() {
    var reopen = reopenWanted();
    document.querySelectorAll("[data-facet-filters]").forEach(function (drawer, index) {
      setUp(drawer, reopen && index === 0);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
