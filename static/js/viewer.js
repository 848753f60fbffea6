/*
 * The item page's image viewer: zoom and pan on an item's images, down to their full detail.
 *
 * Without JavaScript each image links to its large rendition. With it, those links become
 * buttons that open the <dialog data-viewer> of the page (templates/heritage_collections/
 * includes/viewer.html), which loads the image only then. The dialog's own behaviour gives
 * focus trapping, Escape and a modal backdrop; focus returns to the button that opened it.
 * Zoom: the +/− buttons and keys, the mouse wheel, a double click, two fingers. Pan:
 * dragging, the arrow keys. 0 fits the image again. Motion is animated only when the
 * visitor has not asked for reduced motion (item.css).
 *
 * Deep zoom: where the image has a IIIF image service (its info.json), OpenSeadragon, this
 * site's own copy loaded the first time the viewer opens, draws the tiles of the part on
 * screen at the detail the zoom asks for; the same buttons, keys and announcements drive it.
 * Where the service or the script cannot be had, the viewer zooms the large rendition.
 */
(function () {
  "use strict";

  var MIN_SCALE = 1;
  var MAX_SCALE = 8;
  var STEP = 1.5;
  var KEY_PAN = 0.1; // of the visible area, per arrow key press

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  var deepZoomScript = null;

  // OpenSeadragon, loaded once from `src` (the site's static copy).
  function loadDeepZoom(src) {
    if (window.OpenSeadragon) {
      return Promise.resolve(window.OpenSeadragon);
    }
    if (!deepZoomScript) {
      // OpenSeadragon adds an inline <style> unless one with this attribute is there; the
      // content security policy refuses inline styles, so an empty one stands in for it.
      var marker = document.createElement("style");
      marker.setAttribute("data-openseadragon-mobile-css", "true");
      document.head.appendChild(marker);
      deepZoomScript = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          if (window.OpenSeadragon) {
            resolve(window.OpenSeadragon);
          } else {
            reject(new Error("OpenSeadragon did not load"));
          }
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return deepZoomScript;
  }

  function Viewer(dialog, triggers) {
    this.dialog = dialog;
    this.triggers = triggers;
    this.stage = dialog.querySelector("[data-viewer-stage]");
    this.image = dialog.querySelector("[data-viewer-image]");
    this.caption = dialog.querySelector("[data-viewer-caption]");
    this.status = dialog.querySelector("[data-viewer-status]");
    this.thumbs = Array.prototype.slice.call(dialog.querySelectorAll("[data-viewer-goto]"));
    this.fullscreenButton = dialog.querySelector('[data-viewer-action="fullscreen"]');
    this.deepBox = dialog.querySelector("[data-viewer-deep]");
    this.deepZoomSrc = dialog.getAttribute("data-viewer-deep-zoom");
    this.deep = null; // the OpenSeadragon viewer, once made
    this.deepShown = false;
    this.index = 0;
    this.scale = 1;
    this.x = 0;
    this.y = 0;
    this.pointers = new Map();
    this.pinch = null;
    this.opener = null;
    this.bind();
  }

  Viewer.prototype.bind = function () {
    var viewer = this;
    this.triggers.forEach(function (trigger, index) {
      trigger.addEventListener("click", function (event) {
        event.preventDefault();
        viewer.open(index, trigger);
      });
    });
    this.dialog.addEventListener("click", function (event) {
      var action = event.target.closest("[data-viewer-action]");
      var thumb = event.target.closest("[data-viewer-goto]");
      if (action) {
        viewer.act(action.getAttribute("data-viewer-action"));
      } else if (thumb) {
        viewer.show(Number(thumb.getAttribute("data-viewer-goto")));
      }
    });
    this.dialog.addEventListener("keydown", function (event) {
      viewer.onKey(event);
    });
    this.dialog.addEventListener("close", function () {
      viewer.onClose();
    });
    this.stage.addEventListener(
      "wheel",
      function (event) {
        if (viewer.deepShown) {
          return; // OpenSeadragon zooms with the wheel itself
        }
        event.preventDefault();
        var factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
        viewer.zoomAt(viewer.scale * factor, viewer.pointFrom(event), true);
      },
      { passive: false }
    );
    this.stage.addEventListener("dblclick", function (event) {
      if (viewer.deepShown) {
        return;
      }
      var target = viewer.scale < MAX_SCALE ? viewer.scale * STEP * STEP : MIN_SCALE;
      viewer.zoomAt(target, viewer.pointFrom(event));
    });
    this.stage.addEventListener("pointerdown", function (event) {
      if (viewer.deepShown) {
        return;
      }
      viewer.onPointerDown(event);
    });
    this.stage.addEventListener("pointermove", function (event) {
      viewer.onPointerMove(event);
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (type) {
      viewer.stage.addEventListener(type, function (event) {
        viewer.onPointerUp(event);
      });
    });
    this.image.addEventListener("load", function () {
      viewer.render();
    });
    if (this.fullscreenButton && document.fullscreenEnabled && this.dialog.requestFullscreen) {
      this.fullscreenButton.hidden = false;
      document.addEventListener("fullscreenchange", function () {
        var on = document.fullscreenElement === viewer.dialog;
        viewer.fullscreenButton.setAttribute("aria-pressed", on ? "true" : "false");
        viewer.reset();
      });
    }
  };

  Viewer.prototype.open = function (index, opener) {
    this.opener = opener || null;
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    this.show(index);
    this.stage.focus();
  };

  Viewer.prototype.show = function (index) {
    var trigger = this.triggers[index];
    if (!trigger) {
      return;
    }
    this.index = index;
    var preview = trigger.querySelector("img");
    var large = trigger.getAttribute("data-viewer-src");
    // The medium rendition the page already has, until the large one has loaded.
    this.image.src = (preview && preview.currentSrc) || large;
    this.image.alt = preview ? preview.alt : "";
    var figure = trigger.closest("figure");
    var caption = figure && figure.querySelector(".caption");
    this.caption.textContent = caption ? caption.textContent : "";
    this.thumbs.forEach(function (thumb, position) {
      if (position === index) {
        thumb.setAttribute("aria-current", "true");
      } else {
        thumb.removeAttribute("aria-current");
      }
    });
    this.showDeep(false);
    this.reset();
    this.announce(this.imageStatus());
    var info = trigger.getAttribute("data-viewer-info");
    if (info && this.deepZoomSrc && window.Promise) {
      this.openDeep(info, large, index);
    } else {
      this.loadLarge(large, index);
    }
  };

  Viewer.prototype.openDeep = function (info, large, index) {
    var viewer = this;
    this.dialog.classList.add("is-loading");
    var fallBack = function () {
      if (viewer.index === index) {
        viewer.showDeep(false);
        viewer.dialog.classList.remove("is-loading");
        viewer.loadLarge(large, index);
      }
    };
    loadDeepZoom(this.deepZoomSrc).then(function (OpenSeadragon) {
      if (viewer.index !== index || !viewer.dialog.open) {
        return;
      }
      // Shown (over the preview) before it is made and opens: it measures the stage then.
      viewer.deepBox.hidden = false;
      if (!viewer.deep) {
        viewer.deep = viewer.makeDeep(OpenSeadragon);
      }
      viewer.deep.openIndex = index;
      viewer.deep.fallBack = fallBack;
      viewer.deep.open(info);
    }, fallBack);
  };

  Viewer.prototype.makeDeep = function (OpenSeadragon) {
    var viewer = this;
    var deep = OpenSeadragon({
      element: this.deepBox,
      showNavigationControl: false, // the dialog's own buttons drive it
      keyboardNavEnabled: false, // and its own keys (onKey)
      visibilityRatio: 1,
      constrainDuringPan: true,
      // Up to four screen pixels for one of the image's own: past its detail, as far as the
      // rendition viewer goes with a small image.
      maxZoomPixelRatio: 4,
      animationTime: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 0.6,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
    });
    deep.addHandler("open", function () {
      // Shown once the first tile is drawn: until then the viewport is still settling, and
      // a zoom asked for would be undone.
      deep.addOnceHandler("tile-loaded", function () {
        if (deep.openIndex !== viewer.index || !viewer.dialog.open) {
          return;
        }
        viewer.dialog.classList.remove("is-loading");
        deep.viewport.goHome(true);
        viewer.showDeep(true);
        viewer.syncDeepZoom(true);
      });
    });
    deep.addHandler("open-failed", function () {
      if (deep.fallBack) {
        deep.fallBack();
      }
    });
    deep.addHandler("zoom", function () {
      viewer.syncDeepZoom(true);
    });
    return deep;
  };

  Viewer.prototype.showDeep = function (shown) {
    this.deepShown = shown;
    this.dialog.setAttribute("data-viewer-mode", shown ? "tiles" : "image");
    this.deepBox.hidden = !shown;
    this.image.hidden = shown;
    if (!shown && this.deep) {
      this.deep.close();
    }
  };

  // The zoom of the deep viewer as a scale of the fitted image, as the dialog shows it.
  Viewer.prototype.syncDeepZoom = function (quiet) {
    var viewport = this.deep.viewport;
    var scale = viewport.getZoom(true) / viewport.getHomeZoom();
    var changed = Math.round(scale * 100) !== Math.round(this.scale * 100);
    this.scale = scale;
    this.dialog.classList.toggle("is-zoomed", scale > MIN_SCALE + 0.001);
    this.dialog.setAttribute("data-zoom", String(Math.round(scale * 100)));
    if (changed && !quiet) {
      this.announce(this.zoomStatus());
    }
  };

  Viewer.prototype.zoomDeep = function (factor) {
    var viewport = this.deep.viewport;
    // At once, as the buttons and keys of the rendition viewer: an animated zoom is undone
    // when the stage is measured again while it runs (OpenSeadragon refits on a resize).
    viewport.zoomBy(factor, null, true);
    viewport.applyConstraints(true);
    var scale = viewport.getZoom(true) / viewport.getHomeZoom();
    this.scale = scale;
    this.dialog.setAttribute("data-zoom", String(Math.round(scale * 100)));
    this.dialog.classList.toggle("is-zoomed", scale > MIN_SCALE + 0.001);
    this.announce(this.zoomStatus());
  };

  Viewer.prototype.panDeep = function (dx, dy) {
    var OpenSeadragon = window.OpenSeadragon;
    var viewport = this.deep.viewport;
    viewport.panBy(viewport.deltaPointsFromPixels(new OpenSeadragon.Point(-dx, -dy)));
    viewport.applyConstraints();
  };

  Viewer.prototype.loadLarge = function (url, index) {
    var viewer = this;
    if (!url || this.image.src === new URL(url, document.baseURI).href) {
      return;
    }
    this.dialog.classList.add("is-loading");
    var loader = new Image();
    loader.onload = function () {
      if (viewer.index === index && viewer.dialog.open) {
        viewer.image.src = url;
      }
      viewer.dialog.classList.remove("is-loading");
    };
    loader.onerror = function () {
      viewer.dialog.classList.remove("is-loading");
    };
    loader.src = url;
  };

  Viewer.prototype.onClose = function () {
    if (document.fullscreenElement === this.dialog && document.exitFullscreen) {
      document.exitFullscreen();
    }
    this.pointers.clear();
    this.pinch = null;
    if (this.opener && document.contains(this.opener)) {
      this.opener.focus();
    }
  };

  Viewer.prototype.act = function (action) {
    if (this.deepShown && (action === "zoom-in" || action === "zoom-out" || action === "reset")) {
      if (action === "reset") {
        this.deep.viewport.goHome();
        this.scale = MIN_SCALE;
        this.dialog.setAttribute("data-zoom", "100");
        this.dialog.classList.remove("is-zoomed");
        this.announce(this.zoomStatus());
      } else {
        this.zoomDeep(action === "zoom-in" ? STEP : 1 / STEP);
      }
      return;
    }
    if (action === "zoom-in") {
      this.zoomAt(this.scale * STEP);
    } else if (action === "zoom-out") {
      this.zoomAt(this.scale / STEP);
    } else if (action === "reset") {
      this.reset();
      this.announce(this.zoomStatus());
    } else if (action === "fullscreen") {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        this.dialog.requestFullscreen();
      }
    } else if (action === "close") {
      this.dialog.close();
    }
  };

  Viewer.prototype.onKey = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var step = this.stage.clientWidth * KEY_PAN;
    var handled = true;
    if (this.deepShown) {
      handled = this.onDeepKey(event.key, step);
      if (handled) {
        event.preventDefault();
      }
      return;
    }
    switch (event.key) {
      case "+":
      case "=":
        this.zoomAt(this.scale * STEP);
        break;
      case "-":
      case "_":
      case "\u2212":
        this.zoomAt(this.scale / STEP);
        break;
      case "0":
        this.reset();
        this.announce(this.zoomStatus());
        break;
      case "ArrowLeft":
      case "ArrowRight":
        if (this.scale === MIN_SCALE && this.triggers.length > 1) {
          // Not zoomed in: left and right go through the images.
          var offset = event.key === "ArrowLeft" ? -1 : 1;
          this.show((this.index + offset + this.triggers.length) % this.triggers.length);
        } else {
          this.panBy(event.key === "ArrowLeft" ? step : -step, 0);
        }
        break;
      case "ArrowUp":
        this.panBy(0, step);
        break;
      case "ArrowDown":
        this.panBy(0, -step);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  };

  Viewer.prototype.onDeepKey = function (key, step) {
    if (key === "+" || key === "=") {
      this.zoomDeep(STEP);
    } else if (key === "-" || key === "_" || key === "\u2212") {
      this.zoomDeep(1 / STEP);
    } else if (key === "0") {
      this.act("reset");
    } else if ((key === "ArrowLeft" || key === "ArrowRight") && this.scale <= MIN_SCALE + 0.001) {
      if (this.triggers.length < 2) {
        return false;
      }
      var offset = key === "ArrowLeft" ? -1 : 1;
      this.show((this.index + offset + this.triggers.length) % this.triggers.length);
    } else if (key === "ArrowLeft" || key === "ArrowRight") {
      this.panDeep(key === "ArrowLeft" ? step : -step, 0);
    } else if (key === "ArrowUp" || key === "ArrowDown") {
      this.panDeep(0, key === "ArrowUp" ? step : -step);
    } else {
      return false;
    }
    return true;
  };

  // Geometry: the image is laid out to fit the stage, then moved by (x, y) and scaled by
  // `scale` around its centre. Points are relative to the stage's centre.

  Viewer.prototype.pointFrom = function (event) {
    var box = this.stage.getBoundingClientRect();
    return {
      x: event.clientX - box.left - box.width / 2,
      y: event.clientY - box.top - box.height / 2,
    };
  };

  // `quiet`: continuous gestures (wheel, pinch) are not announced at every step.
  Viewer.prototype.zoomAt = function (scale, point, quiet) {
    var target = clamp(scale, MIN_SCALE, MAX_SCALE);
    var at = point || { x: 0, y: 0 };
    var ratio = target / this.scale;
    // Keep the image point under `at` where it is.
    this.x = at.x - (at.x - this.x) * ratio;
    this.y = at.y - (at.y - this.y) * ratio;
    var changed = target !== this.scale;
    this.scale = target;
    this.render();
    if (changed && !quiet) {
      this.announce(this.zoomStatus());
    }
  };

  Viewer.prototype.panBy = function (dx, dy) {
    this.x += dx;
    this.y += dy;
    this.render();
  };

  Viewer.prototype.reset = function () {
    if (this.deepShown) {
      this.deep.viewport.goHome(true);
    }
    this.scale = MIN_SCALE;
    this.x = 0;
    this.y = 0;
    this.render();
  };

  Viewer.prototype.render = function () {
    // The image may not leave the stage: a zoomed image covers it, a fitted one is centred.
    var spareX = Math.max(0, (this.image.offsetWidth * this.scale - this.stage.clientWidth) / 2);
    var spareY = Math.max(0, (this.image.offsetHeight * this.scale - this.stage.clientHeight) / 2);
    this.x = clamp(this.x, -spareX, spareX);
    this.y = clamp(this.y, -spareY, spareY);
    this.image.style.transform =
      "translate(" + this.x + "px, " + this.y + "px) scale(" + this.scale + ")";
    this.dialog.classList.toggle("is-zoomed", this.scale > MIN_SCALE);
    this.dialog.setAttribute("data-zoom", String(Math.round(this.scale * 100)));
  };

  // Pointers: one drags, two pinch.

  Viewer.prototype.onPointerDown = function (event) {
    if (event.pointerType === "mouse" && event.button !== 0) {
      return;
    }
    this.stage.setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.dialog.classList.add("is-dragging");
    this.pinch = this.pointers.size === 2 ? this.pinchState() : null;
  };

  Viewer.prototype.onPointerMove = function (event) {
    var last = this.pointers.get(event.pointerId);
    if (!last) {
      return;
    }
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2 && this.pinch) {
      var now = this.pinchState();
      this.panBy(now.centre.x - this.pinch.centre.x, now.centre.y - this.pinch.centre.y);
      this.zoomAt(this.scale * (now.distance / this.pinch.distance), now.point, true);
      this.pinch = now;
    } else if (this.pointers.size === 1) {
      this.panBy(event.clientX - last.x, event.clientY - last.y);
    }
  };

  Viewer.prototype.onPointerUp = function (event) {
    if (!this.pointers.delete(event.pointerId)) {
      return;
    }
    this.pinch = this.pointers.size === 2 ? this.pinchState() : null;
    if (this.pointers.size === 0) {
      this.dialog.classList.remove("is-dragging");
    }
  };

  Viewer.prototype.pinchState = function () {
    var points = Array.from(this.pointers.values());
    var centre = {
      x: (points[0].x + points[1].x) / 2,
      y: (points[0].y + points[1].y) / 2,
    };
    return {
      centre: centre,
      point: this.pointFrom({ clientX: centre.x, clientY: centre.y }),
      distance: Math.max(1, Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y)),
    };
  };

  // What a screen reader hears, in the page's language (the template's data attributes).

  Viewer.prototype.zoomStatus = function () {
    return (this.dialog.getAttribute("data-status-zoom") || "").replace(
      "PERCENT",
      String(Math.round(this.scale * 100))
    );
  };

  Viewer.prototype.imageStatus = function () {
    if (this.triggers.length < 2) {
      return "";
    }
    return (this.dialog.getAttribute("data-status-image") || "")
      .replace("NUMBER", String(this.index + 1))
      .replace("TOTAL", String(this.triggers.length));
  };

  Viewer.prototype.announce = function (text) {
    if (this.status && text) {
      this.status.textContent = text;
    }
  };

  // The links to large renditions become buttons that open the viewer.
  function toButton(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("data-viewer-src", link.getAttribute("href"));
    if (link.hasAttribute("data-viewer-info")) {
      button.setAttribute("data-viewer-info", link.getAttribute("data-viewer-info"));
    }
    while (link.firstChild) {
      button.appendChild(link.firstChild);
    }
    var label = button.querySelector("[data-viewer-open-label]");
    if (label) {
      label.textContent = label.getAttribute("data-viewer-open-label");
    }
    link.replaceWith(button);
    return button;
  }

  function start() {
    var dialog = document.querySelector("dialog[data-viewer]");
    var gallery = document.querySelector("[data-viewer-gallery]");
    if (!dialog || !gallery || typeof dialog.showModal !== "function") {
      return; // no viewer on this page, or an old browser: the links still work
    }
    var triggers = Array.prototype.map.call(gallery.querySelectorAll("a.viewer-open"), toButton);
    new Viewer(dialog, triggers);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
