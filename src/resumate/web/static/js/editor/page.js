// What every part of the editor shares: its elements, the resume as the page was served, and
// the state the saves keep.
export function readPage(root) {
  const json = (id) => JSON.parse(document.getElementById(id).textContent);
  const title = document.querySelector("[data-title]");
  const stateBox = document.querySelector("[data-save-state]");
  const stateText = document.querySelector("[data-save-text]");
  const resumeId = root.dataset.resumeId;
  return {
    R: window.Resumate,
    root,
    form: document.getElementById("editor-form"),
    frame: document.querySelector("[data-preview]"),
    titleInput: title,
    resumeId,
    api: `/api/resumes/${resumeId}`,
    original: json("resume-data"),
    defaults: json("template-defaults"),
    state: {
      version: Number(root.dataset.version),
      templateId: root.dataset.templateId,
      theme: json("resume-theme"),
      title: title.value,
      saved: null, // the last body the server accepted, as JSON text
      saving: null, // the promise of the save in flight
      retryIn: 0,
      conflict: false,
    },
    // The save state in the top bar: its kind (the dot) and what it says.
    showState(kind, text) {
      stateBox.dataset.saveState = kind;
      stateText.textContent = text;
    },
  };
}
