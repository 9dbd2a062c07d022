// REST calls to Cuecast's own APIs. When authentication is on, the page is opened with
// ?token=KEY_OR_JWT and every call carries it (as Authorization: Bearer, and in the WebSocket URL).
const token = new URLSearchParams(location.search).get("token");

export function withToken(url) {
  return token ? `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}` : url;
}

/** Fetches JSON; answers {ok, status, body} so callers can show the server's own error text. */
export async function callJson(method, path, body) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { error: text };
  }
  return { ok: response.ok, status: response.status, body: parsed };
}
