// The name and page numbers that later pages print in their margins (runningHeader,
// pageNumbers). Chromium draws page-margin boxes only when it prints, never on screen, so the
// preview lays the same marks over its sheets: on every sheet after the first, where the PDF
// has them (aligned with the end of the text's lines, centred in the top and bottom margins:
// at the right, or at the left of a right-to-left resume).
const MARK = "data-page-mark";

// The sheets are the body's padding box, one per row of its columns, a gutter (the body's own
// top margin) apart: each is as wide as the body and one stride less a gutter tall.
function sheetGeometry(doc, stride) {
  const view = doc.defaultView;
  const style = view.getComputedStyle(doc.body);
  const body = doc.body.getBoundingClientRect();
  return {
    left: body.left + view.scrollX,
    top: body.top + view.scrollY,
    width: body.width,
    height: stride - (parseFloat(style.marginTop) || 0),
    margin: parseFloat(style.paddingTop) || 0,
  };
}

function addMark(doc, text, { x, y, maxWidth, font, rtl }) {
  const mark = doc.createElement("div");
  mark.setAttribute(MARK, "");
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = text;
  Object.assign(mark.style, {
    position: "absolute", left: `${x}px`, top: `${y}px`, maxWidth: `${maxWidth}px`,
    transform: rtl ? "translate(0, -50%)" : "translate(-100%, -50%)",
    textAlign: rtl ? "left" : "right", whiteSpace: "nowrap",
    overflow: "hidden", textOverflow: "ellipsis", font: `400 8pt/1.2 ${font}`, color: "#6b7280",
  });
  doc.documentElement.append(mark);
}

export function markPages(doc, { sheets, stride, name, runningHeader, pageNumbers }) {
  if (!doc?.documentElement || !doc.body) return;
  doc.querySelectorAll(`[${MARK}]`).forEach((mark) => mark.remove());
  const shown = (name || "").split(/\s+/).filter(Boolean).join(" ");
  if (sheets < 2 || !((runningHeader && shown) || pageNumbers)) return;
  const sheet = sheetGeometry(doc, stride);
  const rootStyle = doc.defaultView.getComputedStyle(doc.documentElement);
  const font = rootStyle.getPropertyValue("--font-body") || "sans-serif";
  const rtl = doc.documentElement.dir === "rtl";
  const x = rtl ? sheet.left + sheet.margin : sheet.left + sheet.width - sheet.margin;
  const maxWidth = sheet.width - 2 * sheet.margin;
  const at = { x, maxWidth, font, rtl };
  for (let page = 2; page <= sheets; page += 1) {
    const top = sheet.top + (page - 1) * stride;
    if (runningHeader && shown) addMark(doc, shown, { ...at, y: top + sheet.margin / 2 });
    if (pageNumbers) {
      addMark(doc, `${page} / ${sheets}`, { ...at, y: top + sheet.height - sheet.margin / 2 });
    }
  }
}
