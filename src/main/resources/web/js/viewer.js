// The viewer page: one connection, and the views it feeds.
import { CuecastConnection } from "./connection.js";
import { LiveView } from "./live-view.js";
import { Schematic } from "./schematic.js";
import { EventsFeed } from "./events-feed.js";
import { AlertsPanel } from "./alerts-panel.js";
import { renderHealth } from "./health-panel.js";
import { SubscriptionControls } from "./subscription-controls.js";
import { readTrajectory } from "./trajectory.js";
import { showConnectionStatus } from "./status-badge.js";

const connection = new CuecastConnection({ state: null, trajectory: null, events: null, alert: null });
const model = { connection, state: null, stateSequence: null, trajectory: null };
const liveView = new LiveView(document.getElementById("video"), document.getElementById("overlay"));
const schematic = new Schematic(document.getElementById("schematic"));
const events = new EventsFeed(document.getElementById("events"));
const alerts = new AlertsPanel(document.getElementById("alerts"), connection);
new SubscriptionControls(document.getElementById("controls"), connection);
let dirty = true;

connection.addEventListener("message", ({ detail: message }) => {
  switch (message.type) {
    case "state":
      model.state = message.data;
      model.stateSequence = message.sequence;
      dirty = true;
      break;
    case "trajectory":
      model.trajectory = readTrajectory(message.data);
      dirty = true;
      break;
    case "events":
      events.add(message);
      break;
    case "alert":
      alerts.add(message);
      break;
  }
});
connection.addEventListener("status", ({ detail }) => {
  showConnectionStatus(document.getElementById("connection-status"), connection);
  if (detail === "online") liveView.restartVideo(); // the video's own request died with the network
});

function frame() {
  if (dirty) {
    liveView.draw(model.state, model.trajectory);
    schematic.draw(model.state, model.trajectory);
    model.drawnSequence = model.stateSequence;
    dirty = false;
  }
  requestAnimationFrame(frame);
}

liveView.video.addEventListener("load", () => { dirty = true; });
setInterval(() => renderHealth(document.getElementById("health"), connection), 1000);
window.cuecast = Object.assign(model, { liveView });
connection.start();
requestAnimationFrame(frame);
