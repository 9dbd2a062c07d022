// Messages a second per stream, over a sliding window of the last few seconds.
const WINDOW_MS = 5000;

export class StreamRates {
  constructor() {
    this.arrivals = new Map(); // stream -> arrival times, oldest first
  }

  count(stream) {
    const times = this.arrivals.get(stream) ?? [];
    times.push(performance.now());
    this.arrivals.set(stream, times);
  }

  /** stream -> messages a second over the window. */
  perSecond() {
    const since = performance.now() - WINDOW_MS;
    const rates = {};
    for (const [stream, times] of this.arrivals) {
      while (times.length > 0 && times[0] < since) times.shift();
      rates[stream] = times.length / (WINDOW_MS / 1000);
    }
    return rates;
  }
}
