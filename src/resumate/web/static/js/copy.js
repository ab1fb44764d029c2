// Copying to the clipboard from a button, which says for a moment whether it worked. Buttons
// with `data-copy="<id>"` copy that element's text (its list items a line each) and are shown
// only where copying works; other modules call copy() with text of their own.
export const canCopy = () => Boolean(navigator.clipboard);

export async function copy(button, text, failed = "Copy did not work — select the text instead") {
  const label = [...button.childNodes];
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = failed;
  }
  setTimeout(() => { button.replaceChildren(...label); }, 2500);
}

for (const button of document.querySelectorAll("[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !canCopy()) continue;
  button.hidden = false;
  button.addEventListener("click", () => {
    const lines = [...source.querySelectorAll("li")].map((item) => item.textContent.trim());
    copy(button, `${(lines.length ? lines : [source.textContent]).join("\n")}\n`,
      "Copy did not work — select the codes instead");
  });
}
