// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.
// Filters the sidebar by name, and switches between C and Rust names. No dependencies, no
// network; runs from file://. A query can come from the URL: index.html?q=fd_
(function () {
  "use strict";

  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var noMatch = document.querySelector(".no-match");
  var entries = Array.prototype.slice.call(document.querySelectorAll("#sidebar li[data-names]"));

  function filter(query) {
    var q = query.trim().toLowerCase();
    var shown = 0;
    entries.forEach(function (li) {
      var hit = q === "" || li.getAttribute("data-names").indexOf(q) !== -1;
      li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    ["syscalls", "types"].forEach(function (group) {
      var list = document.querySelector('#sidebar ul[data-group="' + group + '"]');
      var heading = document.querySelector('#sidebar h2[data-group="' + group + '"]');
      var any = list.querySelector("li:not([hidden])") !== null;
      list.hidden = !any;
      heading.hidden = !any;
    });
    noMatch.hidden = shown !== 0;
    status.textContent = q === "" ? "" : shown + " of " + entries.length + " names match";
    document.body.setAttribute("data-query", q);
  }

  function queryFromUrl() {
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (!match) { return ""; }
    try {
      return decodeURIComponent(match[1].replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  input.addEventListener("input", function () { filter(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = document.querySelector("#sidebar li[data-names]:not([hidden]) a");
      if (first) { window.location.hash = first.getAttribute("href"); }
    } else if (event.key === "Escape") {
      input.value = "";
      filter("");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });

  // Language switch: which names and signatures are shown. Remembered where storage works.
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-set-lang]"));
  function setLang(lang) {
    document.body.setAttribute("data-lang", lang);
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === lang));
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      var lang = b.getAttribute("data-set-lang");
      setLang(lang);
      try { window.localStorage.setItem("cloudabi-docs-lang", lang); } catch (e) { /* file:// may forbid storage */ }
    });
  });
  var langMatch = /[?&]lang=(c|rust)\b/.exec(window.location.search);
  var saved = null;
  try { saved = window.localStorage.getItem("cloudabi-docs-lang"); } catch (e) { saved = null; }
  setLang(langMatch ? langMatch[1] : (saved === "rust" ? "rust" : "c"));

  // Marks the sidebar entry of the section the URL points into, and brings it into view.
  function markCurrent() {
    var old = document.querySelector("#sidebar a.current");
    if (old) { old.classList.remove("current"); }
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var section = target && target.closest ? target.closest("section.entry") : null;
    if (!section) { return; }
    var link = document.querySelector('#sidebar li a[href="#' + section.id + '"]');
    if (!link) { return; }
    link.classList.add("current");
    var box = document.getElementById("sidebar");
    var top = link.offsetTop - box.offsetTop;
    if (top < box.scrollTop + 120 || top > box.scrollTop + box.clientHeight - 40) {
      box.scrollTop = top - box.clientHeight / 3;
    }
  }
  window.addEventListener("hashchange", markCurrent);

  input.value = queryFromUrl();
  filter(input.value);
  markCurrent();
})();
