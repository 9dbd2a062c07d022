// A top-down drawing of the table in table millimetres, from `state` alone: for a phone or a
// scoreboard that has no video.
import { ballRadiusMm, tableOf } from "./table-geometry.js";
import { drawBallDisc, drawCue, drawPockets, drawTableOutline, drawTrajectory } from "./table-drawing.js";

const CUSHION_MM = 60;

export class Schematic {
  constructor(canvas) {
    this.canvas = canvas;
  }

  /** Fits the table into the canvas's shown width, at the screen's pixel density. */
  viewFor(table) {
    const { canvas } = this;
    const ratio = window.devicePixelRatio || 1;
    const shownWidth = canvas.clientWidth || 600;
    const scale = (shownWidth * ratio) / (table.length_mm + 2 * CUSHION_MM);
    canvas.width = Math.round(shownWidth * ratio);
    canvas.height = Math.round((table.width_mm + 2 * CUSHION_MM) * scale);
    const margin = CUSHION_MM * scale;
    return { scale, project: (p) => ({ x: margin + p.x * scale, y: margin + p.y * scale }) };
  }

  draw(state, trajectory) {
    const table = tableOf(state);
    const view = this.viewFor(table);
    const ctx = this.canvas.getContext("2d");
    ctx.fillStyle = "#5a3a1e";
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const topLeft = view.project({ x: 0, y: 0 });
    ctx.fillStyle = "#1d6b3a";
    ctx.fillRect(topLeft.x, topLeft.y, table.length_mm * view.scale, table.width_mm * view.scale);
    drawTableOutline(ctx, view, table, "#0f4524");
    drawPockets(ctx, view, table, "#000");
    if (!state) return;
    const radius = ballRadiusMm(table) * view.scale;
    for (const ball of state.balls ?? []) if (ball.position) drawBallDisc(ctx, view.project(ball.position), radius, ball);
    if (state.cue?.tip) drawCue(ctx, view.project(state.cue.tip), state.cue.angle_deg ?? 0, 1200 * view.scale, "#e0c080");
    if (trajectory) drawTrajectory(ctx, view, trajectory, ballRadiusMm(table), { confidenceAt: { x: topLeft.x + 4, y: topLeft.y + 18 } });
  }
}
