#!/usr/bin/env node
// Turns run-scenarios.sh's JSON lines into the Markdown table of bench/RESULTS.md: each server's
// figures per scenario, and Cuecast's p99 and throughput as ratios to each peer's from the same run.
'use strict';
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{'));
const runs = lines.map((l) => JSON.parse(l));
const key = (r) => `${r.clients}@${r.hz}`;
const cuecast = new Map(runs.filter((r) => r.label === 'cuecast').map((r) => [key(r), r]));

console.log('| Clients @ Hz | Server | msg/s (expected) | p50 ms | p99 ms | p99.9 ms | max ms | gaps (missed) | held | close codes | Cuecast ÷ this: p99, msg/s |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of runs) {
  const c = cuecast.get(key(r));
  const ratio = r.label.startsWith('cuecast') || !c ? '' :
    `${(c.p99ms / r.p99ms).toFixed(2)}, ${(c.msgsPerSec / r.msgsPerSec).toFixed(2)}`;
  const list = (codes) => Object.entries(codes || {}).map(([k, v]) => `${k}×${v}`).join(' ');
  const warmup = list(r.warmupCloseCodes);
  const codes = (list(r.closeCodes) || 'none') + (warmup ? ` (warm-up: ${warmup})` : '');
  console.log(`| ${key(r)} | ${r.label} | ${r.msgsPerSec} (${r.expectedPerSec}) | ${r.p50ms} | ${r.p99ms} | ${r.p999ms} | ${r.maxms} ` +
    `| ${r.gapEvents} (${r.missed}) | ${r.held}/${r.clients} | ${codes} | ${ratio} |`);
}
