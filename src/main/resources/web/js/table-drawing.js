// Drawing of what `state` and `trajectory` describe, on any 2D canvas. A view says where a table
// point lands on the canvas (project) and how many canvas pixels a millimetre is (scale), so the
// video overlay, the schematic and the projector share this code.
import { ballColour, ballLabel, corners, pockets } from "./table-geometry.js";

export function drawTableOutline(ctx, view, table, colour) {
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  corners(table).map(view.project).forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.closePath();
  ctx.stroke();
  ctx.restore();
}

export function drawPockets(ctx, view, table, colour) {
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  for (const centre of Object.values(pockets(table)).map(view.project)) {
    ctx.beginPath();
    ctx.arc(centre.x, centre.y, Math.max(4, 60 * view.scale), 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

/** A ring in the ball's colour, a band across it for a stripe, and its number (or type) beside it. */
export function drawBallRing(ctx, centre, radius, ball) {
  const colour = ballColour(ball);
  ctx.save();
  ctx.lineWidth = Math.max(2, radius * 0.25);
  ctx.strokeStyle = colour;
  ctx.beginPath();
  ctx.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  ctx.stroke();
  if (ball.type === "stripe") {
    ctx.lineWidth = Math.max(2, radius * 0.2);
    ctx.beginPath();
    ctx.moveTo(centre.x - radius, centre.y);
    ctx.lineTo(centre.x + radius, centre.y);
    ctx.stroke();
  }
  drawLabel(ctx, `${ballLabel(ball)} #${ball.id}`, centre.x + radius + 3, centre.y - radius, radius);
  ctx.restore();
}

/** A filled ball, for the schematic and other views without video underneath. */
export function drawBallDisc(ctx, centre, radius, ball) {
  ctx.save();
  ctx.fillStyle = ballColour(ball);
  ctx.beginPath();
  ctx.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  ctx.fill();
  if (ball.type === "stripe") {
    ctx.fillStyle = "#f4f1e8";
    ctx.fillRect(centre.x - radius, centre.y - radius * 0.2, radius * 2, radius * 0.4);
  }
  ctx.strokeStyle = "rgba(0,0,0,0.6)";
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.fillStyle = ball.type === "eight" || ball.number === 8 ? "#fff" : "#000";
  ctx.font = `bold ${Math.max(8, radius)}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(ballLabel(ball), centre.x, centre.y);
  ctx.restore();
}

/** The cue line from butt towards the tip, and the tip itself. */
export function drawCue(ctx, tip, angleDeg, length, colour) {
  const angle = (angleDeg * Math.PI) / 180;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(tip.x - Math.cos(angle) * length, tip.y - Math.sin(angle) * length);
  ctx.lineTo(tip.x, tip.y);
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(tip.x, tip.y, 5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}

/** Paths, collisions, pocket entries, the ghost ball and final positions of a read trajectory. */
export function drawTrajectory(ctx, view, trajectory, ballRadiusMm, options = {}) {
  const colour = options.colour ?? "#7df9ff";
  const radius = Math.max(4, ballRadiusMm * view.scale);
  ctx.save();
  ctx.globalAlpha *= options.alpha ?? 1;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = Math.max(3, radius * 0.25);
  ctx.setLineDash([radius * 0.6, radius * 0.4]);
  for (const path of trajectory.paths) {
    ctx.beginPath();
    path.points.map(view.project).forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const collision of trajectory.collisions) cross(ctx, view.project(collision.at), radius * 0.6);
  for (const entry of trajectory.pocketEntries) {
    const p = view.project(entry.at);
    ctx.beginPath();
    ctx.arc(p.x, p.y, radius * 1.4, 0, 2 * Math.PI);
    ctx.stroke();
    cross(ctx, p, radius * 0.8);
  }
  for (const final of trajectory.finalPositions) {
    const p = view.project(final.at);
    ctx.beginPath();
    ctx.arc(p.x, p.y, radius, 0, 2 * Math.PI);
    ctx.globalAlpha *= 0.35;
    ctx.fill();
    ctx.globalAlpha /= 0.35;
  }
  if (trajectory.ghostBall) {
    const p = view.project(trajectory.ghostBall);
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.x, p.y, radius, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (trajectory.confidence !== null && options.confidenceAt) {
    drawLabel(ctx, `prediction ${Math.round(trajectory.confidence * 100)} %`, options.confidenceAt.x, options.confidenceAt.y, 10);
  }
  ctx.restore();
}

function cross(ctx, p, size) {
  ctx.beginPath();
  ctx.moveTo(p.x - size, p.y - size);
  ctx.lineTo(p.x + size, p.y + size);
  ctx.moveTo(p.x + size, p.y - size);
  ctx.lineTo(p.x - size, p.y + size);
  ctx.stroke();
}

function drawLabel(ctx, text, x, y, size) {
  ctx.font = `${Math.max(11, size * 0.9)}px system-ui, sans-serif`;
  ctx.textBaseline = "bottom";
  ctx.lineWidth = 3;
  ctx.strokeStyle = "rgba(0,0,0,0.8)";
  ctx.strokeText(text, x, y);
  ctx.fillStyle = "#fff";
  ctx.fillText(text, x, y);
}
