import { videoFrame } from '../protocol.js';

/**
 * Takes a JPEG of the camera picture at a fixed rate and hands it to the socket. When the socket
 * cannot take it at once (closed, reconnecting, or its buffer still holds earlier frames) the frame
 * is not even encoded: frames are dropped, never queued.
 */
export class FrameCapture {
  #video;
  #socket;
  #ids;
  #fps;
  #quality;
  #canvas = document.createElement('canvas');
  #timer = null;
  #encoding = false;
  #onChange;
  sent = 0;
  dropped = 0;

  constructor(video, socket, ids, { fps, quality, onChange = () => {} }) {
    this.#video = video;
    this.#socket = socket;
    this.#ids = ids;
    this.#fps = fps;
    this.#quality = quality;
    this.#onChange = onChange;
  }

  /** Pictures a second. */
  get fps() {
    return this.#fps;
  }

  start() {
    this.stop();
    this.#timer = setInterval(() => this.#tick(), 1000 / this.#fps);
  }

  /** Takes pictures at a new rate from now on (the server may ask for fewer, RATE). */
  setFps(fps) {
    if (fps === this.#fps) return;
    this.#fps = fps;
    if (this.#timer !== null) this.start();
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
  }

  #tick() {
    const video = this.#video;
    if (this.#encoding || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return;
    if (!this.#socket.canSend) {
      this.dropped += 1;
      this.#onChange(this);
      return;
    }
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (this.#canvas.width !== width) this.#canvas.width = width;
    if (this.#canvas.height !== height) this.#canvas.height = height;
    this.#canvas.getContext('2d').drawImage(video, 0, 0, width, height);
    this.#encoding = true;
    // toBlob encodes off the main thread, keeping the page responsive.
    this.#canvas.toBlob((blob) => this.#send(blob, `${width}x${height}`), 'image/jpeg', this.#quality);
  }

  #send(blob, resolution) {
    if (!blob || this.#timer === null) {
      this.#encoding = false;
      return;
    }
    const reader = new FileReader();
    reader.onloadend = () => {
      this.#encoding = false;
      if (this.#timer === null || typeof reader.result !== 'string') return;
      const { sessionId, studentId } = this.#ids;
      const fps = Math.max(1, Math.round(this.#fps));
      if (this.#socket.send(videoFrame(sessionId, studentId, reader.result, fps, resolution))) this.sent += 1;
      else this.dropped += 1;
      this.#onChange(this);
    };
    reader.readAsDataURL(blob);
  }
}
