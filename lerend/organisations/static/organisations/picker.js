// The people picker (organisations/picker.py): a combobox over the search endpoint.
// Progressive enhancement only: without this file the search button posts the form back
// and the page lists the matches as checkboxes. Loaded once per picker; runs once.
(() => {
  if (window.lerendPeoplePicker) return;
  window.lerendPeoplePicker = true;

  const fill = (text, name) => text.replace("{name}", name);

  function enhanceChip(picker, chip) {
    const input = chip.querySelector("input");
    const name = chip.textContent.trim();
    chip.querySelector("label").classList.add("chip__text");
    input.classList.add("visually-hidden");
    input.tabIndex = -1;
    input.setAttribute("aria-hidden", "true");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "chip__remove";
    remove.setAttribute("aria-label", fill(picker.dataset.removeLabel, name));
    remove.textContent = "×";
    remove.addEventListener("click", () => {
      chip.remove();
      announce(picker, fill(picker.dataset.removedText, name));
      markEmpty(picker);
      picker.querySelector("input[type=search]").focus();
    });
    chip.appendChild(remove);
  }

  function markEmpty(picker) {
    const list = picker.querySelector(".picker__chosen");
    list.toggleAttribute("data-empty", !list.querySelector("li"));
  }

  function announce(picker, text) {
    const status = picker.querySelector("[data-picker-status]");
    status.textContent = "";
    // A new node each time, so screen readers read a repeated text again.
    window.setTimeout(() => { status.textContent = text; }, 30);
  }

  function init(picker) {
    if (picker.dataset.ready) return;
    picker.dataset.ready = "1";
    const box = picker.querySelector("input[type=search]");
    const button = picker.querySelector(".picker__button");
    const chosen = picker.querySelector(".picker__chosen");
    const multiple = picker.dataset.multiple === "1";
    const listbox = document.createElement("ul");
    listbox.id = picker.dataset.field + "_listbox";
    listbox.className = "picker__listbox";
    listbox.setAttribute("role", "listbox");
    const label = document.querySelector(`label[for="${box.id}"]`);
    if (label) {
      if (!label.id) label.id = box.id + "_label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    picker.querySelector(".picker__search").after(listbox);
    button.hidden = true;
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", listbox.id);
    chosen.querySelectorAll("li").forEach((chip) => enhanceChip(picker, chip));

    let timer = null;
    let active = -1;
    let request = 0;

    const options = () => Array.from(listbox.querySelectorAll("[role=option]"));

    function open(show) {
      listbox.hidden = !show;
      box.setAttribute("aria-expanded", show ? "true" : "false");
      if (!show) setActive(-1);
    }

    function setActive(index) {
      const all = options();
      all.forEach((option, i) => {
        option.classList.toggle("is-active", i === index);
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        box.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }

    async function search(page, append) {
      const mine = ++request;
      const params = new URLSearchParams({
        scope: picker.dataset.scope, q: box.value, field: picker.dataset.field, page: String(page),
      });
      let html;
      try {
        const response = await fetch(`${picker.dataset.url}?${params}`, {
          headers: { "HX-Request": "true" }, credentials: "same-origin",
        });
        if (!response.ok) return;
        html = await response.text();
      } catch (error) {
        return;
      }
      if (mine !== request) return; // an older answer after a newer one
      const holder = document.createElement("ul");
      holder.innerHTML = html;
      const summary = holder.querySelector("[data-picker-summary]");
      if (summary) summary.remove();
      const taken = new Set(Array.from(chosen.querySelectorAll("input")).map((i) => i.value));
      holder.querySelectorAll("[data-value]").forEach((option) => {
        if (taken.has(option.dataset.value)) option.remove();
      });
      const first = append ? options().length - 1 : 0;
      if (append) listbox.querySelector(".picker__more")?.remove();
      else listbox.replaceChildren();
      listbox.append(...holder.children);
      open(options().length > 0);
      if (append) setActive(Math.max(0, first));
      if (summary) announce(picker, summary.textContent);
    }

    function choose(option) {
      if (option.dataset.more) {
        search(Number(option.dataset.more), true);
        return;
      }
      const name = option.dataset.label;
      if (!multiple) chosen.replaceChildren();
      const chip = document.createElement("li");
      chip.className = "chip";
      const text = document.createElement("label");
      text.className = "chip__label";
      const input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = picker.dataset.name;
      input.value = option.dataset.value;
      input.checked = true;
      text.append(input, " " + name);
      chip.append(text);
      chosen.append(chip);
      enhanceChip(picker, chip);
      markEmpty(picker);
      // The no-JS list of matches (after a search without script) no longer applies.
      picker.querySelector(".picker__found")?.remove();
      box.value = "";
      open(false);
      listbox.replaceChildren();
      announce(picker, fill(picker.dataset.addedText, name));
      box.focus();
    }

    box.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => search(1, false), 200);
    });
    box.addEventListener("focus", () => {
      if (!options().length) search(1, false);
    });
    box.addEventListener("keydown", (event) => {
      const all = options();
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (listbox.hidden) { search(1, false); return; }
        setActive(Math.min(active + 1, all.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive(Math.max(active - 1, 0));
      } else if (event.key === "Home" && !listbox.hidden) {
        event.preventDefault(); setActive(0);
      } else if (event.key === "End" && !listbox.hidden) {
        event.preventDefault(); setActive(all.length - 1);
      } else if (event.key === "Enter") {
        // A search box never submits the form: Enter picks the highlighted person.
        event.preventDefault();
        if (!listbox.hidden && all[active]) choose(all[active]);
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); open(false); }
        else if (box.value) { event.preventDefault(); box.value = ""; }
      } else if (event.key === "Tab") {
        open(false);
      }
    });
    box.addEventListener("blur", () => window.setTimeout(() => {
      if (!picker.contains(document.activeElement)) open(false);
    }, 150));
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) choose(option);
    });
  }

  function start() { document.querySelectorAll("[data-picker]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  document.addEventListener("htmx:afterSettle", start);
})();
