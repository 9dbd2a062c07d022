// The `events` stream as a feed, newest first, each event in words.
const MAX_SHOWN = 60;

export class EventsFeed {
  constructor(list) {
    this.list = list;
    this.seen = new Set(); // table:sequence, so a replay after a resume is not shown twice
  }

  add(message) {
    const key = `${message.table_id}:${message.sequence}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const item = document.createElement("li");
    item.dataset.event = message.data?.event ?? "unknown";
    const time = document.createElement("time");
    time.textContent = new Date(message.timestamp ?? Date.now()).toLocaleTimeString();
    item.append(time, " ", describeEvent(message.data ?? {}));
    this.list.prepend(item);
    while (this.list.children.length > MAX_SHOWN) this.list.lastElementChild.remove();
  }
}

export function describeEvent(event) {
  const d = event.data ?? {};
  const ids = event.ball_ids ?? [];
  const ball = `${d.type ?? "ball"}${Number.isInteger(d.number) ? ` ${d.number}` : ""}`;
  switch (event.event) {
    case "shot_started":
      return `Shot started: ${ball} struck at ${metres(d.speed_mm_s)} m/s`;
    case "ball_pocketed":
      return `Pocketed: ${ball} in the ${d.pocket ?? "?"} pocket`;
    case "shot_ended":
      return shotSummary(d);
    case "ball_collision":
      return `Collision: #${ids.join(" and #")}`;
    case "cushion_contact":
      return `Cushion: #${ids[0]} on the ${d.cushion ?? "?"} rail`;
    case "rack_detected":
      return `Rack of ${d.ball_count ?? ids.length} balls`;
    case "game_started":
      return "Game started (the break)";
    case "ball_lost":
      return `Lost sight of ${ball} (#${ids[0]})`;
    case "ball_restored":
      return `${ball} is back (#${ids[0]})`;
    default:
      return `${event.event ?? "event"} ${ids.length ? `#${ids.join(", #")}` : ""}`;
  }
}

function shotSummary(d) {
  const pocketed = (d.balls_pocketed ?? []).map((b) => `${b.number ?? `#${b.id}`} (${b.pocket})`);
  const firstHit = d.first_ball_hit === null || d.first_ball_hit === undefined ? "nothing" : `#${d.first_ball_hit}`;
  return `Shot ended after ${d.duration_s ?? "?"} s: first hit ${firstHit}, `
    + `${pocketed.length ? `pocketed ${pocketed.join(", ")}` : "nothing pocketed"}, `
    + `${d.cushions ?? 0} cushions, ${d.collisions ?? 0} collisions`;
}

function metres(mmPerSecond) {
  return Number.isFinite(mmPerSecond) ? (mmPerSecond / 1000).toFixed(2) : "?";
}
