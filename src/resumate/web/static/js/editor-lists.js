// Lists in the editor: add, remove and reorder entries, bullet points and sections,
// by dragging a handle or from the keyboard (Alt+↑/↓ on a handle, or the move buttons).
(() => {
  "use strict";
  let counter = 0;
  let dragged = null;

  const ITEM = "[data-entry], [data-item]";

  function announce(message) {
    const region = document.querySelector("[data-announce]");
    if (region) { region.textContent = ""; requestAnimationFrame(() => { region.textContent = message; }); }
  }

  function changed(from) {
    from.dispatchEvent(new CustomEvent("editor:changed", { bubbles: true }));
  }

  function label(item) {
    if (item.dataset.label) return item.dataset.label;
    const name = item.querySelector("[data-entry-name]");
    if (name) return name.textContent.trim();
    const value = item.querySelector("[data-value]");
    if (value) return value.value.trim() || "Empty item";
    return item.querySelector("label")?.textContent.trim() || "Item";
  }

  function refresh(list) {
    const count = list.children.length;
    const section = list.closest("[data-section], [data-custom-section]");
    const badge = section && list.parentElement === section ? section.querySelector("[data-count]") : null;
    if (badge) badge.textContent = count || "";
    const empty = list.parentElement.querySelector(":scope > [data-list-empty]");
    if (empty) empty.hidden = count > 0;
  }

  function fromTemplate(template) {
    const id = `n${Date.now().toString(36)}${(counter += 1)}`;
    const html = template.innerHTML.replaceAll("__i__", id);
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  // "3 of 12": where an item stands among the items of its list (not what else the list holds).
  function place(item) {
    const items = [...item.parentElement.children].filter((el) => el.matches(ITEM));
    return `${items.indexOf(item) + 1} of ${items.length}`;
  }

  function move(item, delta, focusSelector) {
    const list = item.parentElement;
    const sibling = delta < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling?.matches(ITEM)) return;
    if (delta < 0) list.insertBefore(item, sibling); else list.insertBefore(sibling, item);
    announce(`${label(item)} moved to position ${place(item)}.`);
    item.querySelector(focusSelector)?.focus();
    changed(list);
  }

  function remove(item) {
    const list = item.parentElement;
    const next = item.nextElementSibling || item.previousElementSibling;
    const name = label(item);
    item.remove();
    refresh(list);
    announce(`${name} removed.`);
    (next?.querySelector("[data-handle]") || list.parentElement.querySelector("[data-add-entry], [data-add-string]"))?.focus();
    changed(list);
  }

  document.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target || !target.closest("[data-editor]")) return;
    if (target.matches("[data-add-entry]")) {
      const list = target.parentElement.querySelector(":scope > [data-list]");
      const entry = fromTemplate(target.parentElement.querySelector(":scope > [data-entry-template]"));
      list.append(entry);
      refresh(list);
      entry.querySelector("input, textarea")?.focus();
      changed(list);
    } else if (target.matches("[data-add-string]")) {
      const list = target.parentElement.querySelector(":scope > [data-strings]");
      const item = fromTemplate(target.parentElement.querySelector(":scope > [data-string-template]"));
      list.append(item);
      item.querySelector("[data-value]").focus();
      changed(list);
    } else if (target.matches("[data-remove-entry], [data-remove-item]")) {
      remove(target.closest(ITEM));
    } else if (target.matches("[data-move]")) {
      move(target.closest(ITEM), Number(target.dataset.move), `[data-move="${target.dataset.move}"]`);
    } else if (target.matches("[data-toggle]")) {
      const body = target.closest("[data-entry]").querySelector(".entry-body");
      body.hidden = !body.hidden;
      target.setAttribute("aria-expanded", String(!body.hidden));
      if (!body.hidden) body.querySelector("input, textarea")?.focus();
    }
  });

  // Enter in a bullet point adds the next one; Backspace in an empty one removes it.
  document.addEventListener("keydown", (event) => {
    const value = event.target.closest?.("[data-value]");
    if (value && event.key === "Enter") {
      event.preventDefault();
      const item = value.closest("[data-item]");
      const list = item.parentElement;
      const next = fromTemplate(list.parentElement.querySelector(":scope > [data-string-template]"));
      item.after(next);
      next.querySelector("[data-value]").focus();
      changed(list);
      return;
    }
    if (value && event.key === "Backspace" && value.value === "" && !event.repeat) {
      event.preventDefault();
      const item = value.closest("[data-item]");
      const previous = item.previousElementSibling?.querySelector("[data-value]");
      const list = item.parentElement;
      item.remove();
      previous?.focus();
      if (!previous) list.parentElement.querySelector("[data-add-string]")?.focus();
      changed(list);
      return;
    }
    const handle = event.target.closest?.("[data-handle]");
    if (handle && event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      move(handle.closest(ITEM), event.key === "ArrowUp" ? -1 : 1, "[data-handle]");
    }
  });

  // Dragging: only from a handle, and only within the list the item belongs to.
  document.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest("[data-handle]");
    if (handle) handle.closest(ITEM).draggable = true;
  });

  // A press on a handle that never became a drag leaves the item as it was.
  document.addEventListener("pointerup", (event) => {
    const handle = event.target.closest?.("[data-handle]");
    if (handle && !dragged) handle.closest(ITEM).draggable = false;
  });

  document.addEventListener("dragstart", (event) => {
    const item = event.target.closest?.(ITEM);
    if (!item || !item.draggable) return;
    dragged = item;
    item.classList.add("is-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", label(item));
  });

  document.addEventListener("dragover", (event) => {
    if (!dragged) return;
    // The item of the dragged one's list the pointer is over, even over an item within it.
    let over = event.target.closest?.(ITEM);
    while (over && over.parentElement !== dragged.parentElement) over = over.parentElement.closest(ITEM);
    if (!over || over === dragged) return;
    event.preventDefault();
    const box = over.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    over.parentElement.insertBefore(dragged, after ? over.nextElementSibling : over);
  });

  document.addEventListener("drop", (event) => { if (dragged) event.preventDefault(); });

  document.addEventListener("dragend", () => {
    if (!dragged) return;
    const item = dragged;
    dragged = null;
    item.classList.remove("is-dragging");
    item.draggable = false;
    const list = item.parentElement;
    announce(`${label(item)} moved to position ${place(item)}.`);
    changed(list);
  });

  window.EditorLists = { refresh, fromTemplate };
})();
