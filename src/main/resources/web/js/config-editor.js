// The live config sections (/api/v1/config), each an editable form. A change is sent as one PATCH
// of the edited keys; when the server refuses it, each of its problems is shown beside the field
// it names (docs/OPERATIONS.md, "Live configuration").
import { callJson } from "./api.js";
import { el } from "./dom.js";

const main = document.getElementById("sections");
const message = document.getElementById("message");

async function load() {
  const reply = await callJson("GET", "/api/v1/config");
  if (!reply.ok) {
    message.textContent = reply.body?.error ?? `HTTP ${reply.status}`;
    return;
  }
  for (const [section, values] of Object.entries(reply.body.sections)) main.append(sectionForm(section, values));
}

function sectionForm(section, values) {
  const form = el("form", { className: "config-section" }, el("h2", { textContent: section }));
  form.dataset.section = section;
  for (const [key, value] of Object.entries(values)) {
    const input = el("input", { name: key, value: String(value), inputMode: "decimal" });
    input.dataset.saved = String(value);
    form.append(el("label", { className: "config-field" }, el("span", { textContent: key }), input,
      el("span", { className: "problem" })));
  }
  const outcome = el("p", { className: "outcome" });
  form.append(el("button", { type: "submit", textContent: `Save ${section}` }), outcome);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(form, section, outcome);
  });
  return form;
}

async function save(form, section, outcome) {
  const changes = {};
  for (const input of form.querySelectorAll("input")) {
    if (input.value !== input.dataset.saved) changes[input.name] = Number.isFinite(Number(input.value)) && input.value.trim() !== ""
      ? Number(input.value) : input.value;
  }
  form.querySelectorAll(".problem").forEach((problem) => { problem.textContent = ""; });
  const reply = await callJson("PATCH", `/api/v1/config/${section}`, changes);
  if (reply.ok) {
    for (const [key, value] of Object.entries(reply.body.config)) {
      const input = form.elements[key];
      if (input) input.value = input.dataset.saved = String(value);
    }
    const changed = Object.keys(reply.body.change_summary ?? {});
    outcome.textContent = changed.length ? `saved: ${changed.join(", ")}` : "nothing changed";
    return;
  }
  const unplaced = [];
  for (const problem of reply.body?.problems?.length ? reply.body.problems : [reply.body?.error]) {
    const field = [...form.querySelectorAll("input")].find((input) => problem?.includes(`.${section}.${input.name}'`));
    if (field) field.nextElementSibling.textContent = problem;
    else unplaced.push(problem);
  }
  outcome.textContent = unplaced.length ? unplaced.join("; ") : "nothing was changed: see the fields";
}

load();
