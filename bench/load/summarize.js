#!/usr/bin/env node
// Turns run-scenarios.sh's JSON lines into the Markdown tables of bench/RESULTS.md: each server's
// figures per run, with Cuecast's p99 and throughput as ratios to each peer's from the same round;
// and, when a load ran in more than one round (REPEAT), each server's median over the rounds.
'use strict';
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{'));
const runs = lines.map((l) => JSON.parse(l));
const key = (r) => `${r.clients}@${r.hz}`;
const ratio = (c, r) => `${(c.p99ms / r.p99ms).toFixed(2)}, ${(c.msgsPerSec / r.msgsPerSec).toFixed(2)}`;

console.log('| Clients @ Hz | Server | msg/s (expected) | p50 ms | p99 ms | p99.9 ms | max ms | gaps (missed) | held | close codes | Cuecast ÷ this: p99, msg/s |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
const cuecastOfRound = new Map(); // each load's latest Cuecast run: the peers' runs after it are its round
for (const r of runs) {
  if (r.label === 'cuecast') {
    cuecastOfRound.set(key(r), r);
  }
  const c = cuecastOfRound.get(key(r));
  const list = (codes) => Object.entries(codes || {}).map(([k, v]) => `${k}×${v}`).join(' ');
  const warmup = list(r.warmupCloseCodes);
  const codes = (list(r.closeCodes) || 'none') + (warmup ? ` (warm-up: ${warmup})` : '');
  console.log(`| ${key(r)} | ${r.label} | ${r.msgsPerSec} (${r.expectedPerSec}) | ${r.p50ms} | ${r.p99ms} | ${r.p999ms} | ${r.maxms} ` +
    `| ${r.gapEvents} (${r.missed}) | ${r.held}/${r.clients} | ${codes} | ${r.label.startsWith('cuecast') || !c ? '' : ratio(c, r)} |`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rounds = new Map(); // "load server" -> its runs
for (const r of runs) {
  const k = `${key(r)} ${r.label}`;
  rounds.set(k, [...(rounds.get(k) || []), r]);
}
if ([...rounds.values()].some((rs) => rs.length > 1)) {
  console.log('\n| Clients @ Hz | Server | rounds | median msg/s | median p99 ms (range) | median p99.9 ms | Cuecast ÷ this: median p99, msg/s |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  const summaries = new Map();
  for (const [k, rs] of rounds) {
    const p99s = rs.map((r) => r.p99ms);
    summaries.set(k, { load: key(rs[0]), label: rs[0].label, rounds: rs.length, msgsPerSec: median(rs.map((r) => r.msgsPerSec)),
      p99ms: median(p99s), p99Range: `${Math.min(...p99s)}-${Math.max(...p99s)}`, p999ms: median(rs.map((r) => r.p999ms)) });
  }
  for (const s of summaries.values()) {
    const c = summaries.get(`${s.load} cuecast`);
    console.log(`| ${s.load} | ${s.label} | ${s.rounds} | ${s.msgsPerSec} | ${s.p99ms} (${s.p99Range}) | ${s.p999ms} ` +
      `| ${s.label.startsWith('cuecast') || !c ? '' : ratio(c, s)} |`);
  }
}
