// Reads a `trajectory` message's data into one shape for drawing. The stream is new, so this reads
// it tolerantly: a missing part is simply not drawn, and a point may be {x, y} or [x, y].

export function readTrajectory(data) {
  if (!data || typeof data !== "object") return null;
  return {
    paths: list(data.paths ?? data.balls).map((path) => ({
      ballId: path.ball_id ?? path.id,
      points: list(path.points ?? path.path ?? path.polyline).map(point).filter(Boolean),
    })).filter((path) => path.points.length > 1),
    collisions: list(data.collisions).map((c) => ({ type: c.type, at: point(c.position ?? c) })).filter((c) => c.at),
    pocketEntries: list(data.pocket_entries ?? data.pocketed).map((p) => ({
      ballId: p.ball_id ?? p.id, pocket: p.pocket, at: point(p.position ?? p),
    })).filter((p) => p.at),
    ghostBall: point(data.ghost_ball?.position ?? data.ghost_ball),
    finalPositions: list(data.final_positions).map((f) => ({ ballId: f.ball_id ?? f.id, at: point(f.position ?? f) }))
      .filter((f) => f.at),
    confidence: typeof data.confidence === "number" ? data.confidence : null,
  };
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function point(value) {
  if (Array.isArray(value) && value.length >= 2 && value.every(Number.isFinite)) return { x: value[0], y: value[1] };
  if (value && Number.isFinite(value.x) && Number.isFinite(value.y)) return { x: value.x, y: value.y };
  return null;
}
