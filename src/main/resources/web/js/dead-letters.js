// The dead-letter operator page: list with filters, inspect, replay and purge, over
// /api/v1/dead-letters (docs/PROTOCOL.md, "Dead-letter API"). The server's own error text is shown.
import { callJson } from "./api.js";
import { el } from "./dom.js";

const API = "/api/v1/dead-letters";
const form = document.getElementById("filter");
const message = document.getElementById("message");
const detail = document.getElementById("detail");

function filterQuery() {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value.trim()) query.set(name, value.trim());
  return query.toString();
}

function say(text) {
  message.textContent = text ?? "";
}

async function list() {
  const reply = await callJson("GET", `${API}?${filterQuery()}`);
  if (!reply.ok) return say(reply.body?.error);
  document.getElementById("summary").textContent = `${reply.body.count} shown, ${reply.body.pending} pending in all`;
  document.querySelector("#letters tbody").replaceChildren(...reply.body.dead_letters.map(row));
}

function row(letter) {
  const actions = el("td", { className: "actions" },
    el("button", { type: "button", textContent: "Inspect", onclick: () => inspect(letter.id) }),
    letter.status === "pending" ? el("button", { type: "button", textContent: "Replay", onclick: () => replay(letter.id) }) : null,
    letter.status !== "purged" ? el("button", { type: "button", textContent: "Purge", onclick: () => purge(letter.id) }) : null);
  const tr = el("tr", {},
    el("td", { textContent: new Date(letter.time).toLocaleString() }),
    el("td", { textContent: letter.route }),
    el("td", { textContent: letter.exception?.class?.split(".").pop() ?? "", title: letter.exception?.message ?? "" }),
    el("td", { textContent: letter.status }),
    el("td", { textContent: letter.attempts }),
    el("td", { textContent: `${letter.body_size} B` }),
    actions);
  tr.dataset.id = letter.id;
  return tr;
}

async function inspect(id) {
  const reply = await callJson("GET", `${API}/${encodeURIComponent(id)}`);
  if (!reply.ok) return say(reply.body?.error);
  detail.hidden = false;
  detail.textContent = JSON.stringify(reply.body, null, 2);
}

async function replay(id) {
  const reply = await callJson("POST", `${API}/${encodeURIComponent(id)}/replay`);
  say(reply.ok ? `${id}: ${reply.body.result}${reply.body.error ? ` (${reply.body.error})` : ""}` : reply.body?.error);
  await list();
}

async function purge(id) {
  const reply = await callJson("DELETE", `${API}/${encodeURIComponent(id)}`);
  say(reply.ok ? `${id}: purged` : reply.body?.error);
  await list();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  list();
});
document.getElementById("purge-filtered").addEventListener("click", async () => {
  const reply = await callJson("DELETE", `${API}?${filterQuery()}`);
  say(reply.ok ? `purged ${reply.body.count}` : reply.body?.error);
  await list();
});
list();
