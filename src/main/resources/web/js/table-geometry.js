// The table as `state` describes it, in table millimetres: origin at the top-left corner of the
// playing area, x along the long side, y across it (docs/PROTOCOL.md, the state stream).
const DEFAULT_TABLE = { length_mm: 2540, width_mm: 1270, size: "9ft-pool" };

export function tableOf(state) {
  const table = state?.table;
  return table && table.length_mm > 0 && table.width_mm > 0 ? table : DEFAULT_TABLE;
}

export function ballRadiusMm(table) {
  return table.size?.includes("snooker") ? 26.25 : 28.575;
}

export function corners(table) {
  const { length_mm: l, width_mm: w } = table;
  return [{ x: 0, y: 0 }, { x: l, y: 0 }, { x: l, y: w }, { x: 0, y: w }];
}

/** The six pockets by the names `ball_pocketed` uses. */
export function pockets(table) {
  const { length_mm: l, width_mm: w } = table;
  return {
    "top-left": { x: 0, y: 0 }, "top-side": { x: l / 2, y: 0 }, "top-right": { x: l, y: 0 },
    "bottom-left": { x: 0, y: w }, "bottom-side": { x: l / 2, y: w }, "bottom-right": { x: l, y: w },
  };
}

const COLOURS = ["#f4f1e8", "#f2c200", "#1b4fc4", "#d7261e", "#5b2a86", "#f07a16", "#138a3c", "#7a1d1d", "#111111"];

/** Snooker's balls are their type's colour. */
const SNOOKER_COLOURS = {
  white: COLOURS[0], red: "#c8102e", yellow: COLOURS[1], green: "#138a3c", brown: "#7b4a26",
  blue: COLOURS[2], pink: "#f49ac1", black: COLOURS[8],
};

/** A ball's colour: its number's pool colour (9-15 share 1-7's), else by type (pool's or snooker's). */
export function ballColour(ball) {
  const n = ball.number;
  if (Number.isInteger(n) && n >= 0 && n <= 15) return COLOURS[n > 8 ? n - 8 : n];
  return { cue: COLOURS[0], eight: COLOURS[8], solid: "#d7261e", stripe: "#1b4fc4", ...SNOOKER_COLOURS }[ball.type]
    ?? "#9a9a9a";
}

export function ballLabel(ball) {
  return Number.isInteger(ball.number) ? String(ball.number) : (ball.type?.[0] ?? "?").toUpperCase();
}
