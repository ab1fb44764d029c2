// A save refused with 412: the resume was saved elsewhere since this page loaded. Saving stops
// until the person chooses what to keep; the edits wait in the page and in this browser.
export function setupConflicts({ R, api, state, showState }, { body, drafts, save }) {
  const dialog = document.getElementById("conflict-dialog");

  function open() {
    state.conflict = true;
    drafts.keep();
    showState("conflict", "Changed elsewhere — choose what to keep");
    if (!dialog.open) dialog.showModal();
  }

  dialog.addEventListener("cancel", (event) => event.preventDefault());
  document.querySelector("[data-resolve-conflict]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    const choice = dialog.querySelector("input[name=conflict]:checked").value;
    button.disabled = true;
    try {
      if (choice === "theirs") { drafts.forget(); window.onbeforeunload = null; state.saved = JSON.stringify(body()); location.reload(); return; }
      if (choice === "copy") {
        const mine = body();
        const response = await R.request("/api/resumes", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...mine, title: `${mine.title} (my edits)`.slice(0, 200) }),
        });
        if (!response.ok) { R.toast(await R.errorMessage(response), "error"); return; }
        const copy = await response.json();
        drafts.forget();
        state.saved = JSON.stringify(body());
        location.assign(`/resumes/${copy.id}/edit`);
        return;
      }
      const latest = await R.request(api);
      if (!latest.ok) { R.toast(await R.errorMessage(latest), "error"); return; }
      state.version = (await latest.json()).version;
      state.conflict = false;
      dialog.close();
      await save();
      R.toast("Your version is saved. The other one is in History.", "ok");
    } finally {
      button.disabled = false;
    }
  });

  return { open };
}
