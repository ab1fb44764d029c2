// Buttons that copy an element's text (`data-copy="<id>"`); shown only where copying works.
const buttons = document.querySelectorAll("[data-copy]");

for (const button of buttons) {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener("click", async () => {
    const lines = [...source.querySelectorAll("li")].map((item) => item.textContent.trim());
    try {
      await navigator.clipboard.writeText(`${(lines.length ? lines : [source.textContent]).join("\n")}\n`);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy did not work — select the codes instead";
    }
    setTimeout(() => { button.textContent = label; }, 2500);
  });
}
