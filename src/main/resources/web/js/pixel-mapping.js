// Table millimetres to video pixels, fitted from `state` itself: every ball (and the cue tip)
// comes with both its table position and its pixel, so a least-squares affine map through them
// places what has only table coordinates (the outline, the pockets, a predicted path) on the video.

/** The affine map {a..f} (px = a x + b y + c, py = d x + e y + f), or null when the points do not fix one. */
export function fitTableToPixels(pairs) {
  if (pairs.length < 3) return null;
  // normal equations of the least-squares fit, shared by both pixel axes
  const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const vx = [0, 0, 0];
  const vy = [0, 0, 0];
  for (const { table, pixel } of pairs) {
    const row = [table.x, table.y, 1];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i][j] += row[i] * row[j];
      vx[i] += row[i] * pixel.x;
      vy[i] += row[i] * pixel.y;
    }
  }
  const inverse = invert3(m);
  if (!inverse) return null;
  const [a, b, c] = multiply(inverse, vx);
  const [d, e, f] = multiply(inverse, vy);
  return { a, b, c, d, e, f };
}

export function pairsFromState(state) {
  const pairs = (state?.balls ?? [])
    .filter((ball) => ball.position && ball.pixel && !ball.missed_frames)
    .map((ball) => ({ table: ball.position, pixel: ball.pixel }));
  if (state?.cue?.tip && state.cue.tip_pixel) pairs.push({ table: state.cue.tip, pixel: state.cue.tip_pixel });
  return pairs;
}

export function applyMap(map, point) {
  return { x: map.a * point.x + map.b * point.y + map.c, y: map.d * point.x + map.e * point.y + map.f };
}

/** Pixels per millimetre, on average over both axes. */
export function mapScale(map) {
  return (Math.hypot(map.a, map.d) + Math.hypot(map.b, map.e)) / 2;
}

function invert3(m) {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  const size = Math.abs(a * e * i) + 1;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-9 * size) return null; // collinear points
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

function multiply(m, v) {
  return m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
}
