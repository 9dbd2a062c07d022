#!/usr/bin/env node
// Cuecast WebSocket load generator: opens N subscribers to the `state` stream and measures what
// they receive. Usage and output: bench/README.md ("WebSocket load"). Prints one JSON line on
// stdout and a human summary on stderr.
'use strict';
const WebSocket = require('ws');
const hdr = require('hdr-histogram-js');

const opts = parseArgs(process.argv.slice(2), {
  url: 'ws://127.0.0.1:8080/api/v1/ws',
  clients: 100,
  hz: 0,             // the rate the server publishes at; only used to report the share delivered
  'period-ms': 0,    // the server's publishing period, when it rounds 1000/hz to whole ms: then the expected rate is 1000/period
  warmup: 5,         // seconds connected before measuring
  duration: 15,      // seconds measured
  welcome: true,     // wait for Cuecast's `connection` message before subscribing (peers send none)
  slow: 0,           // this many connections stop reading once subscribed (slow consumers)
  'storm-every': 0,  // reconnect storm: every this many seconds of the measurement...
  'storm-fraction': 1, // ...this share of the (fast) connections close and reconnect at once
  'storm-warmup': false, // storms in the second half of the warm-up too, so that the JIT has compiled
                         // the reconnect path before it is measured (a server's second storm, not its first)
  label: '',
  stream: 'state',   // what to subscribe to; a quiet one (events) holds idle connections
  'connect-rate': 0, // new connections a second while ramping up; 0 opens all at once
  'heap-url': '',    // the server's Jolokia (…/observe/jolokia): report its heap after a GC
  'metrics-url': '', // the server's Prometheus text (…/observe/metrics): time the slow consumers' cut-off
});
const N = opts.clients, SLOW = Math.min(opts.slow, N);

// Latency in µs: receive time minus the envelope's ts_us (same host, same clock).
const latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
// Reconnect storm: time from starting a reconnect to the `subscribed` reply.
const resubscribe = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
const nowUs = () => (performance.timeOrigin + performance.now()) * 1000;

const m = { measuring: false, received: 0, bytes: 0, gapEvents: 0, missed: 0, missedAcrossReconnect: 0,
  connectFailures: 0, reconnects: 0, closeCodes: {}, warmupCloseCodes: {} };
const conns = [];

class Conn {
  constructor(index) {
    this.index = index;
    this.slow = index < SLOW;     // the first SLOW connections are the slow consumers
    this.lastSeq = undefined;     // last `state` sequence seen, kept across reconnects
    this.reconnecting = false;
    this.open(false);
  }

  open(resume) {
    this.subscribed = false;
    this.closing = false;          // set when we close it ourselves, so its close code is ours
    this.startedUs = nowUs();
    const ws = this.ws = new WebSocket(opts.url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
    let opened = false;
    ws.on('open', () => { opened = true; if (!opts.welcome) this.subscribe(resume); });
    // A socket being replaced in a reconnect may still deliver: only the current one counts.
    ws.on('message', (data) => { if (ws === this.ws) this.onMessage(data, resume); });
    ws.on('error', () => { if (!opened) m.connectFailures++; });
    ws.on('close', (code) => this.onClose(ws, code));
  }

  subscribe(resume) {
    const data = { streams: [opts.stream] };
    // The server may not replay yet (docs/PROTOCOL.md): it then accepts and ignores `resume`.
    if (resume && this.lastSeq !== undefined) data.resume = { state: this.lastSeq };
    this.ws.send(JSON.stringify({ type: 'subscribe', data }));
  }

  onMessage(buf, resume) {
    // State messages are parsed from the bytes without JSON.parse: the client must stay far
    // cheaper than the server it loads (60 000 messages/s at 1000 clients x 60 Hz).
    if (buf.indexOf(STATE_PREFIX) === 0) return this.onState(buf);
    const msg = JSON.parse(buf.toString());
    if (msg.type === 'connection') this.subscribe(resume);
    else if (msg.type === 'subscribed') this.onSubscribed();
    else if (msg.type === 'ping') this.ws.send('{"type":"pong"}'); // the server's heartbeat
  }

  onSubscribed() {
    this.subscribed = true;
    if (this.reconnecting) {
      this.reconnecting = false;
      if (m.measuring) resubscribe.recordValue(Math.max(1, Math.round(nowUs() - this.startedUs)));
    }
    if (this.slow) {
      this.ws._socket.pause(); // TCP backs up into the server's write queue
      slowPaused();
    }
  }

  onState(buf) {
    if (!this.subscribed && opts.welcome) return; // cannot happen on Cuecast; guards the count
    if (!this.subscribed) this.onSubscribed();   // peers without a `subscribed` reply
    const seq = numberAfter(buf, SEQUENCE_KEY), ts = numberAfter(buf, TS_KEY);
    if (this.lastSeq !== undefined && seq !== this.lastSeq + 1 && m.measuring) {
      const missed = seq - this.lastSeq - 1;
      if (this.afterReconnect) m.missedAcrossReconnect += missed;
      else { m.gapEvents++; m.missed += missed; }
    }
    this.afterReconnect = false;
    this.lastSeq = seq;
    if (!m.measuring) return;
    m.received++;
    m.bytes += buf.length;
    latency.recordValue(Math.max(1, Math.round(nowUs() - ts)));
  }

  onClose(ws, code) {
    if (ws !== this.ws || this.closing) return;
    // Closes during the warm-up (the connection ramp, the server's JIT) are told apart from those
    // while measuring.
    const codes = m.measuring ? m.closeCodes : m.warmupCloseCodes;
    codes[code] = (codes[code] || 0) + 1;
    this.subscribed = false;
  }

  reconnect() {
    if (this.slow || this.reconnecting || this.ws.readyState !== WebSocket.OPEN) return;
    this.closing = true;
    this.ws.close(1000, 'reconnect storm');
    this.reconnecting = true;
    this.afterReconnect = true;
    if (m.measuring) m.reconnects++;
    this.open(true);
  }
}

// Slow-consumer cut-off: a paused socket cannot see the server close it, so the time from the last
// slow consumer stopping to read until the server has closed them all comes from the server's
// counter of slow-consumer closes (code 3008), polled every 100 ms.
let slowCutOffSeconds = null, slowPausedCount = 0;
function slowPaused() {
  if (++slowPausedCount < SLOW || !opts['metrics-url']) return;
  const start = performance.now();
  closedAsSlow().then((before) => {
    const poll = setInterval(async () => {
      if ((await closedAsSlow()) - before >= SLOW) {
        slowCutOffSeconds = +((performance.now() - start) / 1000).toFixed(2);
        clearInterval(poll);
      }
    }, 100);
    poll.unref();
  });
}
async function closedAsSlow() {
  try {
    const text = await (await fetch(opts['metrics-url'])).text();
    const line = text.split('\n').find((l) => l.startsWith('cuecast_websocket_closed_by_server_total{') && l.includes('code="3008"'));
    return line ? Number(line.split(' ').pop()) : 0;
  } catch (e) {
    return 0;
  }
}

const STATE_PREFIX = Buffer.from('{"type":"state"');
const SEQUENCE_KEY = Buffer.from('"sequence":');
const TS_KEY = Buffer.from('"ts_us":');
/** The unsigned integer after the first occurrence of key (the envelope's fields come before data). */
function numberAfter(buf, key) {
  let i = buf.indexOf(key) + key.length, n = 0;
  for (let c = buf[i]; c >= 48 && c <= 57; c = buf[++i]) n = n * 10 + (c - 48);
  return n;
}

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match || !(match[1] in defaults)) { console.error(`unknown argument ${arg}; options: ${Object.keys(defaults).join(', ')}`); process.exit(2); }
    const d = defaults[match[1]];
    out[match[1]] = typeof d === 'number' ? Number(match[2]) : typeof d === 'boolean' ? match[2] !== 'false' : match[2];
  }
  return out;
}

// Ramped, so that thousands of handshakes do not overflow the server's accept backlog at once.
const rate = opts['connect-rate'] > 0 ? opts['connect-rate'] : N;
const BATCH_MS = 100, perBatch = Math.max(1, Math.round(rate * BATCH_MS / 1000));
(function openBatch(next) {
  for (let i = next; i < Math.min(N, next + perBatch); i++) conns.push(new Conn(i));
  if (next + perBatch < N) setTimeout(() => openBatch(next + perBatch), BATCH_MS);
})(0);

let stormTimer;
const storm = () => conns.filter((c) => !c.slow && Math.random() < opts['storm-fraction']).forEach((c) => c.reconnect());
if (opts['storm-every'] > 0 && opts['storm-warmup']) {
  setTimeout(() => {
    stormTimer = setInterval(storm, opts['storm-every'] * 1000);
  }, opts.warmup * 500);
}
setTimeout(() => {
  latency.reset();
  m.measuring = true;
  const t0 = performance.now(), cpu0 = process.cpuUsage();
  if (opts['storm-every'] > 0 && !stormTimer) {
    stormTimer = setInterval(storm, opts['storm-every'] * 1000);
  }
  setTimeout(() => endMeasurement((performance.now() - t0) / 1000, process.cpuUsage(cpu0)), opts.duration * 1000);
}, opts.warmup * 1000);
// Hard stop: a hung server must not hang the scenario script.
setTimeout(() => { console.error('loadgen: hard timeout'); process.exit(3); }, (opts.warmup + opts.duration + 30) * 1000).unref();

function endMeasurement(secs, cpu) {
  m.measuring = false;
  clearInterval(stormTimer);
  if (SLOW === 0) return report(secs, cpu);
  // A paused socket does not see the server close it, so the slow consumers read again for a
  // moment to learn whether the server cut them off (and with which close code).
  conns.filter((c) => c.slow).forEach((c) => c.ws._socket.resume());
  setTimeout(() => report(secs, cpu), SLOW_DRAIN_MS);
}
const SLOW_DRAIN_MS = 3000;

/** The server's used heap after a full GC, in MiB, read over Jolokia; null without --heap-url. */
async function serverHeapMb() {
  if (!opts['heap-url']) return null;
  const call = (body) => fetch(opts['heap-url'], { method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
  try {
    await call({ type: 'exec', mbean: 'java.lang:type=Memory', operation: 'gc()' });
    const used = await call({ type: 'read', mbean: 'java.lang:type=Memory', attribute: 'HeapMemoryUsage', path: 'used' });
    return +(used.value / 1048576).toFixed(1);
  } catch (e) {
    console.error(`loadgen: cannot read the server heap: ${e.message}`);
    return null;
  }
}

async function report(secs, cpu) {
  const heapMb = await serverHeapMb();
  const ms = (q) => +(latency.getValueAtPercentile(q) / 1000).toFixed(2);
  const fast = conns.filter((c) => !c.slow);
  const held = conns.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  const result = {
    label: opts.label, url: opts.url, clients: N, slow: SLOW, hz: opts.hz, seconds: +secs.toFixed(2),
    held, subscribed: fast.filter((c) => c.subscribed).length,
    msgsPerSec: Math.round(m.received / secs),
    expectedPerSec: opts.hz ? Math.round(fast.length * (opts['period-ms'] > 0 ? 1000 / opts['period-ms'] : opts.hz)) : null,
    bytesPerMsg: m.received ? Math.round(m.bytes / m.received) : 0,
    p50ms: ms(50), p90ms: ms(90), p99ms: ms(99), p999ms: ms(99.9), maxms: +(latency.maxValue / 1000).toFixed(2),
    gapEvents: m.gapEvents, missed: m.missed,
    connectFailures: m.connectFailures, closeCodes: m.closeCodes, warmupCloseCodes: m.warmupCloseCodes,
    slowCutOff: conns.filter((c) => c.slow && c.ws.readyState !== WebSocket.OPEN).length,
    slowCutOffSeconds,
    reconnects: m.reconnects, missedAcrossReconnect: m.missedAcrossReconnect,
    resubscribeP99ms: m.reconnects ? +(resubscribe.getValueAtPercentile(99) / 1000).toFixed(2) : null,
    resubscribeMaxms: m.reconnects ? +(resubscribe.maxValue / 1000).toFixed(2) : null,
    clientCpuPct: Math.round((cpu.user + cpu.system) / 1e4 / secs),
    serverHeapMb: heapMb,
  };
  console.log(JSON.stringify(result));
  console.error(`${opts.label || opts.url}: ${held}/${N} held, ${result.msgsPerSec} state msg/s` +
    (result.expectedPerSec ? ` of ${result.expectedPerSec} expected` : '') +
    `, latency p50 ${result.p50ms} p99 ${result.p99ms} p99.9 ${result.p999ms} max ${result.maxms} ms, ` +
    `${m.gapEvents} gaps (${m.missed} missed), close codes ${JSON.stringify(m.closeCodes)} (in the warm-up ${JSON.stringify(m.warmupCloseCodes)}), client CPU ${result.clientCpuPct}%` +
    (heapMb === null ? '' : `, server heap after GC ${heapMb} MiB`));
  process.exit(0);
}
