/*
 * "Share…" on the item page: the device's own share sheet (the Web Share API), offered
 * only where the browser has it; elsewhere the button stays hidden and the copy and e-mail
 * links remain. Nothing is loaded from another site.
 */
(function () {
  "use strict";

  function start() {
    if (typeof navigator.share !== "function") {
      return;
    }
    document.querySelectorAll("[data-share-url]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator
          .share({
            title: button.getAttribute("data-share-title"),
            url: button.getAttribute("data-share-url"),
          })
          .catch(function () {
            // Dismissed by the visitor, or refused: nothing to report.
          });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
