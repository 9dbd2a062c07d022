// Connection health: latency, jitter and quality as the server measures them (get_status's
// link), the round trip the page measures itself, messages a second per stream, and what the
// last reconnect recovered.
export function renderHealth(element, connection) {
  const link = connection.link ?? {};
  const rates = Object.entries(connection.rates.perSecond())
    .map(([stream, rate]) => `${stream} ${rate.toFixed(1)}/s`).join(", ") || "none yet";
  const resume = connection.lastResume
    ? Object.entries(connection.lastResume.recovered)
      .map(([stream, recovered]) => `${stream}: ${recoveredWords(recovered)}`).join(", ")
    : "no reconnect yet";
  const rows = [
    ["Connection", connection.status],
    ["Client", connection.clientId ?? "-"],
    ["Quality", link.quality_level ?? "UNKNOWN"],
    ["Latency", link.latency_ms != null ? `${link.latency_ms.toFixed(1)} ms` : "-"],
    ["Jitter", link.jitter_ms != null ? `${link.jitter_ms.toFixed(1)} ms` : "-"],
    ["Round trip", connection.roundTripMs != null ? `${connection.roundTripMs.toFixed(1)} ms` : "-"],
    ["Messages", rates],
    ["Pending acks", String(connection.pendingAcks ?? 0)],
    ["Reconnects", String(connection.reconnects)],
    ["Last resume", resume],
    ["Last error", connection.lastError ? `${connection.lastError.code}: ${connection.lastError.message}` : "none"],
  ];
  element.replaceChildren(...rows.map(([name, value]) => {
    const term = document.createElement("dt");
    term.textContent = name;
    const detail = document.createElement("dd");
    detail.textContent = value;
    detail.dataset.field = name.toLowerCase().replace(" ", "-");
    return [term, detail];
  }).flat());
}

function recoveredWords(recovered) {
  if (typeof recovered === "boolean") return recovered ? "recovered all" : "missed some";
  return Object.values(recovered).every(Boolean) ? "recovered all" : "missed some";
}
