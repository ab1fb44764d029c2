// Sending a resume file straight to the uploads bucket: the app signs a form for this one
// file, and the file goes to the bucket with it; the app never carries the file itself.
const { request } = window.Resumate;

function refused(status) {
  return { refused: new Response(null, { status }) };
}

// `{ uploadId }` to import the file by, or `{ refused }`: the answer saying why not (413 for a
// file too large, 502 when the bucket would not take it).
export async function sendToBucket(api, file, maxBytes) {
  if (file.size > maxBytes) return refused(413);
  const asked = await request(api, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ filename: file.name }),
  });
  if (!asked.ok) return { refused: asked };
  const ticket = await asked.json();
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", file); // last: the bucket ignores fields after the file
  const sent = await fetch(ticket.url, { method: "POST", body: form, credentials: "omit" });
  // The bucket refuses a file past the form's size with 400 (EntityTooLarge).
  if (!sent.ok) return refused(sent.status === 400 ? 413 : 502);
  return { uploadId: ticket.uploadId };
}
