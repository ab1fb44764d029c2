// The renewal stop: a page asked for with an ended access token comes here, then goes back.
document.addEventListener("DOMContentLoaded", async () => {
  const box = document.querySelector("[data-renew]");
  const next = box.dataset.next || "/resumes";
  document.body.setAttribute("data-signed-in", "");
  const renewed = await window.Resumate.renewSession().catch(() => false);
  location.replace(renewed ? next : "/login?next=" + encodeURIComponent(next));
});
