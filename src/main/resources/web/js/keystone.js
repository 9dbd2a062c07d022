// The projector's keystone, the corners where the table falls on the screen, and its REST storage.
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
