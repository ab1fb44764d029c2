// Version history, a drawer that htmx fills: the bursts of editing, and the chosen one with its
// first page and what changed since. Restoring needs every edit saved first. Times are written
// here, in the browser's time zone: the server only knows UTC.
const DAY_MS = 24 * 60 * 60 * 1000;
const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

function midnight(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

// "Today", "Yesterday", "Tuesday" within the week, else "3 Dec" (with the year when not this one).
export function dayWords(date, now = new Date()) {
  const days = Math.round((midnight(now) - midnight(date)) / DAY_MS);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days > 1 && days < 7) return date.toLocaleDateString(undefined, { weekday: "long" });
  const year = date.getFullYear() === now.getFullYear() ? undefined : "numeric";
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year });
}

// "Today 14:05–14:12", "Yesterday 09:30", or across days "Monday 23:50 – Today 00:10".
export function spanWords(start, end = start, now = new Date()) {
  if (midnight(start) !== midnight(end)) {
    return `${dayWords(start, now)} ${clock.format(start)} – ${dayWords(end, now)} ${clock.format(end)}`;
  }
  const times = end - start < 60 * 1000 ? clock.format(end) : clock.formatRange(start, end);
  return `${dayWords(end, now)} ${times}`;
}

function writeTimes(scope) {
  scope.querySelectorAll("time[datetime]").forEach((time) => {
    const start = new Date(time.getAttribute("datetime"));
    const end = time.dataset.until ? new Date(time.dataset.until) : start;
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return;
    time.textContent = spanWords(start, end);
    time.title = time.dataset.until ? `${full.format(start)} – ${full.format(end)}` : full.format(start);
  });
}

// The frame is a whole sheet wide; it is drawn scaled to the box it sits in.
function fitPreviews(scope, observer) {
  scope.querySelectorAll("[data-history-preview]").forEach((box) => {
    observer.observe(box);
    const frame = box.querySelector("[data-history-frame]");
    if (frame && window.ResumateFonts) window.ResumateFonts.watch(frame);
  });
}

function scaleTo(box) {
  const width = Number(getComputedStyle(box).getPropertyValue("--frame-width")) || 1;
  box.style.setProperty("--scale", String(box.clientWidth / width));
}

export function setupHistory({ R }, { flush }) {
  const dialog = document.getElementById("history-dialog");
  const body = document.getElementById("history-body");
  const observer = new ResizeObserver((seen) => seen.forEach((entry) => scaleTo(entry.target)));

  document.querySelector("[data-open-history]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    if (!(await flush())) { R.toast("Save your changes first: restoring needs them saved.", "error"); return; }
    dialog.showModal();
    htmx.trigger(button, "open-history");
  });

  function show(view) {
    const layout = body.querySelector("[data-history]");
    if (layout) layout.dataset.view = view;
  }

  body.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-history-open]");
    if (opener) {
      body.querySelectorAll(".history-item").forEach((item) => {
        const chosen = item.dataset.historyOpen === opener.dataset.historyOpen;
        item.classList.toggle("is-chosen", chosen);
        if (chosen) item.setAttribute("aria-current", "true");
        else item.removeAttribute("aria-current");
      });
      show("entry");
    }
    const back = event.target.closest("[data-history-back]");
    if (back) {
      show("list");
      body.querySelector(".history-item.is-chosen")?.focus();
    }
  });

  // On the document: a page of older entries replaces its own button, which then is gone.
  document.addEventListener("htmx:afterSettle", (event) => {
    if (!dialog.open) return;
    writeTimes(body);
    fitPreviews(body, observer);
    if (event.detail.target?.id === "history-entry" && !body.querySelector("[autofocus]")) {
      body.querySelector(".history-entry-title")?.focus({ preventScroll: true });
    }
  });
}
