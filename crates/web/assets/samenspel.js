// Progressive enhancement only: every page works without this file.
// After a failed submit, move focus to the error summary so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var samenvatting = document.getElementById("foutsamenvatting");
  if (samenvatting) {
    var uitklap = samenvatting.closest("details");
    if (uitklap) { uitklap.open = true; }
    samenvatting.focus();
  }
});

// Print buttons only make sense with JavaScript; without it, the browser's own print works.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { window.print(); });
  });
});

// Destructive forms ask first; without JavaScript they simply submit.
document.addEventListener("submit", function (e) {
  var vraag = e.target.getAttribute && e.target.getAttribute("data-bevestig");
  if (vraag && !window.confirm(vraag)) { e.preventDefault(); }
});

// Search suggestions close with Escape or when focus or a click goes elsewhere.
(function () {
  function sluit() {
    var s = document.getElementById("zoek-suggesties");
    if (s) { s.innerHTML = ""; }
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && e.target.closest && e.target.closest(".kop__zoeken")) { sluit(); }
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest || !e.target.closest(".kop__zoeken")) { sluit(); }
  });
  document.addEventListener("focusin", function (e) {
    if (!e.target.closest || !e.target.closest(".kop__zoeken")) { sluit(); }
  });
})();
