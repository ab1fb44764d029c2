// A month grid that opens under a date field's calendar button: the year with arrows, twelve
// months. Arrow keys move between months (PageUp/PageDown change the year), Enter picks,
// Escape closes and gives focus back to the button. Month names are the browser's own CLDR
// (Intl), in the editor's language.
const UI_LANGUAGE = document.documentElement.lang || "en";
const SHORT = new Intl.DateTimeFormat(UI_LANGUAGE, { month: "short", timeZone: "UTC" });
const at = (year, month) => new Date(Date.UTC(year, month - 1, 15));
const COLUMNS = 4;

function build() {
  const box = document.createElement("div");
  box.className = "month-picker";
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-label", "Choose a month");
  box.hidden = true;
  box.innerHTML = `
    <div class="month-picker-head">
      <button type="button" class="btn btn-quiet btn-icon" data-year-step="-1" aria-label="Previous year">‹</button>
      <span class="month-picker-year" aria-live="polite" data-year></span>
      <button type="button" class="btn btn-quiet btn-icon" data-year-step="1" aria-label="Next year">›</button>
    </div>
    <div class="month-picker-months" role="group" data-months></div>
    <div class="month-picker-foot">
      <button type="button" class="btn btn-quiet btn-small" data-whole-year></button>
    </div>`;
  const months = box.querySelector("[data-months]");
  for (let month = 1; month <= 12; month += 1) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "month-picker-month";
    button.dataset.month = String(month);
    // The month shows; its year is said to screen readers ("Mar 2021"), as the grid's head shows.
    button.append(SHORT.format(at(2021, month)), Object.assign(document.createElement("span"), { className: "sr-only" }));
    months.append(button);
  }
  return box;
}

export function setupMonthPicker(form, { onPick }) {
  const box = build();
  const yearText = box.querySelector("[data-year]");
  const buttons = [...box.querySelectorAll("[data-month]")];
  const whole = box.querySelector("[data-whole-year]");
  let input = null;
  let trigger = null;
  let year = new Date().getFullYear();
  let chosen = null; // [year, month] of the field's value

  function paint(focusMonth) {
    yearText.textContent = String(year);
    whole.textContent = `Year only (${year})`;
    for (const button of buttons) {
      const month = Number(button.dataset.month);
      const on = chosen && chosen[0] === year && chosen[1] === month;
      button.lastChild.textContent = ` ${year}`;
      button.setAttribute("aria-pressed", String(Boolean(on)));
      button.tabIndex = month === focusMonth ? 0 : -1;
    }
    buttons[focusMonth - 1].focus();
  }

  function open(button) {
    input = button.closest(".date-box").querySelector("[data-date]");
    trigger = button;
    const found = /^(\d{4})(?:-(\d{2}))?/.exec(input.dataset.stored || input.value);
    chosen = found ? [Number(found[1]), Number(found[2] || 0)] : null;
    year = chosen ? chosen[0] : new Date().getFullYear();
    box.setAttribute("aria-describedby", `${input.id}-label`);
    box.classList.toggle("is-end", input.dataset.date === "end");
    button.closest(".date-box").append(box);
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
    paint(chosen && chosen[1] ? chosen[1] : new Date().getMonth() + 1);
  }

  function close(refocus = true) {
    if (box.hidden) return;
    box.hidden = true;
    trigger?.setAttribute("aria-expanded", "false");
    if (refocus) trigger?.focus();
  }

  function pick(value) {
    const target = input;
    close(false);
    onPick(target, value);
    target.focus();
  }

  form.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-date-pick]");
    if (opener) {
      if (!box.hidden && trigger === opener) close();
      else { close(false); open(opener); }
      return;
    }
    if (box.hidden || !box.contains(event.target)) return;
    const step = event.target.closest("[data-year-step]");
    const month = event.target.closest("[data-month]");
    if (step) { year += Number(step.dataset.yearStep); paint(Number(box.querySelector('[data-month][tabindex="0"]').dataset.month)); step.focus(); }
    if (month) pick(`${year}-${String(month.dataset.month).padStart(2, "0")}`);
    if (event.target.closest("[data-whole-year]")) pick(String(year));
  });

  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    const current = event.target.closest("[data-month]");
    if (!current) return;
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -COLUMNS, ArrowDown: COLUMNS, PageUp: -12, PageDown: 12 };
    let step = moves[event.key];
    if (step && getComputedStyle(box).direction === "rtl" && Math.abs(step) === 1) step = -step;
    if (!step && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    let index = (year * 12) + Number(current.dataset.month) - 1 + (step || 0);
    if (event.key === "Home") index = year * 12;
    if (event.key === "End") index = year * 12 + 11;
    year = Math.floor(index / 12);
    paint((index % 12) + 1);
  });

  // Leaving the grid (Tab past it, a click elsewhere) closes it.
  document.addEventListener("pointerdown", (event) => {
    if (!box.hidden && !box.contains(event.target) && !trigger?.contains(event.target)) close(false);
  });
  box.addEventListener("focusout", (event) => {
    if (!box.hidden && event.relatedTarget && !box.contains(event.relatedTarget) && event.relatedTarget !== trigger) close(false);
  });
}
