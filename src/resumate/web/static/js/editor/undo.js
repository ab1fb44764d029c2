// Undo and redo within this visit. The whole resume (title, template, content, design) is kept
// after a pause in typing, and at once after a change to its shape (an entry added, removed or
// moved; a section moved or hidden) or to its design. Undoing shows the kept one in the form,
// and it is previewed and saved like any edit.
// Inside a text field Ctrl+Z is the browser's: it undoes that field's own typing. Anywhere else,
// and with the buttons, it undoes the last change to the resume.
const PAUSE = 1000;
const KEEP = 100;
const TEXT = "input:not([type=checkbox], [type=radio], [type=range], [type=color], [type=button]), textarea, [contenteditable]";

export function setupUndo({ form, titleInput }, { body, restore }) {
  const undoButton = document.querySelector("[data-undo]");
  const redoButton = document.querySelector("[data-redo]");
  const announce = document.querySelector("[data-announce]");
  let kept = [JSON.stringify(body())];
  let at = 0;
  let timer = null;

  function showButtons() {
    undoButton.setAttribute("aria-disabled", String(at === 0 && timer === null));
    redoButton.setAttribute("aria-disabled", String(at >= kept.length - 1));
  }

  // Keeps the resume as it is now, if it changed since last kept.
  function record() {
    clearTimeout(timer);
    timer = null;
    const now = JSON.stringify(body());
    if (now !== kept[at]) {
      kept = [...kept.slice(0, at + 1), now].slice(-KEEP);
      at = kept.length - 1;
    }
    showButtons();
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(record, PAUSE);
    showButtons();
  }

  function go(step) {
    if (timer !== null) record();
    const next = at + step;
    if (next < 0 || next >= kept.length) return;
    at = next;
    restore(JSON.parse(kept[at]));
    showButtons();
    announce.textContent = step < 0 ? "Undone." : "Redone.";
  }

  form.addEventListener("input", later);
  titleInput.addEventListener("input", later);
  // A choice (a select, a switch, a slider let go) is kept at once, like a change of shape.
  form.addEventListener("change", (event) => { if (!event.target.matches(TEXT)) record(); });
  form.addEventListener("editor:changed", () => setTimeout(record));
  form.addEventListener("click", (event) => {
    if (event.target.closest("[data-swatch], [data-reset-theme]")) setTimeout(record);
  });

  undoButton.addEventListener("click", () => go(-1));
  redoButton.addEventListener("click", () => go(1));
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || document.querySelector("dialog[open]")) return;
    const key = event.key.toLowerCase();
    const redo = (key === "z" && event.shiftKey) || (key === "y" && !event.shiftKey);
    if ((key !== "z" && key !== "y") || event.target.closest?.(TEXT)) return;
    event.preventDefault();
    go(redo ? 1 : -1);
  });

  showButtons();
  return { record };
}
