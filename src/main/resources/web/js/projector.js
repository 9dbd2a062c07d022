// The projector page: black, full screen, drawn at the display's frame rate. It shows the
// predicted shot in table coordinates through the keystone map, fades it out when the shot
// starts, and lets an operator drag the table's corners onto the cushions and save them.
import { CuecastConnection } from "./connection.js";
import { readTrajectory } from "./trajectory.js";
import { applyHomography, homography } from "./homography.js";
import { loadKeystone, saveKeystone } from "./keystone.js";
import { ballRadiusMm, corners, tableOf } from "./table-geometry.js";
import { drawPockets, drawTableOutline, drawTrajectory } from "./table-drawing.js";
import { showConnectionStatus } from "./status-badge.js";

const FADE_MS = 800;
const HANDLE_RADIUS_PX = 22;

const canvas = document.getElementById("projection");
const panel = document.getElementById("calibration");
const model = {
  keystone: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }],
  table: tableOf(null),
  trajectory: null,
  shotStartedFrame: -Infinity, // the frame of the last shot_started: predictions made before it are of that shot
  fadeStartedAt: null,
  predictionAlpha: 0,
  fadeFrames: 0, // frames drawn part-way through a fade
  calibrating: false,
};
// The table's size comes from state; one state a second of just that field is plenty.
const connection = new CuecastConnection({
  trajectory: null, events: null, state: { max_fps: 1, include_fields: ["table"] },
});
model.connection = connection;

connection.addEventListener("message", ({ detail: message }) => {
  if (message.type === "trajectory") {
    // A prediction takes a few milliseconds: one made just before the strike may come after shot_started.
    if ((message.data?.frame ?? Infinity) <= model.shotStartedFrame) return;
    model.trajectory = readTrajectory(message.data);
    model.fadeStartedAt = null;
  } else if (message.type === "events" && message.data?.event === "shot_started") {
    model.shotStartedFrame = message.data.frame ?? model.shotStartedFrame;
    if (model.trajectory) model.fadeStartedAt = performance.now();
  } else if (message.type === "state") {
    model.table = tableOf(message.data);
  }
});
connection.addEventListener("status", () => showConnectionStatus(document.getElementById("connection-status"), connection));

function screenCorners() {
  return model.keystone.map((c) => ({ x: c.x * canvas.width, y: c.y * canvas.height }));
}

function view() {
  const h = homography(corners(model.table), screenCorners());
  if (!h) return null;
  const screen = screenCorners();
  const scale = Math.hypot(screen[1].x - screen[0].x, screen[1].y - screen[0].y) / model.table.length_mm;
  return { project: (p) => applyHomography(h, p), scale };
}

function predictionAlpha(now) {
  if (!model.trajectory) return 0;
  if (model.fadeStartedAt === null) return 1;
  return Math.max(0, 1 - (now - model.fadeStartedAt) / FADE_MS);
}

function draw(now) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(window.innerWidth * ratio);
  const height = Math.round(window.innerHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#000";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const tableView = view();
  model.predictionAlpha = predictionAlpha(now);
  if (model.predictionAlpha > 0 && model.predictionAlpha < 1) model.fadeFrames++;
  if (tableView && model.calibrating) {
    drawTableOutline(ctx, tableView, model.table, "#fff");
    drawPockets(ctx, tableView, model.table, "#fff");
    ctx.fillStyle = "rgba(255,255,255,0.5)";
    for (const corner of screenCorners()) {
      ctx.beginPath();
      ctx.arc(corner.x, corner.y, HANDLE_RADIUS_PX * ratio, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  if (tableView && model.trajectory && model.predictionAlpha > 0) {
    drawTrajectory(ctx, tableView, model.trajectory, ballRadiusMm(model.table),
      { alpha: model.predictionAlpha, colour: "#fff" });
  }
  requestAnimationFrame(draw);
}

// Calibration: drag the corner handles; Save stores them over REST.
let dragged = null;
canvas.addEventListener("pointerdown", (event) => {
  if (!model.calibrating) return;
  const ratio = window.devicePixelRatio || 1;
  const at = { x: event.clientX * ratio, y: event.clientY * ratio };
  const nearest = screenCorners().map((c, i) => ({ i, d: Math.hypot(c.x - at.x, c.y - at.y) }))
    .sort((a, b) => a.d - b.d)[0];
  if (nearest.d <= HANDLE_RADIUS_PX * 2 * ratio) {
    dragged = nearest.i;
    canvas.setPointerCapture(event.pointerId);
  }
});
canvas.addEventListener("pointermove", (event) => {
  if (dragged === null) return;
  model.keystone[dragged] = { x: event.clientX / window.innerWidth, y: event.clientY / window.innerHeight };
});
canvas.addEventListener("pointerup", () => { dragged = null; });

function setCalibrating(on) {
  model.calibrating = on;
  panel.hidden = !on;
  document.getElementById("calibrate").hidden = on;
}

document.getElementById("calibrate").addEventListener("click", () => setCalibrating(true));
document.getElementById("save").addEventListener("click", async () => {
  const problem = await saveKeystone(model.keystone);
  document.getElementById("calibration-message").textContent = problem ?? "saved";
  if (!problem) setCalibrating(false);
});
document.getElementById("cancel").addEventListener("click", async () => {
  model.keystone = await loadKeystone();
  setCalibrating(false);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "c") setCalibrating(!model.calibrating);
});

window.cuecastProjector = model;
model.keystone = await loadKeystone().catch(() => model.keystone);
model.keystoneLoaded = true;
connection.start();
requestAnimationFrame(draw);
