// Download PDF: save first (the PDF is printed from the saved resume), then ask for the PDF,
// waiting while the printer is busy (503, Retry-After), and hand the file to the browser.
export function setupDownload({ R, api }, { flush }) {
  const button = document.querySelector("[data-download]");
  const label = document.querySelector("[data-download-label]");
  const idle = label.innerHTML;

  async function fetchPdf() {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      label.textContent = "Preparing PDF…";
      const response = await R.request(`${api}/generate-pdf`, { method: "POST" });
      if (response.ok) {
        const pdf = await response.json();
        const link = document.createElement("a");
        link.href = pdf.url;
        link.download = "";
        document.body.append(link);
        link.click();
        link.remove();
        R.toast(`PDF ready: ${pdf.pages} page${pdf.pages === 1 ? "" : "s"}.`, "ok");
        return;
      }
      if (response.status !== 503) { R.toast(await R.errorMessage(response), "error"); return; }
      const wait = Number(response.headers.get("Retry-After") || 2);
      label.textContent = "Printer busy — waiting…";
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 10) * 1000));
    }
    R.toast("Our PDF printer is very busy right now. Please try again in a minute.", "error");
  }

  // The other formats are plain links to the saved resume; choosing one closes their menu.
  const formats = document.querySelector("[data-export-menu]");
  formats?.addEventListener("click", (event) => {
    if (event.target.closest("a")) formats.open = false;
  });

  button.addEventListener("click", async () => {
    button.disabled = true;
    button.classList.add("is-busy");
    label.textContent = "Saving…";
    try {
      if (!(await flush())) { R.toast("The PDF is printed from the saved resume; it couldn't be saved yet.", "error"); return; }
      await fetchPdf();
    } catch {
      R.toast("You seem to be offline. The PDF will be ready when you're back.", "error");
    } finally {
      button.disabled = false;
      button.classList.remove("is-busy");
      label.innerHTML = idle;
    }
  });
}
