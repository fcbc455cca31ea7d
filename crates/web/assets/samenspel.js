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
