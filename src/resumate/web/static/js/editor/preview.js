// The live preview: the server renders the document as the form has it now, a moment after
// each change, into the frame; the frame is as tall as its sheets, scaled to the pane (fit or
// zoomed), and the pane scrolls.
import { markPages } from "./page-marks.js";
import { setupZoom } from "./zoom.js";

const PREVIEW_DELAY = 120;

export function setupPreview({ R, root, frame, api }, { body, errors }) {
  const note = document.querySelector("[data-preview-note]");
  let timer = null;
  let busy = false;
  let again = false;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, PREVIEW_DELAY);
  }

  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    const { data, theme, templateId } = body();
    try {
      const response = await R.request(`${api}/preview`, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ data, theme, templateId }),
      });
      if (response.ok) {
        swap(await response.text());
        errors.clear("preview");
        note.hidden = true;
      } else if (response.status === 422) {
        const problem = await response.json();
        errors.show(problem.error.fields || [], "preview");
        note.textContent = "Preview paused: fix the highlighted field.";
        note.hidden = false;
      }
    } catch {
      note.textContent = "Preview will update when you're back online.";
      note.hidden = false;
    } finally {
      busy = false;
      if (again) { again = false; schedule(); }
    }
  }

  function swap(html) {
    const doc = frame.contentDocument;
    const parsed = new DOMParser().parseFromString(html, "text/html");
    // The root carries the resume's language and direction: they change with the design too.
    for (const name of ["lang", "dir"]) {
      const value = parsed.documentElement.getAttribute(name);
      if (value === null) doc.documentElement.removeAttribute(name);
      else doc.documentElement.setAttribute(name, value);
    }
    doc.head.replaceWith(doc.importNode(parsed.head, true));
    doc.body.replaceWith(doc.importNode(parsed.body, true));
    fit();
    root.dispatchEvent(new CustomEvent("preview:updated"));
  }

  const viewport = document.querySelector("[data-preview-viewport]");
  const scaler = document.querySelector("[data-preview-scaler]");
  const zoom = setupZoom({ viewport, onChange: () => fit() });
  const pageCount = document.querySelector("[data-page-count]");

  function fit() {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    const rootStyle = frame.contentWindow.getComputedStyle(doc.documentElement);
    const width = parseFloat(rootStyle.minWidth) || doc.documentElement.scrollWidth;
    frame.style.width = `${width}px`;
    // The sheets' height, from the body's margin box: the root's scrollHeight is never less
    // than the frame's own height, so a preview that lost a page would keep its height.
    const bodyStyle = frame.contentWindow.getComputedStyle(doc.body);
    const height = Math.ceil(doc.body.getBoundingClientRect().bottom + frame.contentWindow.scrollY
      + (parseFloat(bodyStyle.marginBottom) || 0));
    frame.style.height = `${height}px`;
    // The preview paints each sheet as a band of its root's background: one band per page.
    const stride = parseFloat((rootStyle.backgroundSize || "").split(" ")[1]);
    // A whole page: the first sheet with the gutters above and below it.
    const gutter = parseFloat(rootStyle.backgroundPositionY) || 0;
    const scale = zoom.scale({ width, page: stride ? stride + gutter : height });
    frame.style.transform = `scale(${scale})`;
    scaler.style.width = `${width * scale}px`;
    scaler.style.height = `${height * scale}px`;
    if (stride) {
      const sheets = Math.max(1, Math.round((height - 24) / stride));
      pageCount.textContent = `${sheets} page${sheets === 1 ? "" : "s"}`;
      root.dataset.pages = String(sheets);
      const { data, theme } = body();
      markPages(doc, { sheets, stride, name: data.basics?.name, ...theme });
      // The sheets as laid out now (fit.js weighs the last one).
      root.dispatchEvent(new CustomEvent("preview:pages", { detail: { doc, sheets, stride } }));
    }
  }

  new ResizeObserver(() => fit()).observe(viewport);
  // Fit the frame's document now, and again as its fonts arrive (frame-fonts.js adds them).
  function watchFrame() {
    fit();
    frame.contentDocument.fonts.ready.then(fit);
    frame.contentDocument.fonts.addEventListener?.("loadingdone", fit);
  }
  frame.addEventListener("load", watchFrame);
  // Modules run a little later than a classic script did: the frame may have loaded already.
  if (frame.contentDocument?.readyState === "complete") watchFrame();

  return { schedule, fit };
}
