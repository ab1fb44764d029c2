// What was sent, kept as sent: the drawer lists each link made and each PDF downloaded for an
// application, newest first under each application, with the PDF exactly as it went; a PDF
// downloaded here for a named application is kept the same way.
import { busy, h, icon } from "./assistant/dom.js";

const KINDS = { link: "Link", download: "PDF" };
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function item(record) {
  const name = `${record.application}, ${when.format(new Date(record.createdAt))}`;
  return h("li", { class: "sent-item" },
    h("div", { class: "share-item-head" },
      h("strong", { class: "share-item-label", text: record.application }),
      h("span", { class: "share-state sent-kind", text: KINDS[record.kind] || record.kind }),
    ),
    h("p", { class: "share-facts", text: `${when.format(new Date(record.createdAt))} · ${record.pages} ${record.pages === 1 ? "page" : "pages"}` }),
    h("a", { class: "btn btn-small", href: record.pdfUrl, download: "", "aria-label": `PDF as sent to ${name}` },
      icon("download"), " PDF as sent"),
  );
}

export function setupSent({ R, api }) {
  const dialog = document.getElementById("share-dialog");
  const form = dialog.querySelector("[data-sent-form]");
  const input = form.elements.application;
  const error = dialog.querySelector("[data-sent-error]");
  const button = dialog.querySelector("[data-sent-make]");
  const list = dialog.querySelector("[data-sent-list]");
  const status = dialog.querySelector("[data-sent-status]");

  function say(message) {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  async function load() {
    try {
      const response = await R.request(`${api}/sent`);
      if (!response.ok) {
        status.textContent = await R.errorMessage(response);
        return;
      }
      const { items } = await response.json();
      list.replaceChildren(...items.map(item));
      status.textContent = items.length ? "" : "Nothing sent yet.";
    } catch {
      status.textContent = "You seem to be offline: what you sent is not shown.";
    }
  }

  async function send() {
    const application = input.value.trim();
    if (!application) {
      say("Say which application the PDF is for.");
      input.focus();
      return;
    }
    say("");
    try {
      const response = await R.request(`${api}/sent`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ application }),
      });
      if (!response.ok) {
        say(await R.errorMessage(response));
        return;
      }
      const record = await response.json();
      form.reset();
      await load();
      // The same file the list now keeps: downloaded as it was recorded.
      const link = h("a", { href: record.pdfUrl, download: "" });
      document.body.append(link);
      link.click();
      link.remove();
    } catch {
      say("You seem to be offline: nothing was downloaded. Try again.");
    }
  }

  input.addEventListener("input", () => say(""));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(button, send);
  });
  document.querySelector("[data-open-share]").addEventListener("click", load);
  return { load };
}
