// The editor's Assistant: what it can do here (and who would see the text), job match, the
// writing check, and proposals that become a new version only when accepted.
import { getJSON, postJSON } from "./api.js";
import { clearNotes, forgetNotesOnEdit, showFindings } from "./check.js";
import { busy, h } from "./dom.js";
import { writeChanges } from "./fields.js";
import { showMatch } from "./match.js";
import { proposalDialog } from "./review.js";
import { setupWriting } from "./write.js";

const sameData = (a, b) => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameData(a[key], b[key]));
};

// "en", "de" → "English, German", in the page's language.
function languageNames(codes) {
  const names = new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" });
  return codes.map((code) => { try { return names.of(code); } catch { return code; } }).join(", ");
}

function privacyLine({ generation, budget }) {
  const offline = "Job match and the writing check run on this server, with no model: nothing leaves it.";
  if (!generation?.on) {
    return [h("strong", { text: "Writing help is off. " }), offline, " ",
      h("span", { "data-ai-how": true, text: generation?.howToTurnOn || "" })];
  }
  const spent = budget ? ` Today you have used ${budget.usedToday.toLocaleString()} of your ${budget.dailyTokens.toLocaleString()} tokens.` : "";
  return [h("strong", { text: `Writing help uses ${generation.description || generation.provider}.` }),
    " When you ask for a rewrite, tailoring or a letter, your resume text — never your contact details — is sent there. ",
    offline, spent];
}

export function setupAssistant(page, { body, flush, preview }) {
  const { R, api, form, state, showState } = page;
  const root = document.querySelector("[data-assistant]");
  if (!root) return;
  const dialog = proposalDialog(page);
  const jobBox = root.querySelector("[data-ai-job]");
  const jobText = () => jobBox.value.trim();

  // ---- accepted changes become a new version (or a tailored copy) ----------------------------
  async function applyWith(changes, asVariant) {
    if (!(await flush())) return "Your edits are not saved yet. Close this, let them save, and apply again.";
    const payload = { changes, ...(asVariant ? { variant: { job: jobText() } } : {}) };
    let answer;
    try {
      answer = await postJSON(R, `${api}/ai/apply`, payload, { "If-Match": `"${state.version}"` });
    } catch (problem) {
      if (problem.status === 412) return "The resume changed since this was proposed. Close this and ask again.";
      return [problem.message, ...problem.fields.map((field) => field.message)].join(" ");
    }
    const { resume, applied = [], dropped = [] } = answer.body;
    if (answer.status === 201) { location.assign(`/resumes/${resume.id}/edit`); return null; }
    const written = writeChanges(form, applied);
    state.version = resume.version;
    document.getElementById("current-version").value = String(state.version);
    if (!written || !sameData(body().data, resume.data)) {
      // The form could not show it faithfully: load the page as the server has it now.
      state.saved = JSON.stringify(body());
      location.reload();
      return null;
    }
    form.dispatchEvent(new CustomEvent("assistant:applied"));
    state.saved = JSON.stringify(body());
    clearNotes(form);
    preview.schedule();
    showState("saved", "All changes saved");
    const left = dropped.length ? ` ${dropped.length} left out: ${dropped.map((d) => d.reason).join("; ")}.` : "";
    R.toast(`${applied.length} change${applied.length === 1 ? "" : "s"} applied as version ${resume.version}. History can undo it.${left}`, "ok");
    return null;
  }

  const writing = setupWriting(page, { dialog, flush, applyWith, jobText });

  // ---- what the assistant can do here ----------------------------------------------------------
  const privacy = root.querySelector("[data-ai-privacy]");
  getJSON(R, "/api/ai/status").then((status) => {
    privacy.replaceChildren(...privacyLine(status));
    privacy.dataset.generation = status.generation?.on ? "on" : "off";
    const spelling = status.analyzers?.spelling || [];
    if (spelling.length) root.querySelector("[data-ai-spelling]").textContent = ` Spelling in ${languageNames(spelling)}.`;
    if (status.generation?.on) {
      document.querySelectorAll("[data-needs-generation]").forEach((el) => { el.hidden = false; });
      writing.enable();
    }
  }).catch(() => {
    privacy.textContent = "The assistant is not available right now. Your resume is not affected.";
  });

  async function ready() {
    if (await flush()) return true;
    R.toast("Your edits are not saved yet; the assistant works on the saved resume. Try again in a moment.", "error");
    return false;
  }

  // ---- job match --------------------------------------------------------------------------------
  const matchBox = root.querySelector("[data-ai-match-result]");
  root.querySelector("[data-ai-match]").addEventListener("click", (event) => busy(event.currentTarget, async () => {
    const job = jobText();
    if (!job) { R.toast("Paste the job description first.", "error"); jobBox.focus(); return; }
    if (!(await ready())) return;
    try {
      showMatch(matchBox, form, (await postJSON(R, `${api}/ai/match`, { job })).body);
    } catch (problem) {
      matchBox.replaceChildren(h("p", { class: "field-error", text: problem.message }));
    }
  }));

  // ---- the writing check --------------------------------------------------------------------------
  const findingsBox = root.querySelector("[data-ai-findings]");
  const suggest = (finding) => dialog.review("Suggested edit", {
    changes: [{ ...finding.suggestion, ...(finding.confirm ? { confirm: finding.confirm } : {}) }], flags: [],
  }, { applyWith, intro: finding.message });
  root.querySelector("[data-ai-check]").addEventListener("click", (event) => busy(event.currentTarget, async () => {
    if (!(await ready())) return;
    try {
      showFindings(findingsBox, form, (await postJSON(R, `${api}/ai/check`, {})).body, { suggest });
    } catch (problem) {
      findingsBox.replaceChildren(h("p", { class: "field-error", text: problem.message }));
    }
  }));
  forgetNotesOnEdit(form);
}
