/*
 * Images of an item that needs care (templates/heritage_collections/includes/care_cover.html):
 * "Show the images" uncovers them in place instead of loading the page again, and tells the
 * server, which remembers the choice for the visit as the form alone would. Without this
 * script the form does the same with a round trip.
 */
(function () {
  "use strict";

  function uncover(form) {
    var cover = form.closest("[data-care-cover]");
    var images = cover && cover.parentNode.querySelector("[data-care-covered]");
    if (!images) {
      return;
    }
    images.hidden = false;
    cover.remove();
    var first = images.querySelector("a, button");
    if (first) {
      first.focus();
    }
  }

  function start() {
    document.querySelectorAll("form[data-care-reveal]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { "X-Requested-With": "fetch" },
        }).catch(function () {
          // Not remembered this time: the images are shown all the same.
        });
        uncover(form);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
