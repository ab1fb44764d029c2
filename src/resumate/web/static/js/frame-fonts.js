// Resume documents name their fonts by family only (Chromium prints them from the package);
// a visitor's browser has none installed, so frames showing a resume get the bundled faces.
(() => {
  "use strict";
  let faces = null;

  function list() {
    faces = faces || fetch("/assets/resume-fonts.json").then((r) => (r.ok ? r.json() : []));
    return faces;
  }

  async function addFonts(frame) {
    const doc = frame.contentDocument;
    if (!doc || doc.resumateFonts) return;
    doc.resumateFonts = true;
    const Face = (frame.contentWindow && frame.contentWindow.FontFace) || FontFace;
    for (const face of await list()) {
      // A face for another script (Arabic, CJK, emoji) has a unicodeRange: the browser fetches
      // it only when the resume has such characters.
      const descriptors = { weight: face.weight, style: face.style, display: "swap" };
      if (face.unicodeRange) descriptors.unicodeRange = face.unicodeRange;
      doc.fonts.add(new Face(face.family, `url("${face.url}")`, descriptors));
    }
  }

  function watch(frame) {
    frame.addEventListener("load", () => addFonts(frame));
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") addFonts(frame);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("iframe[data-resume-fonts]").forEach(watch);
  });
  window.ResumateFonts = { addFonts, watch };
})();
