// Reads a `trajectory` message's data (docs/PROTOCOL.md, "trajectory") into one shape for drawing.
// A part the message leaves out (no ghost ball when the cue ball hits nothing) is simply not drawn.

export function readTrajectory(data) {
  if (!data || typeof data !== "object") return null;
  return {
    paths: list(data.paths).map((path) => ({
      ballId: path.id,
      points: list(path.points).map(point).filter(Boolean),
    })).filter((path) => path.points.length > 1),
    collisions: list(data.collisions).map((c) => ({ type: c.type, at: point(c.position) })).filter((c) => c.at),
    pocketEntries: list(data.pocket_entries).map((p) => ({ ballId: p.id, pocket: p.pocket, at: point(p.position) }))
      .filter((p) => p.at),
    ghostBall: point(data.ghost_ball?.position),
    finalPositions: list(data.resting_positions).map((f) => ({ ballId: f.id, at: point(f.position) }))
      .filter((f) => f.at),
    confidence: typeof data.confidence === "number" ? data.confidence : null,
  };
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

function point(value) {
  return value && Number.isFinite(value.x) && Number.isFinite(value.y) ? { x: value.x, y: value.y } : null;
}
