/* Premises map: Leaflet (served locally), tiles from settings.MAP_TILE_URL.
   Markers come from the JSON endpoint (list map) or the embedded marker (detail page).
   Tiles from another host load only after the visitor agrees (click to load; "always" is kept in
   this browser's localStorage, never sent to the server). */
(function () {
  "use strict";
  var el = document.getElementById("premises-map");
  if (!el || !window.L) { return; }
  var config = JSON.parse(document.getElementById("map-config").textContent);
  var status = document.getElementById("premises-map-status");
  var CONSENT_KEY = "imz-map-consent:" + config.tileHost;

  function remembered() {
    try { return window.localStorage.getItem(CONSENT_KEY) === "yes"; } catch (e) { return false; }
  }
  if (config.needsConsent && !remembered()) {
    var notice = document.createElement("div");
    notice.className = "map-consent";
    var text = document.createElement("p");
    text.textContent = "Die Karte lädt Kartenbilder von " + config.tileHost + ". Dabei wird Ihre IP-Adresse an " +
      "diesen Anbieter übertragen. Erst wenn Sie die Karte laden, geschieht das.";
    var label = document.createElement("label");
    var always = document.createElement("input");
    always.type = "checkbox";
    label.appendChild(always);
    label.appendChild(document.createTextNode(" Karten künftig ohne Nachfrage laden (in diesem Browser)"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Karte laden";
    button.addEventListener("click", function () {
      if (always.checked) { try { window.localStorage.setItem(CONSENT_KEY, "yes"); } catch (e) { /* private mode */ } }
      notice.remove();
      start();
    });
    notice.appendChild(text);
    notice.appendChild(label);
    notice.appendChild(button);
    el.appendChild(notice);
    return;
  }
  start();

  function start() {
  var map = L.map(el, { scrollWheelZoom: false }).setView([50.9, 11.03], 8); // Thuringia
  L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map);

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }
  function popup(m) {
    var facts = [];
    if (m.area_sqm != null) { facts.push(m.area_sqm.toLocaleString("de-DE") + " m²"); }
    if (m.rent_month_eur != null) { facts.push(m.rent_month_eur.toLocaleString("de-DE") + " € / Monat"); }
    return '<a href="' + escapeHtml(m.url) + '"><strong>' + escapeHtml(m.title) + "</strong></a><br>" +
      escapeHtml(m.city) + (facts.length ? "<br>" + escapeHtml(facts.join(" · ")) : "");
  }
  function show(markers) {
    var bounds = [];
    markers.forEach(function (m) {
      L.marker([m.lat, m.lon], { title: m.title }).addTo(map).bindPopup(popup(m));
      bounds.push([m.lat, m.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 15); }
    else if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 }); }
  }

  var single = document.getElementById("premises-marker");
  if (single) { show([JSON.parse(single.textContent)]); return; }

  fetch(el.dataset.markersUrl, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json().then(function (data) { return { ok: response.ok, data: data }; }); })
    .then(function (answer) {
      if (!answer.ok) {
        status.textContent = (answer.data.errors || []).map(function (e) { return e.reason; }).join(" ");
        return;
      }
      show(answer.data.markers);
      status.textContent = answer.data.count === 1 ? "1 Fläche auf der Karte." : answer.data.count + " Flächen auf der Karte.";
    })
    .catch(function () { status.textContent = "Die Flächen konnten nicht geladen werden. Bitte laden Sie die Seite neu."; });
  }
})();
