// How full the last sheet of the preview is. The preview is laid out as the printed sheets (the
// body's columns wrap into one row per page, page_style.screen_pages_css), so the text on the
// last sheet is what the PDF's last page holds: its lines are counted where the browser put them.

// The last sheet's content box in the frame's document coordinates: the sheets are the body's
// padding box, one per row, `stride` apart (as page-marks.js draws on them).
function lastSheet(doc, sheets, stride) {
  const view = doc.defaultView;
  const style = view.getComputedStyle(doc.body);
  const body = doc.body.getBoundingClientRect();
  const margin = parseFloat(style.paddingTop) || 0;
  const height = stride - (parseFloat(style.marginTop) || 0);
  const top = body.top + view.scrollY + (sheets - 1) * stride;
  return { top: top + margin, height: height - 2 * margin };
}

// Each line of text as a band [top, bottom]; lines side by side (a sidebar's) count once.
function lineBands(doc, from) {
  const view = doc.defaultView;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      const top = rect.top + view.scrollY;
      if (rect.width > 0 && rect.height > 0 && top >= from - 1) boxes.push([top, rect.bottom + view.scrollY]);
    }
  }
  boxes.sort((a, b) => a[0] - b[0]);
  const bands = [];
  for (const [top, bottom] of boxes) {
    const last = bands[bands.length - 1];
    // The next line starts where this one's text ends: boxes that overlap by more are one line.
    if (last && top < last[1] - (bottom - top) / 3) last[1] = Math.max(last[1], bottom);
    else bands.push([top, bottom]);
  }
  return bands;
}

// { lines, fill }: the lines of text on the last sheet, and the share of its height they reach.
export function lastPageFill(doc, { sheets, stride }) {
  if (!doc?.body || !stride || sheets < 1) return null;
  const sheet = lastSheet(doc, sheets, stride);
  const bands = lineBands(doc, sheet.top);
  if (!bands.length) return { lines: 0, fill: 0 };
  const reach = bands[bands.length - 1][1] - sheet.top;
  return { lines: bands.length, fill: Math.min(1, Math.max(0, reach / sheet.height)) };
}
