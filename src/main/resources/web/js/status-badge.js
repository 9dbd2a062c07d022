// Says plainly whether the page is connected.
export function showConnectionStatus(badge, connection) {
  const words = { online: "online", connecting: "connecting…", offline: "offline: reconnecting…" };
  badge.textContent = words[connection.status] ?? connection.status;
  badge.className = `status status-${connection.status}`;
  badge.title = connection.status === "offline" ? (connection.closeReason ?? "") : "";
}
