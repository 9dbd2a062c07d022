// One multiplexed connection to /api/v1/ws, as docs/PROTOCOL.md describes it: subscribe with
// filters, remember each stream's last sequence per table, and after a drop reconnect by itself
// and resume from there (when the server's epoch is still the same).
import { StreamRates } from "./stream-rates.js";
import { withToken } from "./api.js";

const PING_EVERY_MS = 5000;
const STATUS_EVERY_MS = 5000;
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
// The streams whose messages the page acks (the server's default cuecast.gateway.ack.streams).
const ACKED_STREAMS = new Set(["alert"]);

export class CuecastConnection extends EventTarget {
  /** subscriptions: stream name -> filter object (or null for none). */
  constructor(subscriptions) {
    super();
    this.subscriptions = new Map(Object.entries(subscriptions));
    this.lastSequences = new Map(); // stream -> Map(table -> sequence)
    this.unacked = new Map(); // "stream:table" -> Set(sequence) received and not acked yet
    this.lastAckAsked = null; // {stream, tableId, sequence}
    this.rates = new StreamRates();
    this.status = "connecting";
    this.clientId = null;
    this.epoch = null;
    this.link = null;
    this.roundTripMs = null;
    this.lastResume = null; // {at, recovered} of the latest reconnect
    this.reconnects = 0;
    this.socket = null;
    this.failedAttempts = 0;
    this.timers = [];
  }

  start() {
    this.open();
  }

  open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(withToken(`${scheme}//${location.host}/api/v1/ws`));
    this.socket = socket;
    this.setStatus("connecting");
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = (event) => {
      if (this.socket === socket) this.lost(event);
    };
  }

  lost(event) {
    this.stopTimers();
    this.socket = null;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failedAttempts, RECONNECT_DELAYS_MS.length - 1)];
    this.failedAttempts++;
    this.closeReason = event.reason || `closed (${event.code})`;
    this.setStatus("offline");
    setTimeout(() => this.open(), delay);
  }

  setStatus(status) {
    this.status = status;
    this.dispatchEvent(new CustomEvent("status", { detail: status }));
  }

  send(type, data) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(data === undefined ? { type } : { type, data }));
    }
  }

  receive(message) {
    switch (message.type) {
      case "connection":
        return this.welcomed(message.data);
      case "subscribed":
        return this.subscribed(message.data);
      case "ping":
        return this.send("pong", { server_ts_us: message.data.server_ts_us });
      case "pong":
        if (this.pingSentAt !== undefined) this.roundTripMs = performance.now() - this.pingSentAt;
        return this.emit("health");
      case "status":
        this.link = message.data.link;
        this.pendingAcks = message.data.pending_acks;
        return this.emit("health");
      case "error":
        this.lastError = message.data;
        // a refused ack (given up on, say) will never settle: stop resuming from before it
        if (message.data.request_type === "ack" && this.lastAckAsked) this.settled(this.lastAckAsked);
        return this.emit("protocol-error", message.data);
      case "acked":
        for (const sequence of message.data.sequences ?? []) {
          this.settled({ stream: message.data.stream, tableId: message.data.table_id, sequence });
        }
        return this.emit("acked", message.data);
      case "unsubscribed":
        return;
      default:
        if (message.sequence !== undefined) this.streamMessage(message);
    }
  }

  welcomed(welcome) {
    const sameRun = this.epoch === welcome.epoch;
    if (this.epoch !== null) this.reconnects++;
    this.epoch = welcome.epoch;
    this.tables = welcome.tables ?? ["main"];
    this.clientId = welcome.client_id;
    this.failedAttempts = 0;
    if (this.subscriptions.size === 0) this.setStatus("online");
    // sequences of another run mean nothing: then start afresh
    this.subscribeAll(sameRun ? this.resumePositions() : {});
    if (!sameRun) {
      this.lastSequences.clear();
      this.unacked.clear();
    }
    this.startTimers();
  }

  /**
   * Per stream and table, the last sequence received; 0 for one that sent nothing yet, so that
   * what it published while the page was away comes too. Where messages still await the page's
   * ack, just before the oldest of them: the new connection sends them again and awaits their acks.
   */
  resumePositions() {
    const resume = {};
    for (const stream of this.subscriptions.keys()) {
      const received = this.lastSequences.get(stream) ?? new Map();
      resume[stream] = Object.fromEntries(this.tables.map((table) => {
        const unacked = this.unacked.get(`${stream}:${table}`);
        return [table, unacked?.size ? Math.min(...unacked) - 1 : received.get(table) ?? 0];
      }));
    }
    return resume;
  }

  subscribeAll(resume) {
    const streams = [...this.subscriptions.keys()];
    if (streams.length === 0) return;
    const filters = {};
    for (const [stream, filter] of this.subscriptions) if (filter) filters[stream] = filter;
    this.send("subscribe", { streams, filters, resume });
  }

  subscribed(reply) {
    if (this.status !== "online") this.setStatus("online"); // receiving what the page asked for
    if (reply.recovered) {
      this.lastResume = { at: new Date(), recovered: reply.recovered };
      this.emit("health");
    }
  }

  streamMessage(message) {
    const tables = this.lastSequences.get(message.type) ?? new Map();
    this.lastSequences.set(message.type, tables);
    const table = message.table_id ?? "main";
    // a redelivered alert may come after later ones: the position only moves forward
    tables.set(table, Math.max(tables.get(table) ?? 0, message.sequence));
    if (ACKED_STREAMS.has(message.type)) {
      const key = `${message.type}:${table}`;
      this.unacked.set(key, (this.unacked.get(key) ?? new Set()).add(message.sequence));
    }
    this.rates.count(message.type);
    this.emit("message", message);
  }

  /** Subscribes to a stream with a filter (null for none), or unsubscribes it (enabled false). */
  setSubscription(stream, enabled, filter) {
    if (enabled) {
      this.subscriptions.set(stream, filter);
      this.send("subscribe", { streams: [stream], filters: filter ? { [stream]: filter } : {} });
    } else {
      this.subscriptions.delete(stream);
      this.lastSequences.delete(stream);
      this.send("unsubscribe", { streams: [stream] });
    }
  }

  ack(stream, tableId, sequence) {
    this.lastAckAsked = { stream, tableId, sequence };
    this.send("ack", { stream, table_id: tableId, sequence });
  }

  settled({ stream, tableId, sequence }) {
    this.unacked.get(`${stream}:${tableId}`)?.delete(sequence);
  }

  startTimers() {
    const ping = () => {
      this.pingSentAt = performance.now();
      this.send("ping", { timestamp: Date.now() });
    };
    ping();
    this.send("get_status");
    this.timers.push(setInterval(ping, PING_EVERY_MS));
    this.timers.push(setInterval(() => this.send("get_status"), STATUS_EVERY_MS));
  }

  stopTimers() {
    this.timers.forEach(clearInterval);
    this.timers = [];
  }

  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
