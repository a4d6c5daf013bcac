/* The site's own script (no inline scripts: the Content-Security-Policy allows scripts from this
   site only). Loaded in <head>: marks the page as scripted before it paints. */
document.documentElement.className = document.documentElement.className.replace("no-js", "js");

document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  // Mobile menu: a real button toggles the navigation; without JavaScript the menu is always open.
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("hauptmenue");
  if (toggle && nav) {
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }
  // Print buttons (data-print) instead of inline onclick handlers.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
});

// Two-click media (core/blocks/embed.html): the provider's player is inserted only on request.
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest ? event.target.closest("[data-embed-load]") : null;
  if (!button) { return; }
  var figure = button.closest("[data-embed]");
  var template = figure && figure.querySelector("template");
  if (!template) { return; }
  figure.replaceChildren(template.content.cloneNode(true));
});
