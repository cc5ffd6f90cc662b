// The claim page: warn before leaving a verdict or note form with unsaved text.
(function () {
  "use strict";
  let dirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.closest(".verdict-form, .review-notes form")) dirty = true;
  });
  document.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
