// The Design tab: the theme controls the server renders ([data-theme]), the accent swatches,
// the template choice and the reset to the template's design.
export function setupDesign({ form, root, frame, state, defaults }, { onChange }) {
  // The template's design options are the controls the page has for them; the paper size is
  // the person's own choice (data-keep-on-reset), which a reset leaves as it is.
  const designControls = [...form.querySelectorAll("[data-theme]:not([data-keep-on-reset])")];
  const designKeys = [...new Set(designControls.map((input) => input.dataset.theme))];

  // A slider's value beside it, whole numbers for a whole-number slider ("18 mm").
  function showOutput(input, value) {
    const output = form.querySelector(`[data-output="${input.dataset.theme}"]`);
    if (output) output.textContent = `${input.step === "1" ? Math.round(value) : value}${input.dataset.unit || ""}`;
  }

  function applyInput(input) {
    const key = input.dataset.theme;
    let value = input.value;
    if (input.type === "range") value = Number(value);
    if (input.type === "checkbox") value = input.checked;
    if (input.type === "radio" && !input.checked) return;
    state.theme[key] = value === "" ? null : value;
    showOutput(input, value);
    markSwatch();
  }

  function markSwatch() {
    const colour = (state.theme.accentColor || defaults[state.templateId]?.accentColor || "").toLowerCase();
    form.querySelectorAll("[data-swatch]").forEach((s) => s.setAttribute("aria-pressed", String(s.dataset.swatch.toLowerCase() === colour)));
  }

  // Controls show the resume's own choice, or the template's default where it has none.
  function show() {
    const base = defaults[state.templateId] || {};
    for (const input of designControls) showControl(input, base);
    markSwatch();
  }

  function showControl(input, base) {
    const value = state.theme[input.dataset.theme] ?? base[input.dataset.theme];
    if (input.type === "radio") input.checked = input.value === value;
    else if (input.type === "checkbox") input.checked = Boolean(value);
    else { input.value = value ?? ""; showOutput(input, value); }
  }

  // Every control, the template's choice among them, as a whole theme says (an undo).
  function showTheme() {
    const base = defaults[state.templateId] || {};
    form.querySelector("[data-template-select]").value = state.templateId;
    for (const input of form.querySelectorAll("[data-theme]")) showControl(input, base);
    markSwatch();
  }

  form.addEventListener("click", (event) => {
    const swatch = event.target.closest("[data-swatch]");
    if (swatch) {
      const picker = form.querySelector('[data-theme="accentColor"]');
      picker.value = swatch.dataset.swatch;
      applyInput(picker);
      onChange();
    }
    if (event.target.closest("[data-reset-theme]")) {
      for (const key of designKeys) state.theme[key] = null;
      show();
      onChange();
    }
  });

  form.querySelector("[data-template-select]").addEventListener("change", (event) => {
    state.templateId = event.target.value;
    show();
  });

  // "Automatic" names the language the preview prints in: the resume's meta or script can change
  // it while the person types, and the frame's root carries it (lang).
  const automatic = form.querySelector('[data-theme="language"] option[value=""]');
  root.addEventListener("preview:updated", () => {
    const shown = frame.contentDocument?.documentElement.lang;
    const named = form.querySelector(`[data-theme="language"] option[value="${CSS.escape(shown || "")}"]`);
    if (automatic && !state.theme.language && named && named !== automatic) {
      automatic.textContent = `Automatic (${named.textContent})`;
    }
  });

  return { applyInput, markSwatch, showTheme };
}
