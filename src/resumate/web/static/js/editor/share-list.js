// The links of a resume, one row each: who it is for, whether it still opens, how often it was
// seen and downloaded, what it hides; the link itself to copy, and Withdraw (asked twice).
import { h, icon } from "./assistant/dom.js";

const STATES = { active: "Active", expired: "Expired", revoked: "Withdrawn" };
const HIDDEN = [["phone", "phone"], ["email", "e-mail"], ["address", "street address"], ["photo", "photo"]];
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function counts(share) {
  return `${plural(share.views, "view")} · ${plural(share.downloads, "download")}`;
}

// "Hides phone and photo" — what a visitor does not see; the employer's stand-in apart.
export function hides(redact) {
  const words = HIDDEN.filter(([key]) => redact[key]).map(([, word]) => word);
  const listed = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0];
  const parts = [listed ? `Hides ${listed}` : "Hides nothing"];
  if (redact.employer) parts.push(`current employer shown as “${redact.employer}”`);
  return parts.join("; ");
}

// The settings worth a glance: password, expiry, frozen or latest, download, search engines.
export function facts(share, now = new Date()) {
  const found = [share.hasPassword ? "Password" : "No password"];
  if (share.expiresAt) {
    const end = new Date(share.expiresAt);
    found.push(`${end > now ? "Until" : "Ended"} ${day.format(end)}`);
  }
  found.push(share.snapshot ? `Resume as of ${day.format(new Date(share.createdAt))}` : "Always the latest version");
  if (!share.allowDownload) found.push("No PDF download");
  if (share.indexable && !share.hasPassword) found.push("Listed by search engines");
  return found.join(" · ");
}

// A link and its Copy button (shown only where the clipboard works).
export function urlRow(url, copyButton, name) {
  return h("div", { class: "share-url-row" },
    h("a", { class: "share-url", href: url, target: "_blank", rel: "noopener noreferrer", text: url }),
    copyButton(url, name));
}

function confirmBox(share, { onWithdraw, onKeep }) {
  const yes = h("button", { type: "button", class: "btn btn-danger btn-small", text: "Withdraw link" });
  const no = h("button", { type: "button", class: "btn btn-small", text: "Keep it", onclick: onKeep });
  yes.addEventListener("click", () => onWithdraw(yes));
  const box = h("div", { class: "share-confirm", role: "group", "aria-label": `Withdraw the link for ${share.label}?` },
    h("p", { text: "Withdraw this link? It stops opening at once; its counts stay here." }),
    h("div", { class: "share-actions" }, yes, no));
  return { box, no };
}

// One row; `withdraw(share, button)` asks the server, and draws the row again when it is done.
export function shareItem(share, { copyButton, withdraw }) {
  const active = share.state === "active";
  const item = h("li", { class: "share-item", "data-share-id": share.id, "data-state": share.state, tabindex: "-1" },
    h("div", { class: "share-item-head" },
      h("p", { class: "share-item-label", text: share.label }),
      h("span", { class: `share-state share-state-${share.state}`, text: STATES[share.state] || share.state })),
    h("p", { class: "share-counts", text: counts(share) }),
    h("p", { class: "share-hides", text: hides(share.redact) }),
    h("p", { class: "share-facts", text: facts(share) }));
  if (!active) return item;

  item.append(urlRow(share.url, copyButton, share.label));
  const ask = h("button", { type: "button", class: "btn btn-quiet btn-small btn-danger-quiet" },
    icon("close"), "Withdraw", h("span", { class: "sr-only", text: ` the link for ${share.label}` }));
  const actions = h("div", { class: "share-actions" }, ask);
  item.append(actions);
  ask.addEventListener("click", () => {
    const { box, no } = confirmBox(share, {
      onKeep: () => { box.remove(); actions.hidden = false; ask.focus(); },
      onWithdraw: (button) => withdraw(share, button),
    });
    actions.hidden = true;
    item.append(box);
    no.focus();
  });
  return item;
}
