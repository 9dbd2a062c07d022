// Per-stream subscription toggles and filters (max_fps, include_fields), sent as the protocol's
// subscribe and unsubscribe. The server checks the filters; its error is shown beside the stream.
const STREAMS = ["state", "trajectory", "events", "alert", "config", "metrics"];

export class SubscriptionControls {
  constructor(form, connection) {
    this.connection = connection;
    this.rows = new Map();
    this.lastChanged = null;
    for (const stream of STREAMS) form.append(this.row(stream));
    connection.addEventListener("protocol-error", (e) => this.refused(e.detail));
  }

  row(stream) {
    const row = document.createElement("fieldset");
    row.dataset.stream = stream;
    const legend = document.createElement("label");
    const enabled = Object.assign(document.createElement("input"), { type: "checkbox", name: "enabled" });
    enabled.checked = this.connection.subscriptions.has(stream);
    legend.append(enabled, ` ${stream}`);
    const maxFps = Object.assign(document.createElement("input"),
      { type: "number", name: "max_fps", min: "0", step: "any", placeholder: "max fps", title: "max_fps" });
    const fields = Object.assign(document.createElement("input"),
      { type: "text", name: "include_fields", placeholder: "fields, e.g. balls,cue", title: "include_fields" });
    const problem = document.createElement("p");
    problem.className = "problem";
    const apply = () => this.apply(stream, enabled.checked, maxFps.value, fields.value);
    enabled.addEventListener("change", apply);
    maxFps.addEventListener("change", apply);
    fields.addEventListener("change", apply);
    row.append(legend, maxFps, fields, problem);
    this.rows.set(stream, problem);
    return row;
  }

  apply(stream, enabled, maxFps, fields) {
    const filter = {};
    if (maxFps !== "") filter.max_fps = Number(maxFps);
    const names = fields.split(",").map((name) => name.trim()).filter(Boolean);
    if (names.length) filter.include_fields = names;
    this.rows.get(stream).textContent = "";
    this.lastChanged = stream;
    this.connection.setSubscription(stream, enabled, Object.keys(filter).length ? filter : null);
  }

  refused(error) {
    if (error.request_type === "subscribe" && this.lastChanged) this.rows.get(this.lastChanged).textContent = error.message;
  }
}
