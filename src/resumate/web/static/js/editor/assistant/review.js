// The proposal dialog: a rewrite's style, the answer arriving (Cancel aborts it), then each
// change as a diff to accept or reject. A flagged change (a fact the resume does not state)
// can only be accepted after an explicit "Yes, this is true".
import { describe } from "./fields.js";
import { diffView } from "./diff.js";
import { h } from "./dom.js";

// The words inside a JSON answer as it arrives ({"text": "Built the…), or the raw text if it is none.
export function readable(raw) {
  const values = [...raw.matchAll(/"(?:text|new)"\s*:\s*"((?:[^"\\]|\\.)*)/g)].map(([, value]) => {
    try { return JSON.parse(`"${value.replace(/\\$/, "")}"`); } catch { return value; }
  });
  return values.length ? values.join("\n\n") : raw;
}

export function proposalDialog({ form }) {
  const dialog = document.querySelector("[data-ai-dialog]");
  const $ = (selector) => dialog.querySelector(selector);
  const title = $("[data-ai-dialog-title]");
  const error = $("[data-ai-error]");
  const progress = $("[data-ai-progress]");
  const arriving = $("[data-ai-arriving]");
  const list = $("[data-ai-changes]");
  const variant = $("[data-ai-variant]");
  const go = $("[data-ai-go]");
  const apply = $("[data-ai-apply]");
  const cancel = $("[data-ai-cancel]");
  let controller = null; // the request in flight, aborted by Cancel or closing
  let chosen = null; // resolves the style phase
  let onApply = null;

  function phase(name) {
    dialog.querySelectorAll("[data-ai-phase]").forEach((el) => { el.hidden = el.dataset.aiPhase !== name; });
    go.hidden = name !== "style";
    apply.hidden = name !== "review";
    cancel.textContent = name === "review" ? "Close" : "Cancel";
    error.hidden = true;
  }

  function open(heading) {
    title.textContent = heading;
    if (!dialog.open) dialog.showModal();
  }

  function stop() {
    controller?.abort();
    controller = null;
    chosen?.(null);
    chosen = null;
  }

  cancel.addEventListener("click", () => dialog.close());
  $("[data-ai-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", stop);

  // Asks how to rewrite a field: {style, instruction}, or null when the person cancels.
  function chooseStyle(path, text) {
    open("Rewrite");
    phase("style");
    $("[data-ai-field-label]").textContent = describe(form, path);
    $("[data-ai-field-text]").textContent = text;
    $("[data-ai-instruction]").value = "";
    dialog.querySelector("input[name=ai-style]:checked")?.focus();
    return new Promise((resolve) => { chosen = resolve; });
  }
  go.addEventListener("click", () => {
    const style = dialog.querySelector("input[name=ai-style]:checked")?.value || "stronger";
    const instruction = $("[data-ai-instruction]").value.trim();
    chosen?.({ style, instruction });
    chosen = null;
  });

  // Runs a streamed task in the dialog; its result, or null when cancelled.
  async function stream(heading, task) {
    open(heading);
    phase("stream");
    progress.textContent = "Asking the model…";
    arriving.textContent = "";
    let raw = "";
    controller = new AbortController();
    const { signal } = controller;
    try {
      return await task({
        signal,
        onProgress: (event) => { progress.textContent = event.message || progress.textContent; },
        onDelta: (text) => {
          raw += text;
          arriving.textContent = readable(raw);
          arriving.scrollTop = arriving.scrollHeight;
        },
      });
    } catch (problem) {
      if (signal.aborted) return null;
      throw problem;
    } finally {
      if (controller?.signal === signal) controller = null;
    }
  }

  function fail(message) {
    if (!dialog.open) return false;
    phase("none");
    error.textContent = message;
    error.hidden = false;
    cancel.textContent = "Close";
    return true;
  }

  function decide(item, state) {
    item.dataset.state = state;
    item.querySelector("[data-ai-accept]").setAttribute("aria-pressed", String(state === "accepted"));
    item.querySelector("[data-ai-reject]").setAttribute("aria-pressed", String(state === "rejected"));
    refresh();
  }

  function refresh() {
    const accepted = list.querySelectorAll("[data-state=accepted]").length;
    apply.disabled = accepted === 0;
    apply.firstChild.textContent = accepted ? `Apply ${accepted} accepted` : "Apply accepted";
  }

  function changeItem(change, flags, number) {
    const warnings = [...flags.map((flag) => flag.message), ...(change.confirm ? [change.confirm] : [])];
    const needsYes = flags.some((flag) => flag.blocking !== false) || Boolean(change.confirm);
    const name = `Change ${number}`;
    const accept = h("button", { type: "button", class: "btn btn-small", "data-ai-accept": true, "aria-pressed": "false", disabled: needsYes, onclick: () => decide(item, "accepted") }, "Accept");
    const reject = h("button", { type: "button", class: "btn btn-small", "data-ai-reject": true, "aria-pressed": "false", onclick: () => decide(item, "rejected") }, "Reject");
    const confirm = needsYes ? h("label", { class: "checkbox ai-true" }, h("input", {
      type: "checkbox", "data-ai-true": true,
      onchange: (event) => {
        accept.disabled = !event.target.checked;
        if (!event.target.checked && item.dataset.state === "accepted") decide(item, "pending");
      },
    }), " Yes, this is true") : null;
    const item = h("li", { class: "ai-change", "data-ai-change": true, "data-state": "pending", "aria-label": name },
      h("p", { class: "ai-change-field", text: describe(form, change.path) }),
      diffView(change.original, change.new),
      warnings.length ? h("ul", { class: "ai-flags" }, warnings.map((text) => h("li", { text }))) : null,
      h("div", { class: "ai-change-actions", role: "group", "aria-label": name }, confirm, accept, reject));
    item.change = change;
    return item;
  }

  // Shows a proposal; `applyWith(changes, asVariant)` sends the accepted ones.
  function review(heading, { changes, flags = [] }, { applyWith, variantOption = false, intro }) {
    open(heading);
    phase("review");
    list.replaceChildren(...changes.map((change, i) => changeItem(change, flags.filter((f) => f.path === change.path), i + 1)));
    $("[data-ai-review-intro]").textContent = changes.length
      ? intro || "Nothing changes until you apply it. Accept or reject each change."
      : "The model proposed no change.";
    variant.hidden = !variantOption || !changes.length;
    $("[data-ai-variant-box]").checked = false;
    onApply = applyWith;
    refresh();
    list.querySelector("button:not([disabled]), input")?.focus();
  }

  apply.addEventListener("click", async () => {
    const accepted = [...list.querySelectorAll("[data-state=accepted]")].map((item) => ({
      path: item.change.path, original: item.change.original, new: item.change.new,
      ...(item.querySelector("[data-ai-true]")?.checked ? { confirmed: true } : {}),
    }));
    apply.disabled = true;
    apply.classList.add("is-busy");
    try {
      const message = await onApply(accepted, !variant.hidden && $("[data-ai-variant-box]").checked);
      if (message) fail(message); else dialog.close();
    } finally {
      apply.classList.remove("is-busy");
      refresh();
    }
  });

  return { chooseStyle, stream, review, fail, close: () => dialog.close(), get open() { return dialog.open; } };
}
