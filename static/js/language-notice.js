/*
 * The "not yet translated" notice (templates/includes/untranslated_notice.html): the
 * versions in a language the browser accepts come first, in the browser's order, and are
 * marked. Without JavaScript the notice lists every version in the site's order.
 */
(function () {
  "use strict";

  function primary(code) {
    return String(code || "").toLowerCase().split("-")[0];
  }

  function start() {
    var list = document.querySelector("[data-language-versions]");
    if (!list) {
      return;
    }
    var accepted = (navigator.languages || [navigator.language]).map(primary);
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-lang]"));
    var preferred = [];
    accepted.forEach(function (code) {
      items.forEach(function (item) {
        if (item.getAttribute("data-lang") === code && preferred.indexOf(item) === -1) {
          preferred.push(item);
        }
      });
    });
    preferred
      .slice()
      .reverse()
      .forEach(function (item) {
        list.insertBefore(item, list.firstChild);
        var mark = item.querySelector(".language-accepted");
        if (mark) {
          mark.hidden = false;
        }
        item.classList.add("is-accepted");
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
