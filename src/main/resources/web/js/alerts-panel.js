// `alert` messages, each with a button that sends the protocol's `ack` for it; the server's
// `acked` reply marks it acknowledged.
export class AlertsPanel {
  constructor(list, connection) {
    this.list = list;
    this.connection = connection;
    this.items = new Map(); // table:sequence -> list item
    this.lastAsked = null;
    connection.addEventListener("acked", (e) => this.acked(e.detail));
    connection.addEventListener("protocol-error", (e) => this.refused(e.detail));
  }

  add(message) {
    const key = `${message.table_id}:${message.sequence}`;
    if (this.items.has(key)) return; // a redelivery of one already shown
    const { level = "info", message: text = "", code = "" } = message.data ?? {};
    const item = document.createElement("li");
    item.className = `alert level-${level}`;
    item.dataset.sequence = message.sequence;
    item.dataset.table = message.table_id;
    const words = document.createElement("span");
    words.textContent = `${level.toUpperCase()} ${code ? `[${code}] ` : ""}${text}`;
    const button = document.createElement("button");
    button.textContent = "Acknowledge";
    button.className = "ack";
    button.addEventListener("click", () => {
      button.disabled = true;
      this.lastAsked = key;
      this.connection.ack("alert", message.table_id, message.sequence);
    });
    item.append(words, button);
    this.items.set(key, item);
    this.list.prepend(item);
  }

  acked(reply) {
    if (reply.stream !== "alert") return;
    for (const sequence of reply.sequences ?? []) this.settle(`${reply.table_id}:${sequence}`, "acknowledged");
  }

  /** An ack the server refuses (an alert it gave up on, say) will never settle: the button goes. */
  refused(error) {
    if (error.request_type === "ack" && this.lastAsked) this.settle(this.lastAsked, "nothing to acknowledge");
  }

  settle(key, state) {
    const item = this.items.get(key);
    if (!item) return;
    item.classList.add("acknowledged");
    item.querySelector("button")?.replaceWith(Object.assign(document.createElement("em"), { textContent: state }));
  }
}
