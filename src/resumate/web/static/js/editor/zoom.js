// The preview's zoom: a whole page, the pane's width, actual size (100 %), or a step in or out
// from what is shown. The choice is this browser's (localStorage); until one is made a wide
// window opens on a whole page and a phone on the width.
const KEY = "resumate.previewZoom";
const ONE_PANE = "(max-width: 980px)"; // the editor shows the form or the preview, not both
const STEP = 0.1;
const LEAST = 0.3;
const MOST = 2;

function stored() {
  try {
    const value = localStorage.getItem(KEY);
    if (value === "page" || value === "width") return value;
    const number = Number(value);
    if (value && number >= LEAST && number <= MOST) return number;
  } catch { /* blocked storage: the default */ }
  return null;
}

export function setupZoom({ viewport, onChange }) {
  let mode = stored() ?? (matchMedia(ONE_PANE).matches ? "width" : "page");
  let shown = 1;
  const label = document.querySelector("[data-zoom-label]");
  const buttons = [...document.querySelectorAll("[data-zoom]")];

  // The scale for a document `width` px wide whose first sheet, with the gutters around it,
  // is `page` px tall.
  function scale({ width, page }) {
    if (!viewport.clientWidth) return shown; // hidden: nothing to fit
    const toWidth = Math.min(1.5, (viewport.clientWidth - 8) / width);
    if (mode === "width") shown = toWidth;
    else if (mode === "page") shown = Math.min(toWidth, (viewport.clientHeight - 4) / page);
    else shown = mode;
    label.textContent = `${Math.round(shown * 100)}%`;
    buttons.forEach((button) => {
      if (!["page", "width", "actual"].includes(button.dataset.zoom)) return;
      const on = button.dataset.zoom === mode || (button.dataset.zoom === "actual" && mode === 1);
      button.setAttribute("aria-pressed", String(on));
    });
    return shown;
  }

  function choose(next) {
    mode = next;
    try { localStorage.setItem(KEY, String(mode)); } catch { /* kept for this page only */ }
    onChange();
  }

  buttons.forEach((button) => button.addEventListener("click", () => {
    const kind = button.dataset.zoom;
    if (kind === "in" || kind === "out") {
      const step = kind === "in" ? STEP : -STEP;
      choose(Math.round(Math.min(MOST, Math.max(LEAST, shown + step)) * 100) / 100);
    } else {
      choose(kind === "actual" ? 1 : kind);
    }
  }));

  return { scale };
}
