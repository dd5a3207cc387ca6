/* Check-in at the door: scan the QR code of an invitation with the phone's camera.
 *
 * The decoded text goes into the form's code field, which is then submitted as if it had been
 * typed: HTMX swaps the person's row in (without HTMX the form posts as usual), so scanning adds
 * no second way to the server, and the typed code always works.
 *
 * Decoding: the browser's BarcodeDetector where it has one (most Android phones); otherwise the
 * vendored qr-scanner, loaded only then, with its worker from Sala's own static files (the CSP
 * allows scripts and workers from this site only).
 */
(function () {
  "use strict";

  const nonce = document.currentScript ? document.currentScript.nonce : "";
  const form = document.querySelector("form[data-qr-worker]");
  if (!form || !(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) return;

  const start = form.querySelector("[data-scan-start]");
  const stop = form.querySelector("[data-scan-stop]");
  const video = form.querySelector("[data-scan-video]");
  const status = form.querySelector("[data-scan-status]");
  const field = form.elements.code;
  let stream = null;
  let decode = null;

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = src;
      script.nonce = nonce;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  async function nativeDecoder() {
    if (!("BarcodeDetector" in window)) return null;
    const formats = await BarcodeDetector.getSupportedFormats();
    if (!formats.includes("qr_code")) return null;
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    return async function (frame) {
      const codes = await detector.detect(frame);
      return codes.length ? codes[0].rawValue : "";
    };
  }

  async function libraryDecoder() {
    if (!window.QrScanner) await loadScript(form.dataset.qrLibrary);
    QrScanner.WORKER_PATH = form.dataset.qrWorker;
    const engine = await QrScanner.createQrEngine(QrScanner.WORKER_PATH);
    const canvas = document.createElement("canvas");
    return function (frame) {
      return QrScanner.scanImage(frame, null, engine, canvas).catch(function () {
        return ""; // no code in this frame
      });
    };
  }

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.srcObject = null;
    video.hidden = stop.hidden = true;
    start.hidden = false;
    say("");
  }

  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  async function firstCode() {
    while (stream) {
      let code = "";
      if (video.readyState >= video.HAVE_CURRENT_DATA) {
        code = await decode(video).catch(function () { return ""; });
      }
      if (code && stream) return code;
      await pause(150);
    }
    return ""; // stopped
  }

  async function scan() {
    start.hidden = true;
    try {
      decode = decode || (await nativeDecoder()) || (await libraryDecoder());
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      video.hidden = stop.hidden = false;
      say(form.dataset.looking);
      await video.play();
    } catch (error) {
      stopCamera();
      say(form.dataset.noCamera);
      return;
    }
    const code = await firstCode();
    if (!code) return;
    stopCamera();
    field.value = code;
    form.requestSubmit();
  }

  start.hidden = false;
  start.addEventListener("click", scan);
  stop.addEventListener("click", stopCamera);
  document.addEventListener("visibilitychange", function () {
    if (document.hidden && stream) stopCamera(); // never leave the camera on in a pocket
  });
  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) field.value = ""; // ready for the next person; a wrong code stays to fix
  });
})();
