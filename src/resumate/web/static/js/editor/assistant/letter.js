// The cover letter: drafted by the model into the panel (streamed, cancellable), then the
// person's own text to edit, copy, or download as a PDF in the resume's design (or as text).
import { AssistantError, streamJSON } from "./api.js";
import { busy, h } from "./dom.js";
import { readable } from "./review.js";

// Today where the person is, as the letter's date: "2026-12-04".
function localDate() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The file name the server chose (RFC 6266, the UTF-8 form first), else `fallback`.
function fileName(response, fallback) {
  const header = response.headers.get("content-disposition") || "";
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) { try { return decodeURIComponent(utf8[1]); } catch { /* malformed: use the plain one */ } }
  return /filename="([^"]+)"/i.exec(header)?.[1] || fallback;
}

function saveBlob(blob, name) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function setupLetter({ R, api, root }, { ready, needJob }) {
  const letter = root.querySelector("[data-ai-letter]");
  const $ = (selector) => letter.querySelector(selector);
  const text = $("[data-ai-letter-text]");
  const recipient = $("[data-ai-letter-recipient]");
  const progress = $("[data-ai-letter-progress]");
  const flags = $("[data-ai-letter-flags]");
  const cancel = $("[data-ai-letter-cancel]");
  const outputs = [...letter.querySelectorAll("[data-ai-letter-output]")];
  let writing = null;

  const settle = () => {
    const empty = !text.value.trim();
    outputs.forEach((button) => { button.disabled = empty; });
  };

  root.querySelector("[data-ai-cover]").addEventListener("click", async (event) => {
    const job = needJob();
    if (!job || writing || !(await ready())) return;
    const button = event.currentTarget;
    letter.hidden = false;
    text.value = "";
    text.readOnly = true;
    let raw = "";
    flags.replaceChildren();
    progress.textContent = "Writing your letter…";
    outputs.forEach((output) => { output.disabled = true; });
    [cancel.hidden, button.disabled] = [false, true];
    writing = new AbortController();
    letter.scrollIntoView({ block: "start" });
    try {
      const result = await streamJSON(R, `${api}/ai/cover-letter`, { job }, {
        signal: writing.signal,
        onProgress: (update) => { progress.textContent = update.message || progress.textContent; },
        onDelta: (delta) => { raw += delta; text.value = readable(raw); text.scrollTop = text.scrollHeight; },
      });
      text.value = result.text;
      flags.replaceChildren(...(result.flags || []).map((flag) => h("li", { text: flag.message })));
      progress.textContent = result.flags?.length
        ? "Done. Check the notes below: the letter states something your resume does not."
        : "Done. Read it through and make it yours: the letter is yours to edit.";
    } catch (problem) {
      progress.textContent = writing.signal.aborted ? "Cancelled." : problem.message || "The assistant could not be reached.";
    } finally {
      writing = null;
      text.readOnly = false;
      [cancel.hidden, button.disabled] = [true, false];
      settle();
    }
  });
  text.addEventListener("input", settle);
  cancel.addEventListener("click", () => writing?.abort());

  $("[data-ai-letter-copy]").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(text.value); R.toast("Copied.", "ok"); }
    catch { text.select(); R.toast("Press Ctrl+C (⌘C) to copy the selected letter.", "info"); }
  });
  $("[data-ai-letter-text-file]").addEventListener("click", () => {
    saveBlob(new Blob([text.value], { type: "text/plain;charset=utf-8" }), "cover-letter.txt");
  });
  $("[data-ai-letter-pdf]").addEventListener("click", (event) => busy(event.currentTarget, async () => {
    const body = { text: text.value, date: localDate(), ...(recipient.value.trim() ? { recipient: recipient.value } : {}) };
    try {
      const response = await R.request(`${api}/cover-letter.pdf`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/pdf" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        let problem = null;
        try { problem = (await response.json()).error; } catch { /* not JSON */ }
        throw new AssistantError(response.status, problem);
      }
      saveBlob(await response.blob(), fileName(response, "cover-letter.pdf"));
      R.toast("Your letter is downloading, in your resume's design.", "ok");
    } catch (problem) {
      const detail = problem instanceof AssistantError ? [problem.message, ...problem.fields.map((f) => f.message)].join(" ") : "";
      R.toast(detail || "The PDF could not be made. Please try again.", "error");
    }
  }));
}
