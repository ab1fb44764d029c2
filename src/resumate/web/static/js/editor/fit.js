// Fit to N pages: the server finds the loosest readable design on which the resume, as the form
// has it now, prints on N pages (POST /fit); the editor applies it as any design change (the
// preview follows, the save takes it, Undo puts it back). When nothing readable fits, it says
// what to cut. The preview bar warns when the last page is nearly empty.
import { lastPageFill } from "./last-page.js";

const KNOBS = ["fontSize", "lineHeight", "marginMm", "spacing"];
const NAMES = { fontSize: "text", lineHeight: "line spacing", marginMm: "margins", spacing: "spacing" };
// How each setting reads: "10.5 → 9.8 pt", "100% → 70%".
const SHOWN = {
  fontSize: (from, to) => `${from} → ${to} pt`,
  lineHeight: (from, to) => `${from} → ${to}`,
  marginMm: (from, to) => `${from} → ${to} mm`,
  spacing: (from, to) => `${Math.round(from * 100)}% → ${Math.round(to * 100)}%`,
};
// Below this share of its height, a last page is worth fitting away.
const NEARLY_EMPTY = 0.2;

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function setupFit({ R, root, form, api, state, defaults }, { body, showTheme }) {
  const result = form.querySelector("[data-fit-result]");
  const warning = document.querySelector("[data-page-fill]");
  const warningText = warning.querySelector("[data-page-fill-text]");
  const warningButton = warning.querySelector("[data-fit-pages]");
  const buttons = () => document.querySelectorAll("[data-fit-pages]");
  let running = false;

  // The design the resume prints with now: its own choice, else its template's.
  function current(key) {
    const value = state.theme[key] ?? defaults[state.templateId]?.[key];
    return value ?? (key === "spacing" ? 1 : null);
  }

  async function ask(pages) {
    const { data, theme, templateId } = body();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await R.request(`${api}/fit`, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ pages, data, theme, templateId }),
      });
      if (response.ok) return response.json();
      if (response.status !== 503) throw new Error(await R.errorMessage(response));
      const wait = Number(response.headers.get("Retry-After") || 2);
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 10) * 1000));
    }
    throw new Error("The page counter is very busy right now. Please try again in a minute.");
  }

  function apply(theme) {
    for (const key of KNOBS) state.theme[key] = theme[key];
    showTheme();
    form.dispatchEvent(new CustomEvent("editor:changed"));
  }

  function show(...nodes) {
    result.replaceChildren(...nodes);
  }

  function fitted(answer, pages) {
    const before = Object.fromEntries(KNOBS.map((key) => [key, state.theme[key] ?? null]));
    const changes = KNOBS.filter((key) => current(key) !== answer.theme[key])
      .map((key) => `${NAMES[key]} ${SHOWN[key](current(key), answer.theme[key])}`);
    apply(answer.theme);
    const undo = element("button", "Undo", "btn btn-small");
    undo.type = "button";
    undo.addEventListener("click", () => {
      apply(before);
      show(element("p", "Put back as it was."));
    });
    const said = `Now on ${plural(answer.pages, "page")} (was ${answer.before}): ${changes.join(", ")}.`;
    show(element("p", said), undo);
    return `Now on ${plural(pages, "page")}.`;
  }

  function refused(answer, pages) {
    const title = element("p", `It can’t fit on ${plural(pages, "page")} at a readable size.`, "fit-refused");
    const why = element("p", `Even at the smallest readable settings it takes ${plural(answer.pages, "page")}. To fit, cut some of it:`);
    const list = element("ul", "", "fit-cuts");
    for (const suggestion of answer.suggestions) list.append(element("li", suggestion.text));
    show(title, why, ...(answer.suggestions.length ? [list] : []));
    const first = answer.suggestions[0]?.text;
    return `It can’t fit on ${plural(pages, "page")} at a readable size.${first ? ` ${first}` : ""} More in Design.`;
  }

  async function run(pages, button) {
    if (running) return;
    running = true;
    buttons().forEach((b) => { b.disabled = true; });
    button.classList.add("is-busy");
    const inDesign = form.contains(button);
    try {
      const answer = await ask(pages);
      if (answer.fits && answer.before <= pages) {
        show(element("p", `It already fits on ${plural(pages, "page")}: nothing to change.`));
        if (!inDesign) R.toast(`It already fits on ${plural(pages, "page")}.`, "ok");
      } else if (answer.fits) {
        const said = fitted(answer, pages);
        if (!inDesign) R.toast(`${said} Undo is in Design.`, "ok");
      } else {
        const said = refused(answer, pages);
        if (!inDesign) R.toast(said, "error");
      }
    } catch (error) {
      const said = error instanceof TypeError ? "You seem to be offline. Try again when you’re back." : error.message;
      show(element("p", said, "fit-refused"));
      R.toast(said, "error");
    } finally {
      running = false;
      buttons().forEach((b) => { b.disabled = false; });
      button.classList.remove("is-busy");
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-fit-pages]");
    if (button && root.contains(button)) run(Number(button.dataset.fitPages), button);
  });

  // After each layout of the preview: is the last page nearly empty?
  root.addEventListener("preview:pages", (event) => {
    const { doc, sheets, stride } = event.detail;
    const last = sheets > 1 ? lastPageFill(doc, { sheets, stride }) : null;
    const nearlyEmpty = last !== null && last.fill < NEARLY_EMPTY;
    warning.hidden = !nearlyEmpty;
    root.dataset.lastPageFill = last === null ? "" : last.fill.toFixed(2);
    if (!nearlyEmpty) return;
    warningText.textContent = last.lines
      ? `Page ${sheets} holds only ${plural(last.lines, "line")}.`
      : `Page ${sheets} is empty.`;
    warningButton.dataset.fitPages = String(sheets - 1);
    warningButton.textContent = `Fit to ${plural(sheets - 1, "page")}`;
  });
}
