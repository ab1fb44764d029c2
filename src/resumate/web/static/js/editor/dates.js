// Dates as people write them: "March 2021", "Mar 2021", "03/2021", "3.2021", "2021-03", "2021",
// and in an end date "Present", "heute", "aujourd'hui"… read by the rules of the server's
// reader (document/dates.py), from its words (CLDR's month names, the page's #date-words), into
// what JSON Resume stores: YYYY, YYYY-MM or YYYY-MM-DD, or no end date for one still going.
// A date that does not read keeps the value it had (data-stored) and says why at its field, so
// it never stops the rest of the resume from saving or the preview from following.
import { setupMonthPicker } from "./month-picker.js";

const WORDS = JSON.parse(document.getElementById("date-words")?.textContent || "{}");
const MONTHS = WORDS.months || {};
const NOW = new Set(WORDS.now || []);
const FILLERS = new Set(WORDS.fillers || []);
const FIRST = WORDS.first || 1000;
const LAST = WORDS.last || 2999;

const NUMERIC = [
  [/^(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+(Z|[+-][\d:]+)?$/, "ymd"],
  [/^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/, "ymd"],
  [/^(\d{4})[./-](\d{1,2})$/, "ym"],
  [/^(\d{1,2})[./-](\d{4})$/, "my"],
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, "dmy"],
  [/^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월])?\s*(?:(\d{1,2})\s*[日일])?$/, "ymd"],
  [/^'(\d{2})$/, "yy"],
];
const TRY = " Pick a month from the calendar, or type a month and year.";
const word = (text) => text.toLowerCase().trim().replace(/\.+$/, "");
const tokensOf = (text) => text.split(/[\s,./-]+/).filter(Boolean);
const pad = (n) => String(n).padStart(2, "0");
const shown = (text) => (text.length <= 40 ? text : `${text.slice(0, 39)}…`);

function iso(year, month, day) {
  if (year === undefined || year < FIRST || year > LAST) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const when = new Date(Date.UTC(year, month - 1, day));
  return when.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function fullYear(short) {
  const now = new Date().getFullYear();
  const year = Math.floor(now / 100) * 100 + short;
  return year <= now + 5 ? year : year - 100;
}

export function meansNow(text) {
  const words = text.toLowerCase().replace(/_/g, " ").split(/\s+/).filter(Boolean).join(" ");
  return NOW.has(words.replace(/^[\s.!\-–—()[\]]+|[\s.!\-–—()[\]]+$/g, ""));
}

function numeric(order, groups) {
  const parts = groups.filter((p) => p === undefined || /^\d+$/.test(p)).map((p) => (p === undefined ? undefined : Number(p)));
  if (order === "yy") return String(fullYear(parts[0]));
  if (order === "my") return iso(parts[1], parts[0]);
  if (order === "dmy") return iso(parts[2], parts[1], parts[0]);
  return iso(parts[0], parts[1], parts[2]);
}

function withMonthName(text) {
  const tokens = tokensOf(text.toLowerCase());
  const months = tokens.filter((t) => t in MONTHS).map((t) => MONTHS[t]);
  const rest = tokens.filter((t) => !(t in MONTHS) && !FILLERS.has(t));
  if (months.length !== 1) return null;
  const years = rest.filter((t) => /^(\d{4}|'\d{2})$/.test(t));
  const days = rest.filter((t) => /^\d{1,2}$/.test(t));
  if (years.length !== 1 || days.length > 1 || rest.length !== years.length + days.length) return null;
  const year = years[0].startsWith("'") ? fullYear(Number(years[0].slice(1))) : Number(years[0]);
  return iso(year, months[0], days.length ? Number(days[0]) : undefined);
}

export function readWritten(text) {
  for (const [pattern, order] of NUMERIC) {
    const found = text.match(pattern);
    if (found) return numeric(order, found.slice(1));
  }
  return withMonthName(text);
}

// Why a text is not a date, as specifically as its shape tells (document/dates.py `problem`).
function problem(text) {
  const digits = text.match(/\d+/g) || [];
  const numbers = digits.map(Number);
  const words = tokensOf(text).filter((t) => /\p{L}/u.test(t));
  const unknown = words.filter((w) => !(word(w) in MONTHS) && !FILLERS.has(word(w)));
  if (digits.some((group) => group.length === 3 || group.length > 4)) return `“${shown(text)}” does not read as a date.` + TRY;
  if (unknown.length) {
    return (words.length === 1 ? `“${shown(unknown[0])}” is not a month name.` : `“${shown(text)}” does not read as a date.`) + TRY;
  }
  if (words.length && !numbers.some((n) => String(n).length === 4)) {
    return numbers.length ? "Write the year in full, like 2021." : `Add the year, like “${shown(text)} 2021”.`;
  }
  if (!words.length && /^\d{1,2}[./-]\d{1,2}$/.test(text)) return "Write the year in full, like 2021.";
  const year = numbers.find((n) => n >= 100);
  if (year !== undefined && (year < FIRST || year > LAST)) return `The year must be between ${FIRST} and ${LAST}.`;
  const small = numbers.filter((n) => n < 100);
  if (!words.length && year !== undefined && small.length === 1 && small[0] > 12) {
    return `There is no month ${small[0]}: months go from 1 to 12.`;
  }
  if (year !== undefined && small.length === 2) {
    const [month, day] = /^\d{1,2}\./.test(text) ? [small[1], small[0]] : small;
    if (month < 1 || month > 12) return `There is no month ${month}: months go from 1 to 12.`;
    return `${year}-${pad(month)} has no day ${day}.`;
  }
  return `“${shown(text)}” does not read as a date.` + TRY;
}

// What a typed date means: { value } (ISO, or "" when empty or ongoing), or { problem }.
export function readDate(text, { end = false } = {}) {
  const cleaned = text.split(/\s+/).filter(Boolean).join(" ");
  if (!cleaned) return { value: "" };
  if (meansNow(cleaned)) {
    return end ? { value: "", ongoing: true } : { value: null, problem: `“${shown(cleaned)}” means ongoing, which only an end date can be.` };
  }
  if (/^\d{4}$/.test(cleaned)) {
    const year = iso(Number(cleaned));
    return year ? { value: year } : { value: null, problem: `The year must be between ${FIRST} and ${LAST}.` };
  }
  const found = readWritten(cleaned);
  return found !== null ? { value: found } : { value: null, problem: problem(cleaned) };
}

// What the document stores for a date input now: its reading, else the value it had.
export function dateValue(input) {
  const reading = readDate(input.value, { end: input.dataset.date === "end" });
  return reading.value ?? (input.dataset.stored || "");
}

function ongoingBox(input) {
  return input.closest(".field")?.querySelector("[data-ongoing]") || null;
}

function startOf(endInput) {
  const entry = endInput.closest("[data-entry]");
  return entry && [...entry.querySelectorAll('[data-date="start"]')].find((el) => el.closest("[data-entry]") === entry);
}

export function setupDates({ form, root, frame }, { errors }) {
  const held = () => form.querySelectorAll("[data-date][data-error-from]").length;

  function setOngoing(input, on) {
    const box = ongoingBox(input);
    if (box) box.checked = on;
    input.disabled = on;
    input.placeholder = on ? "Present" : "e.g. Jun 2023";
    input.closest(".date-box").querySelector("[data-date-pick]").disabled = on;
    if (on) { input.value = ""; input.dataset.stored = ""; }
  }

  // A typed date is committed (Enter, leaving the field, a month picked): shown as stored.
  function commit(input) {
    const source = `date:${input.id}`;
    const reading = readDate(input.value, { end: input.dataset.date === "end" });
    errors.clear(source);
    if (reading.value === null) {
      errors.mark(input, reading.problem, source);
    } else {
      input.value = reading.value;
      input.dataset.stored = reading.value;
      if (reading.ongoing) setOngoing(input, true);
    }
    form.dispatchEvent(new CustomEvent("editor:changed", { bubbles: true }));
  }

  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target.matches("[data-date]")) commit(target);
    if (target.matches("[data-ongoing]")) {
      const input = target.closest(".field").querySelector("[data-date]");
      errors.clear(`date:${input.id}`);
      setOngoing(input, target.checked);
      if (!target.checked) input.focus();
      form.dispatchEvent(new CustomEvent("editor:changed", { bubbles: true }));
    }
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("[data-date]")) commit(event.target);
  });

  // An end date left empty after a start date says "still going": the box says so too.
  form.querySelectorAll('[data-date="end"]').forEach((input) => {
    if (input.value.trim() === "" && startOf(input)?.value.trim()) setOngoing(input, true);
  });

  setupMonthPicker(form, {
    onPick(input, value) { input.value = value; commit(input); },
  });

  // The Design tab's date formats, as the language the preview prints in writes them.
  const select = form.querySelector("[data-date-examples]");
  const examples = JSON.parse(select?.dataset.dateExamples || "{}");
  root.addEventListener("preview:updated", () => {
    // Dates the form was filled with (an undo): an end date that came back is no longer
    // ongoing, and each date that reads is the one to keep should the next typing not.
    form.querySelectorAll('[data-date="end"]:disabled').forEach((input) => { if (input.value) setOngoing(input, false); });
    form.querySelectorAll("[data-date]:not([aria-invalid], :focus)").forEach((input) => {
      const reading = readDate(input.value, { end: input.dataset.date === "end" });
      if (reading.value !== null) input.dataset.stored = reading.value;
    });
    const shown = examples[frame.contentDocument?.documentElement.lang || ""];
    if (!shown) return;
    for (const option of select.options) option.textContent = shown[option.value] || option.textContent;
  });

  return { held };
}
