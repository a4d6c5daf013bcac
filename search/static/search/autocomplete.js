// Search suggestions while typing: any input with data-autocomplete (or the header search box)
// asks /suche/autocomplete?q= and shows a list of links. Keyboard: arrows, Enter, Escape.
// Without JavaScript the form simply submits to /suche/.
(function () {
  "use strict";
  var DELAY_MS = 150;

  function attach(input) {
    var url = input.getAttribute("data-autocomplete") || "/suche/autocomplete";
    var list = document.createElement("ul");
    var listId = input.id + "-vorschlaege";
    var timer = null;
    var active = -1;
    var lastQuery = "";
    list.id = listId;
    list.className = "autocomplete-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suchvorschläge");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    input.insertAdjacentElement("afterend", list);

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(index) {
      var items = list.querySelectorAll("li");
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
      }
    }

    function render(results) {
      list.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var type = document.createElement("small");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        link.href = result.url || "/suche/?q=" + encodeURIComponent(result.title);
        link.textContent = result.title;
        link.tabIndex = -1;
        type.textContent = result.type_label;
        link.appendChild(type);
        item.appendChild(link);
        list.appendChild(item);
      });
      // Right under the input (offsets are relative to the positioned form).
      list.style.top = (input.offsetTop + input.offsetHeight) + "px";
      if (input.hasAttribute("data-autocomplete")) { list.style.left = input.offsetLeft + "px"; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function ask() {
      var q = input.value.trim();
      if (q.length < 3) { close(); return; }
      if (q === lastQuery) { return; }
      lastQuery = q;
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          // A late answer for a field the visitor has left must not cover what they click next.
          if (input.value.trim() === q && document.activeElement === input) { render(data.results || []); }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var items = list.querySelectorAll("li");
      if (list.hidden || !items.length) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); mark((active + 1) % items.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); mark((active - 1 + items.length) % items.length); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  document.querySelectorAll("#site-search-q, input[data-autocomplete]").forEach(attach);
})();
