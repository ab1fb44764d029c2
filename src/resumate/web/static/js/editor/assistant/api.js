// Calling the assistant's API: JSON answers, and streamed ones (server-sent events over a
// POST, read from the response body) that abort with their signal.
export class AssistantError extends Error {
  constructor(status, problem) {
    super(problem?.message || "Something went wrong. Please try again.");
    this.status = status;
    this.code = problem?.code || "error";
    this.fields = problem?.fields || [];
  }
}

async function failure(response) {
  let problem = null;
  try { problem = (await response.json()).error; } catch { /* not JSON */ }
  return new AssistantError(response.status, problem);
}

export async function postJSON(R, url, body, headers = {}) {
  const response = await R.request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return { status: response.status, body: await response.json() };
}

export async function getJSON(R, url) {
  const response = await R.request(url);
  if (!response.ok) throw await failure(response);
  return response.json();
}

// One event of the stream: "event: delta\ndata: {...}".
function parseEvent(block) {
  let name = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (!data.length) return null;
  try { return { name, data: JSON.parse(data.join("\n")) }; } catch { return null; }
}

// The result of a streamed task; progress and text arriving are reported on the way.
export async function streamJSON(R, url, body, { signal, onProgress, onDelta }) {
  const response = await R.request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await failure(response);
  if (!(response.headers.get("content-type") || "").includes("text/event-stream")) return response.json();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const event = parseEvent(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (!event) continue;
      if (event.name === "progress") onProgress?.(event.data);
      else if (event.name === "delta") onDelta?.(event.data.text || "");
      else if (event.name === "result") { reader.cancel().catch(() => {}); return event.data; }
      else if (event.name === "error") throw new AssistantError(200, event.data.error);
    }
  }
  throw new AssistantError(0, { message: "The answer stopped before it was complete. Please try again." });
}
