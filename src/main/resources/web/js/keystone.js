// The projector's keystone: the perspective map (a homography) that puts the table's corners where
// the calibration says they fall on the screen, and the calibration's REST storage.
import { callJson } from "./api.js";

const PATH = "/api/v1/projector/keystone";

export async function loadKeystone() {
  const reply = await callJson("GET", PATH);
  if (!reply.ok) throw new Error(reply.body?.error ?? `HTTP ${reply.status}`);
  return reply.body.corners;
}

/** Saves the corners; answers null, or the server's reason for refusing them. */
export async function saveKeystone(corners) {
  const reply = await callJson("PUT", PATH, { corners });
  return reply.ok ? null : reply.body?.error ?? `HTTP ${reply.status}`;
}

/** The 3x3 homography taking the four `from` points onto the four `to` points. */
export function homography(from, to) {
  // h11..h32 (h33 = 1): two equations per correspondence
  const rows = [];
  const values = [];
  from.forEach((p, i) => {
    const q = to[i];
    rows.push([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x]);
    values.push(q.x);
    rows.push([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y]);
    values.push(q.y);
  });
  const h = solve(rows, values);
  return h && [[h[0], h[1], h[2]], [h[3], h[4], h[5]], [h[6], h[7], 1]];
}

export function applyHomography(h, p) {
  const w = h[2][0] * p.x + h[2][1] * p.y + h[2][2];
  return { x: (h[0][0] * p.x + h[0][1] * p.y + h[0][2]) / w, y: (h[1][0] * p.x + h[1][1] * p.y + h[1][2]) / w };
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
function solve(rows, values) {
  const n = values.length;
  const m = rows.map((row, i) => [...row, values[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
