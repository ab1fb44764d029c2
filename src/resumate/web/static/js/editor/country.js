// The country field: a name from the list (in the resume's language) or a typed ISO code is kept
// as the code ("DE") in the hidden input the document is read from; other text as it is.
export function setupCountry({ form }) {
  const shown = form.querySelector("[data-country]");
  const stored = form.querySelector('[data-field="basics.location.countryCode"]');
  if (!shown || !stored) return;
  const options = [...document.querySelectorAll("#country-names option")];
  const byName = new Map(options.map((option) => [option.value.toLocaleLowerCase(), option.dataset.code]));
  const byCode = new Map(options.map((option) => [option.dataset.code, option.value]));

  function codeFor(text) {
    const typed = text.trim();
    if (byCode.has(typed.toUpperCase())) return typed.toUpperCase();
    return byName.get(typed.toLocaleLowerCase()) || typed;
  }

  // Before the form's own listener reads the document: this one is on the field itself.
  shown.addEventListener("input", () => { stored.value = codeFor(shown.value); });
  // Once chosen or typed, the field names the country.
  shown.addEventListener("change", () => { shown.value = byCode.get(stored.value) || shown.value; });
  form.addEventListener("editor:filled", () => { shown.value = byCode.get(stored.value.toUpperCase()) || stored.value; });
}
