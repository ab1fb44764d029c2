// The photo in Personal details: a picture chosen here is cropped to a square in the browser
// (drag or arrow keys to place it, a slider or +/− to zoom), sent as a JPEG, and named in the
// resume's basics.image by the address the server answers. The preview prints it at once.
const SOURCE_TYPES = ["image/png", "image/jpeg"];
const MAX_SOURCE_BYTES = 20 * 1024 * 1024; // what the browser opens; what is sent is far smaller
const OUTPUT_SIDE = 800;
const STEP = 10;

export function setupPhoto({ R, form, api }, { onChange }) {
  const box = form.querySelector("[data-photo]");
  const dialog = document.querySelector("[data-photo-dialog]");
  if (!box || !dialog) return;
  const basics = form.querySelector("[data-basics]");
  const fileInput = box.querySelector("[data-photo-file]");
  const thumb = box.querySelector("[data-photo-thumb]");
  const removeButton = box.querySelector("[data-photo-remove]");
  const cropper = dialog.querySelector("[data-cropper]");
  const image = dialog.querySelector("[data-crop-image]");
  const frame = dialog.querySelector("[data-crop-frame]");
  const zoom = dialog.querySelector("[data-crop-zoom]");
  const saveButton = dialog.querySelector("[data-crop-save]");
  // The image's top-left corner in the square's pixels, and its scale (pixels per source pixel).
  const view = { x: 0, y: 0, base: 1, side: 0 };
  let drag = null;

  const scale = () => view.base * Number(zoom.value);
  const shape = () => form.querySelector('[data-theme="photoShape"]:checked')?.value || "circle";

  function clamp() {
    const width = image.naturalWidth * scale();
    const height = image.naturalHeight * scale();
    view.x = Math.min(0, Math.max(view.side - width, view.x));
    view.y = Math.min(0, Math.max(view.side - height, view.y));
  }

  function draw() {
    clamp();
    image.style.width = `${image.naturalWidth * scale()}px`;
    image.style.transform = `translate(${view.x}px, ${view.y}px)`;
  }

  // Zooming keeps the point at the square's centre where it is.
  function zoomTo(value) {
    const before = scale();
    const centreX = (view.side / 2 - view.x) / before;
    const centreY = (view.side / 2 - view.y) / before;
    zoom.value = String(Math.min(Number(zoom.max), Math.max(Number(zoom.min), value)));
    view.x = view.side / 2 - centreX * scale();
    view.y = view.side / 2 - centreY * scale();
    draw();
  }

  function start() {
    view.side = cropper.clientWidth;
    view.base = view.side / Math.min(image.naturalWidth, image.naturalHeight);
    zoom.value = "1";
    view.x = (view.side - image.naturalWidth * view.base) / 2;
    view.y = (view.side - image.naturalHeight * view.base) / 2;
    frame.className = `crop-frame crop-${shape()}`;
    draw();
    cropper.focus();
  }

  function open(file) {
    if (!SOURCE_TYPES.includes(file.type)) { R.toast("Choose a PNG or JPEG picture.", "error"); return; }
    if (file.size > MAX_SOURCE_BYTES) { R.toast("That picture is too large: choose one under 20 MB.", "error"); return; }
    if (image.src) URL.revokeObjectURL(image.src);
    image.onload = () => { dialog.showModal(); start(); };
    image.onerror = () => R.toast("That picture could not be opened. Try another one.", "error");
    image.src = URL.createObjectURL(file);
  }

  function cropped() {
    const sourceSide = view.side / scale();
    const side = Math.round(Math.min(OUTPUT_SIDE, sourceSide));
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = side;
    canvas.getContext("2d").drawImage(image, -view.x / scale(), -view.y / scale(), sourceSide, sourceSide, 0, 0, side, side);
    return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
  }

  function setImage(address) {
    const extra = JSON.parse(basics.dataset.extra || "{}");
    if (address) extra.image = address; else delete extra.image;
    basics.dataset.extra = JSON.stringify(extra);
    thumb.hidden = !address;
    if (address) thumb.src = address; else thumb.removeAttribute("src");
    removeButton.hidden = !address;
    box.querySelector("[data-photo-choose]").textContent = address ? "Change photo" : "Add a photo";
    onChange();
  }

  async function save() {
    saveButton.disabled = true;
    saveButton.classList.add("is-busy");
    try {
      const body = new FormData();
      body.append("file", await cropped(), "photo.jpg");
      const response = await R.request(`${api}/photo`, { method: "PUT", body });
      if (!response.ok) {
        const answer = await response.clone().json().catch(() => ({}));
        const field = answer.error?.fields?.find((f) => f.field === "file");
        R.toast(field ? `The photo ${field.message}.` : await R.errorMessage(response), "error");
        return;
      }
      setImage((await response.json()).image);
      dialog.close();
      fileInput.focus();
      R.toast("Photo added. It prints in templates with a place for one.", "ok");
    } finally {
      saveButton.disabled = false;
      saveButton.classList.remove("is-busy");
    }
  }

  async function remove() {
    const response = await R.request(`${api}/photo`, { method: "DELETE" });
    if (!response.ok) { R.toast(await R.errorMessage(response), "error"); return; }
    setImage(null);
    fileInput.focus();
    R.toast("Photo removed.", "ok");
  }

  fileInput.addEventListener("change", () => {
    const file = fileInput.files[0];
    fileInput.value = ""; // choosing the same file again opens it again
    if (file) open(file);
  });
  removeButton.addEventListener("click", remove);
  saveButton.addEventListener("click", save);
  zoom.addEventListener("input", () => zoomTo(Number(zoom.value)));
  form.addEventListener("change", (event) => {
    if (!event.target.matches('[data-theme="photoShape"]')) return;
    thumb.className = `photo-thumb photo-${shape()}`;
  });

  cropper.addEventListener("pointerdown", (event) => {
    drag = { id: event.pointerId, x: event.clientX - view.x, y: event.clientY - view.y };
    cropper.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  cropper.addEventListener("pointermove", (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    view.x = event.clientX - drag.x;
    view.y = event.clientY - drag.y;
    draw();
  });
  const stop = () => { drag = null; };
  cropper.addEventListener("pointerup", stop);
  cropper.addEventListener("pointercancel", stop);
  cropper.addEventListener("keydown", (event) => {
    const step = event.shiftKey ? 4 * STEP : STEP;
    // The photo moves the way the arrow points.
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      view.x += moves[event.key][0];
      view.y += moves[event.key][1];
      draw();
    } else if (event.key === "+" || event.key === "=") zoomTo(Number(zoom.value) + 0.1);
    else if (event.key === "-") zoomTo(Number(zoom.value) - 0.1);
    else return;
    event.preventDefault();
  });
}
