// What needs a model: "Rewrite" beside each summary and bullet, "Tailor to this job", and the
// cover letter, which streams into the panel. Each proposal goes to the review dialog.
import { AssistantError, streamJSON } from "./api.js";
import { h, icon } from "./dom.js";
import { mayRewrite, pathOf } from "./fields.js";
import { readable } from "./review.js";

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

  root.querySelector("[data-ai-tailor]").addEventListener("click", async () => {
    const job = needJob();
    if (!job || !(await ready())) return;
    await propose("Tailor to this job", `${api}/ai/tailor`, { job }, {
      variantOption: true,
      intro: "Only your own facts, reworded and reordered for this job. Accept or reject each change.",
    });
  });

  // ---- The cover letter ------------------------------------------------------------------------
  const letter = root.querySelector("[data-ai-letter]");
  const $ = (selector) => letter.querySelector(selector);
  const text = $("[data-ai-letter-text]");
  const progress = $("[data-ai-letter-progress]");
  const cancel = $("[data-ai-letter-cancel]");
  const copy = $("[data-ai-letter-copy]");
  const save = $("[data-ai-letter-download]");
  let writing = null;
  let raw = "";

  root.querySelector("[data-ai-cover]").addEventListener("click", async (event) => {
    const job = needJob();
    if (!job || writing || !(await ready())) return;
    const button = event.currentTarget;
    letter.hidden = false;
    text.value = "";
    raw = "";
    $("[data-ai-letter-flags]").replaceChildren();
    progress.textContent = "Writing your letter…";
    [copy.disabled, save.disabled, cancel.hidden, button.disabled] = [true, true, false, true];
    writing = new AbortController();
    letter.scrollIntoView({ block: "start" });
    try {
      const result = await streamJSON(R, `${api}/ai/cover-letter`, { job }, {
        signal: writing.signal,
        onProgress: (update) => { progress.textContent = update.message || progress.textContent; },
        onDelta: (delta) => { raw += delta; text.value = readable(raw); text.scrollTop = text.scrollHeight; },
      });
      text.value = result.text;
      $("[data-ai-letter-flags]").replaceChildren(...(result.flags || []).map((flag) => h("li", { text: flag.message })));
      progress.textContent = result.flags?.length
        ? "Done. Check the notes below: the letter states something your resume does not."
        : "Done. Read it through and make it yours.";
    } catch (problem) {
      progress.textContent = writing.signal.aborted ? "Cancelled." : problem.message || "The assistant could not be reached.";
    } finally {
      writing = null;
      [copy.disabled, save.disabled, cancel.hidden, button.disabled] = [!text.value, !text.value, true, false];
    }
  });
  cancel.addEventListener("click", () => writing?.abort());
  copy.addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(text.value); R.toast("Copied.", "ok"); }
    catch { text.select(); R.toast("Press Ctrl+C (⌘C) to copy the selected letter.", "info"); }
  });
  save.addEventListener("click", () => {
    const link = h("a", { href: URL.createObjectURL(new Blob([text.value], { type: "text/plain;charset=utf-8" })), download: "cover-letter.txt" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  return { enable, propose };
}
