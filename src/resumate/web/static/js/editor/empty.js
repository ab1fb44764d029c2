// A resume with nothing in it yet: the preview pane says where to start (what to fill first,
// import a resume, or start from the sample) instead of showing a blank page, until there is
// something to show.
function hasText(value) {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasText);
  if (value && typeof value === "object") return Object.entries(value).some(([key, inner]) => key !== "meta" && hasText(inner));
  return false;
}

export function setupEmptyStart({ R, root, form }, { body, fill }) {
  const guide = document.querySelector("[data-preview-empty]");
  const viewport = document.querySelector("[data-preview-viewport]");
  const sample = document.getElementById("sample-data");

  function update() {
    const empty = !hasText(body().data);
    guide.hidden = !empty;
    viewport.hidden = empty;
    root.toggleAttribute("data-empty", empty); // no zoom or page count for a page not shown
  }

  guide.addEventListener("click", (event) => {
    if (event.target.closest("[data-start-sample]") && sample) {
      fill(JSON.parse(sample.textContent));
      form.dispatchEvent(new CustomEvent("editor:changed", { bubbles: true }));
      update();
      R.toast("The sample is in: change it to your own, or undo to start blank.", "ok");
    }
    if (event.target.closest("[data-start-typing]")) {
      document.querySelector('[data-show-view="edit"]')?.click();
      document.querySelector('[data-tab="content"]')?.click();
      document.getElementById("basics-name")?.focus();
    }
  });
  form.addEventListener("input", update);
  form.addEventListener("editor:changed", update);
  root.addEventListener("preview:updated", update);
  update();
}
