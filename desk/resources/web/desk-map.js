/* The desk's grid map: wiring on top of the folium page.
 * Python puts the layer names and data in window.DESK_MAP before this runs (on window load).
 * Public API (called from Qt with runJavaScript): deskMap.highlightGrid(id), deskMap.updateMarker(json),
 * deskMap.removeMarker(id), deskMap.setMarkers(list), deskMap.setGridColours(map, legendHtml),
 * deskMap.fitAll(), deskMap.stats(). Clicks go to Qt through QWebChannel (object "bridge").
 * DESK_MAP.wall (the big screen): nothing reacts to a click or a hover; grids with "late" are outlined.
 */
(function () {
  "use strict";
  var api = {ready: false, drawn: false, errors: []};
  window.deskMap = api;
  var bridge = null;
  var map, grids = {}, gridLayer, eventLayer, markerById = {}, highlighted = null, pending = [];

  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }

  function send(method, value) {
    if (bridge) { bridge[method](String(value)); } else { pending.push([method, String(value)]); }
  }

  function baseStyle(layer) {
    var p = layer.feature.properties;
    if (p.late) {  // a grid with overdue events (the big screen): a thick outline in the overdue colour
      return {color: window.DESK_MAP.lateStroke, weight: 4, dashArray: null, fillColor: p.fill, fillOpacity: 0.62,
              opacity: 1};
    }
    return {color: p.stroke, weight: p.dedicated ? 2.5 : 1.5, dashArray: p.dedicated ? "6 4" : null,
            fillColor: p.fill, fillOpacity: 0.62, opacity: 1};
  }

  function markerStyle(p) {
    var c = window.DESK_MAP.urgency[p.u] || window.DESK_MAP.urgency.normal;
    return {radius: p.o ? 8 : 6, color: p.o ? "#4a0000" : "#ffffff", weight: p.o ? 3 : 1.5,
            fillColor: p.o ? window.DESK_MAP.overdue : c, fillOpacity: 0.95};
  }

  function makeMarker(f) {
    var p = f.properties;
    var m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], markerStyle(p));
    m.deskProps = p;
    if (window.DESK_MAP.wall) { return m; }   // the big screen: an anonymous dot, nothing to hover or click
    if (p.l) { m.bindTooltip(p.l, {direction: "top"}); }
    m.on("click", function (e) { L.DomEvent.stopPropagation(e); send("markerClicked", p.id); });
    return m;
  }

  function clusterIcon(cluster) {
    var children = cluster.getAllChildMarkers(), overdue = 0, worst = 0;
    var rank = window.DESK_MAP.urgencyRank;
    for (var i = 0; i < children.length; i++) {
      var p = children[i].deskProps || {};
      if (p.o) { overdue++; }
      worst = Math.max(worst, rank[p.u] || 0);
    }
    var cls = overdue ? "overdue" : ("u" + worst);
    var n = children.length;
    var size = n < 10 ? 30 : (n < 100 ? 36 : 44);
    var html = "<div><span>" + n + "</span>" + (overdue ? "<b>" + overdue + "</b>" : "") + "</div>";
    return L.divIcon({html: html, className: "desk-cluster desk-cluster-" + cls, iconSize: L.point(size, size)});
  }

  function markDrawn() {
    requestAnimationFrame(function () { requestAnimationFrame(function () { api.drawn = true; }); });
  }

  function buildEvents(features) {
    api.eventsLoaded = features.length === 0;
    var layers = features.map(makeMarker);
    layers.forEach(function (m) { markerById[m.deskProps.id] = m; });
    eventLayer.addLayers(layers);
  }

  api.highlightGrid = function (id) {
    var layer = grids[String(id)];
    if (highlighted && highlighted !== layer) { highlighted.setStyle(baseStyle(highlighted)); }
    highlighted = layer || null;
    api.highlightedId = layer ? String(id) : null;
    if (!layer) { return false; }
    layer.setStyle({color: "#00e5ff", weight: 5, dashArray: null, fillOpacity: 0.75});
    layer.bringToFront();
    var b = layer.getBounds();
    if (!map.getBounds().contains(b)) { map.fitBounds(b.pad(1.5), {animate: false}); }
    return true;
  };

  api.setGridColours = function (colours, legendHtml) {
    Object.keys(colours).forEach(function (id) {
      var layer = grids[id];
      if (!layer) { return; }
      layer.feature.properties.fill = colours[id].fill;
      if (colours[id].late !== undefined) { layer.feature.properties.late = !!colours[id].late; }
      if (colours[id].tip) { layer.feature.properties.figure = colours[id].tip; }
      if (layer !== highlighted) { layer.setStyle(baseStyle(layer)); }
    });
    raiseLate();
    if (legendHtml !== undefined) { document.getElementById("desk-legend").innerHTML = legendHtml; }
    return true;
  };

  function raiseLate() {   // a late grid's outline whole, above its neighbours' borders
    Object.keys(grids).forEach(function (k) { if (grids[k].feature.properties.late) { grids[k].bringToFront(); } });
  }

  api.updateMarker = function (f) {
    if (typeof f === "string") { f = JSON.parse(f); }
    var id = f.properties.id, old = markerById[id];
    if (old) { eventLayer.removeLayer(old); }
    var m = makeMarker(f);
    markerById[id] = m;
    eventLayer.addLayer(m);
    return id;
  };

  api.applyMarkerChanges = function (changes) {
    if (typeof changes === "string") { changes = JSON.parse(changes); }
    (changes.remove || []).forEach(function (id) { api.removeMarker(id); });
    (changes.upsert || []).forEach(function (f) { api.updateMarker(f); });
    return Object.keys(markerById).length;
  };

  api.removeMarker = function (id) {
    var old = markerById[id];
    if (!old) { return false; }
    eventLayer.removeLayer(old);
    delete markerById[id];
    return true;
  };

  api.setMarkers = function (features) {
    if (typeof features === "string") { features = JSON.parse(features); }
    eventLayer.clearLayers();
    markerById = {};
    buildEvents(features);
    return features.length;
  };

  api.markerStyle = function (id) {
    var m = markerById[id];
    return m ? {fill: m.options.fillColor, overdue: !!m.deskProps.o, lat: m.getLatLng().lat} : null;
  };

  // Until someone pans or zooms, the whole street stays fitted when the window grows (big screen).
  var autoFit = true, fitting = false;
  api.fitAll = function () {
    var b = window.DESK_MAP.bounds ? L.latLngBounds(window.DESK_MAP.bounds) : null;
    var legend = document.getElementById("desk-legend");
    var title = document.getElementById("desk-title");
    var left = legend ? legend.offsetWidth + 30 : 20;
    var top = title ? title.offsetTop + title.offsetHeight + 10 : 20;
    fitting = true;
    try {
      if (b) { map.fitBounds(b, {paddingTopLeft: [left, top], paddingBottomRight: [30, 24], animate: false}); }
    } finally { fitting = false; }
    autoFit = true;
  };

  api.gridPoint = function (id) {
    var layer = grids[String(id)];
    if (!layer) { return null; }
    var c = layer.getBounds().getCenter(), pt = map.latLngToContainerPoint(c);
    var r = map.getContainer().getBoundingClientRect();
    return {x: pt.x + r.left, y: pt.y + r.top};
  };

  api.stats = function () {
    return {paths: document.querySelectorAll("path.leaflet-interactive").length, grids: Object.keys(grids).length,
            events: eventLayer ? eventLayer.getLayers().length : 0,
            markers: Object.keys(markerById).length, drawn: api.drawn, channel: !!bridge, zoom: map.getZoom()};
  };

  var typicalGridDegrees = null;
  function labelVisibility() {
    var c = map.getContainer();
    if (typicalGridDegrees === null) {
      var widths = Object.keys(grids).map(function (k) { var b = grids[k].getBounds(); return b.getEast() - b.getWest(); });
      widths.sort(function (a, b) { return a - b; });
      typicalGridDegrees = widths.length ? widths[Math.floor(widths.length / 2)] : 0;
    }
    var scale = 256 * Math.pow(2, map.getZoom()) / 360;   // screen pixels per degree of longitude
    var px = typicalGridDegrees * scale;
    c.classList.toggle("desk-show-grid-labels", px >= window.DESK_MAP.gridLabelPixels);
    c.classList.toggle("desk-roomy", px >= 2 * window.DESK_MAP.gridLabelPixels);   // room for beat officers' names
    Object.keys(grids).forEach(function (k) { fitGridLabel(grids[k], scale); });
  }

  // A grid's label: the longest of its texts that fits the grid's width on screen; none fits: hidden.
  function fitGridLabel(layer, scale) {
    var tip = layer.getTooltip();
    var el = tip && tip.getElement ? tip.getElement() : null;
    var texts = layer.feature.properties.labels || [[layer.feature.properties.label, 0, 1]];
    var b = layer.getBounds();
    var width = (b.getEast() - b.getWest()) * scale * 0.92;
    var height = (b.getNorth() - b.getSouth()) * scale / Math.cos(b.getCenter().lat * Math.PI / 180);
    var chosen = null;
    for (var i = 0; i < texts.length; i++) {
      if (texts[i][1] <= width && 16 * (texts[i][2] || 1) + 2 <= height) { chosen = texts[i][0]; break; }
    }
    if (chosen !== null && tip.getContent() !== chosen) { layer.setTooltipContent(chosen); }
    if (el) { el.classList.toggle("desk-label-hidden", chosen === null); }
  }

  function start() {
    var d = window.DESK_MAP;
    map = window[d.map];
    if (!map.options.maxZoom) { map.setMaxZoom(19); }
    if (!map.options.minZoom) { map.setMinZoom(8); }
    // Metric only (the command room thinks in metres), and Leaflet's credit without a flag.
    L.control.scale({metric: true, imperial: false}).addTo(map);
    if (map.attributionControl) {
      map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>');
    }
    gridLayer = d.grids ? window[d.grids] : null;
    if (gridLayer) {
      gridLayer.eachLayer(function (layer) {
        var p = layer.feature.properties;
        grids[String(p.id)] = layer;
        layer.setStyle(baseStyle(layer));
        if (!d.wall) {
          layer.on("click", function (e) { L.DomEvent.stopPropagation(e); api.highlightGrid(p.id); send("gridClicked", p.id); });
        }
        layer.bindTooltip(p.label, {permanent: true, direction: "center", className: "desk-grid-label"});
      });
      raiseLate();
    }
    map.createPane("deskLabels");
    map.getPane("deskLabels").style.zIndex = 640;
    map.getPane("deskLabels").style.pointerEvents = "none";
    (d.communityLabels || []).forEach(function (c) {
      L.marker([c.lat, c.lon], {interactive: false, keyboard: false, pane: "deskLabels",
        icon: L.divIcon({className: "desk-community-label", html: "<span>" + c.name + "</span>", iconSize: null})}).addTo(map);
    });
    var beatLabels = L.layerGroup();
    (d.beatLabels || []).forEach(function (b) {
      var html = "<span><b>" + esc(b.name) + "</b>" + (b.officer ? "<small>" + esc(b.officer) + "</small>" : "") + "</span>";
      L.marker([b.lat, b.lon], {interactive: false, keyboard: false, pane: "deskLabels",
        icon: L.divIcon({className: "desk-beat-label", html: html, iconSize: null})}).addTo(beatLabels);
    });
    beatLabels.addTo(map);
    if (d.control && window[d.control] && d.beatLabels && d.beatLabels.length) {
      window[d.control].addOverlay(beatLabels, d.beatLabelLayerName);
    }
    eventLayer = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40,
                                       zoomToBoundsOnClick: !d.wall, spiderfyOnMaxZoom: !d.wall,
                                       disableClusteringAtZoom: 17, iconCreateFunction: clusterIcon,
                                       chunkProgress: function (done, total) {
                                         if (done >= total && !api.eventsLoaded) { api.eventsLoaded = true; if (api.ready) { markDrawn(); } }
                                       }});
    eventLayer.addTo(map);
    if (d.control && window[d.control]) { window[d.control].addOverlay(eventLayer, d.eventLayerName); }
    buildEvents(d.markers || []);
    map.on("zoomend", labelVisibility);
    map.on("zoomstart dragstart", function () { if (!fitting) { autoFit = false; } });
    map.on("resize", function () { if (autoFit) { api.fitAll(); } });
    api.fitAll();
    labelVisibility();
    if (typeof QWebChannel !== "undefined" && window.qt && qt.webChannelTransport) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        pending.forEach(function (p) { bridge[p[0]](p[1]); });
        pending = [];
        bridge.ready(JSON.stringify(api.stats()));
      });
    }
    api.ready = true;
    if (api.eventsLoaded) { markDrawn(); }
  }

  window.addEventListener("load", function () {
    try { start(); } catch (e) { api.errors.push(String(e)); console.error("desk-map: " + e + "\n" + (e.stack || "")); }
  });
})();
