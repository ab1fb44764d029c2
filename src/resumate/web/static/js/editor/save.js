// Saving: a moment after the last change, with If-Match so nothing is overwritten silently;
// one save at a time; backing off while offline or failing; flush() before what needs it saved.
const SAVE_DELAY = 700;

export function setupSave({ R, api, state, showState }, { body, errors, drafts, onConflict, held = () => 0 }) {
  let timer = null;

  // Saved, but for the dates that do not read (held at their last value, each says why at it).
  function showSaved() {
    const count = held();
    if (count) showState("error", `${count} date${count === 1 ? "" : "s"} not saved`);
    else showState("saved", "All changes saved");
  }

  function schedule(delay = SAVE_DELAY) {
    clearTimeout(timer);
    if (state.conflict) return;
    timer = setTimeout(save, delay);
  }

  function dirty() {
    return JSON.stringify(body()) !== state.saved;
  }

  async function save() {
    if (state.conflict) return;
    if (state.saving) { await state.saving; if (dirty()) schedule(0); return; }
    const sending = body();
    const text = JSON.stringify(sending);
    if (text === state.saved) { showSaved(); return; }
    showState("saving", "Saving…");
    state.saving = (async () => {
      try {
        const response = await R.request(api, {
          method: "PATCH",
          headers: { "Content-Type": "application/json", "If-Match": `"${state.version}"` },
          body: text,
        });
        if (response.ok) {
          const saved = await response.json();
          state.version = saved.version;
          state.saved = text;
          state.retryIn = 0;
          document.getElementById("current-version").value = String(state.version);
          errors.clear("save");
          if (dirty()) showState("pending", "Unsaved changes");
          else showSaved();
          return;
        }
        if (response.status === 412) { onConflict(); return; }
        if (response.status === 422) {
          const problem = await response.json();
          errors.show(problem.error.fields || [], "save");
          showState("error", "Not saved: fix the highlighted field");
          return;
        }
        retryLater(response.status === 503 ? "Server busy — retrying" : "Couldn't save — retrying");
      } catch {
        retryLater("Offline — retrying");
      }
    })();
    await state.saving;
    state.saving = null;
    if (!state.conflict && state.retryIn === 0 && dirty()) schedule();
  }

  // Back off while offline or failing; the edits stay in the page, and are kept in this
  // browser too, so closing the tab does not lose them.
  function retryLater(text) {
    state.retryIn = Math.min(30, Math.max(2, state.retryIn * 2 || 2));
    showState("offline", `${text} in ${state.retryIn} s`);
    drafts.keep();
    schedule(state.retryIn * 1000);
  }

  window.addEventListener("online", () => { if (dirty()) schedule(0); });
  window.addEventListener("beforeunload", (event) => {
    if (dirty() || state.saving) { drafts.keep(); event.preventDefault(); event.returnValue = ""; }
  });

  // Saves what is unsaved now; true once the server has it all.
  async function flush() {
    clearTimeout(timer);
    if (state.saving) await state.saving;
    if (dirty()) await save();
    return !dirty() && !state.conflict;
  }

  return { schedule, save, flush };
}
