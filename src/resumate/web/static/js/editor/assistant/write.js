// What needs a model: "Rewrite" beside each summary and bullet, "Tailor to this job", and the
// cover letter (letter.js), which streams into the panel. Each proposal goes to the review dialog.
import { AssistantError, streamJSON } from "./api.js";
import { h, icon } from "./dom.js";
import { mayRewrite, pathOf } from "./fields.js";
import { setupLetter } from "./letter.js";

const CANDIDATES = "[data-field], [data-key], [data-value]";

export function setupWriting({ R, api, form, root }, { dialog, flush, applyWith, jobText }) {
  // ---- Rewrite buttons, on every field a proposal may change (new bullets too) -----------------
  function decorate(input) {
    if (input.dataset.aiRewrite !== undefined || !mayRewrite(input)) return;
    input.dataset.aiRewrite = "";
    const bullet = input.matches("[data-value]");
    const button = h("button", {
      type: "button", class: bullet ? "btn btn-quiet btn-icon ai-rewrite" : "btn btn-quiet btn-small ai-rewrite",
      "aria-label": bullet ? "Rewrite this bullet" : null, title: "Rewrite with the assistant",
      onclick: () => rewrite(input),
    }, icon("sparkle"), bullet ? null : "Rewrite");
    if (bullet) input.closest("[data-item]").querySelector("[data-remove-item]").before(button);
    else input.after(button);
  }

  function decorateAll(scope) {
    scope.querySelectorAll(CANDIDATES).forEach(decorate);
  }

  function enable() {
    decorateAll(form);
    // Entries and bullets added later, from their templates, get theirs too.
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
      if (node.nodeType === 1) decorateAll(node);
    }))).observe(form, { childList: true, subtree: true });
  }

  async function ready() {
    if (await flush()) return true;
    R.toast("Your edits are not saved yet; the assistant works on the saved resume. Try again in a moment.", "error");
    return false;
  }

  // Streams a proposal into the dialog, then shows it for review.
  async function propose(heading, url, body, options = {}) {
    try {
      const result = await dialog.stream(heading, (hooks) => streamJSON(R, url, body, hooks));
      if (!result) { R.toast("Cancelled. Nothing was changed.", "info"); return; }
      dialog.review(heading, result, { ...options, applyWith });
    } catch (problem) {
      const message = problem instanceof AssistantError ? problem.message : "The assistant could not be reached. Please try again.";
      if (!dialog.fail(message)) R.toast(message, "error");
    }
  }

  async function rewrite(input) {
    if (!input.value.trim()) { R.toast("Write something here first, then ask for a rewrite.", "error"); return; }
    if (!(await ready())) return;
    const path = pathOf(input);
    const choice = await dialog.chooseStyle(path, input.value);
    if (!choice) return;
    const body = { path, style: choice.style, ...(choice.instruction ? { instruction: choice.instruction } : {}) };
    await propose("Rewrite", `${api}/ai/rewrite`, body);
  }

  function needJob() {
    const job = jobText();
    if (!job) { R.toast("Paste the job description first.", "error"); document.querySelector("[data-ai-job]").focus(); }
    return job;
  }

  setupLetter({ R, api, root }, { ready, needJob });

  root.querySelector("[data-ai-tailor]").addEventListener("click", async () => {
    const job = needJob();
    if (!job || !(await ready())) return;
    await propose("Tailor to this job", `${api}/ai/tailor`, { job }, {
      variantOption: true,
      intro: "Only your own facts, reworded and reordered for this job. Accept or reject each change.",
    });
  });

  return { enable, propose };
}
