/*
 * Maps: turns a map drawn on the server (templates/includes/map.html) into a Leaflet map
 * with pan, zoom and marker clustering. Everything comes from this site: Leaflet and its
 * plugins from static/vendor/ (make vendor), the country shapes from the self-hosted
 * Natural Earth file, the markers from the page's GeoJSON endpoint or its list of places.
 * Third-party tiles only when the deployment configures its own tile server.
 *
 * Without JavaScript, or when anything here fails, the SVG map and its list stay.
 * Motion: no animation when the visitor prefers reduced motion, and the map never moves
 * by itself: it moves when the visitor pans, zooms or follows a cluster.
 */
(function () {
  "use strict";

  var loading = {};

  function loadScript(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function loadStyles(hrefs) {
    hrefs.forEach(function (href) {
      if (!document.querySelector('link[href="' + href + '"]')) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
      }
    });
  }

  function parseBox(value) {
    var parts = (value || "").split(",").map(Number);
    if (parts.length !== 4 || parts.some(isNaN)) {
      return null;
    }
    return L.latLngBounds([parts[1], parts[0]], [parts[3], parts[2]]);
  }

  function visibleBox(map) {
    // West never east of east, and within the world: the endpoint refuses boxes that wrap.
    var bounds = map.getBounds();
    var west = Math.max(-180, bounds.getWest());
    var east = Math.min(180, bounds.getEast());
    if (bounds.getEast() - bounds.getWest() >= 360 || west > east) {
      west = -180;
      east = 180;
    }
    var south = Math.max(-90, bounds.getSouth());
    var north = Math.min(90, bounds.getNorth());
    return [west, south, east, north].map(function (n) { return n.toFixed(5); }).join(",");
  }

  function enhance(figure) {
    var data = figure.dataset;
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var canvas = figure.querySelector(".map-canvas");
    var list = document.getElementById(figure.id + "-list");
    loadStyles(data.mapCss.split(" "));
    return loadScript(data.mapLeaflet)
      .then(function () {
        return Promise.all([loadScript(data.mapCluster), loadScript(data.mapTopojson)]);
      })
      .then(function () {
        var LinkIcon = L.DivIcon.extend({
          createIcon: function () {
            var element = document.createElement(this.options.href ? "a" : "span");
            if (this.options.href) {
              element.href = this.options.href;
            }
            element.setAttribute("aria-label", this.options.label);
            if (this.options.text) {
              element.textContent = this.options.text;
            }
            this._setIconStyles(element, "icon");
            return element;
          }
        });
        function pin(latlng, label, url) {
          return L.marker(latlng, {
            icon: new LinkIcon({ className: "map-pin", iconSize: [16, 16], href: url, label: label }),
            keyboard: false,
            title: label
          });
        }
        function clusterPin(latlng, count, label, url) {
          var size = 26 + String(count).length * 6;
          return L.marker(latlng, {
            icon: new LinkIcon({
              className: "map-pin-cluster", iconSize: [size, size],
              href: url, label: label, text: String(count)
            }),
            keyboard: !url,
            title: label
          });
        }
        var clusterLabel = data.mapLabelCluster || "{count}";

        var element = document.createElement("div");
        canvas.replaceChildren(element);
        canvas.classList.add("is-enhanced");
        var map = L.map(element, {
          zoomAnimation: !reduce,
          fadeAnimation: !reduce,
          markerZoomAnimation: !reduce,
          inertia: !reduce,
          maxBounds: [[-90, -200], [90, 200]],
          minZoom: 1,
          zoomSnap: 0.25,
          // Marker clustering needs a highest zoom; without a tile layer Leaflet has none.
          maxZoom: 18,
          worldCopyJump: false,
          zoomControl: false
        });
        L.control.zoom({
          zoomInTitle: data.mapLabelZoomIn, zoomOutTitle: data.mapLabelZoomOut
        }).addTo(map);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        map.fitBounds(parseBox(data.mapBbox) || [[-58, -180], [80, 180]], { animate: false });

        if (data.mapTiles) {
          L.tileLayer(data.mapTiles, { attribution: data.mapTilesAttribution || "" }).addTo(map);
        } else {
          fetch(data.mapWorld)
            .then(function (response) { return response.json(); })
            .then(function (world) {
              // Land, then the borders between countries: the shapes of the drawn map.
              var land = L.geoJSON(topojson.feature(world, world.objects.land), {
                className: "map-country", interactive: false, style: { fillOpacity: 1 }
              });
              var borders = L.geoJSON(
                topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; }),
                { className: "map-border", interactive: false }
              );
              L.layerGroup([land, borders]).addTo(map);
              land.bringToBack();
            });
        }
        map.attributionControl.addAttribution("Natural Earth");

        var items = L.markerClusterGroup({
          animate: !reduce,
          animateAddingMarkers: false,
          showCoverageOnHover: false,
          iconCreateFunction: function (cluster) {
            var count = cluster.getChildCount();
            var size = 26 + String(count).length * 6;
            return new LinkIcon({
              className: "map-pin-cluster", iconSize: [size, size],
              label: clusterLabel.replace("{count}", count), text: String(count)
            });
          }
        }).addTo(map);
        var groups = L.layerGroup().addTo(map);

        if (!data.mapGeojson) {
          list.querySelectorAll("[data-latitude]").forEach(function (link) {
            var latlng = [Number(link.dataset.latitude), Number(link.dataset.longitude)];
            var count = Number(link.dataset.count);
            var marker = count > 1
              ? clusterPin(latlng, count, link.textContent, link.getAttribute("href"))
              : pin(latlng, link.textContent, link.getAttribute("href"));
            items.addLayer(marker);
          });
          return;
        }

        var request = 0;
        function load() {
          var url = new URL(data.mapGeojson, window.location.href);
          url.searchParams.set("bbox", visibleBox(map));
          url.searchParams.set("zoom", String(Math.max(0, Math.round(map.getZoom()))));
          var current = ++request;
          fetch(url, { headers: { Accept: "application/geo+json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (collection) {
              if (!collection || current !== request) {
                return;
              }
              items.clearLayers();
              groups.clearLayers();
              var markers = [];
              collection.features.forEach(function (feature) {
                var p = feature.properties;
                var latlng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
                if (p.count > 1) {
                  var marker = clusterPin(latlng, p.count, p.label, p.url || "");
                  if (!p.url && p.bbox) {
                    marker.on("click", function () {
                      map.fitBounds([[p.bbox[1], p.bbox[0]], [p.bbox[3], p.bbox[2]]], {
                        animate: !reduce, maxZoom: map.getZoom() + 3
                      });
                    });
                  }
                  groups.addLayer(marker);
                } else {
                  markers.push(pin(latlng, p.label, p.url));
                }
              });
              items.addLayers(markers);
            });
        }
        var timer = null;
        map.on("moveend", function () {
          window.clearTimeout(timer);
          timer = window.setTimeout(load, 150);
        });
        load();
      })
      .catch(function (error) {
        // The SVG map and its list are still there (unless Leaflet failed half-way).
        if (window.console) {
          window.console.warn("map.js:", error);
        }
      });
  }

  function start() {
    document.querySelectorAll("figure.map[data-map-leaflet]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
