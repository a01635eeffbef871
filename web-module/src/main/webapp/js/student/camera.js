/** What went wrong with the camera, in words a student can act on. */
export class CameraError extends Error {
  constructor(message, steps) {
    super(message);
    this.steps = steps;
  }
}

function explain(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError('Camera access was blocked for this page.', [
        'Click the camera or lock icon in the address bar.',
        'Allow the camera for this site.',
        'Press "Try again".',
      ]);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('No camera was found on this device.', [
        'Connect a webcam, or use a device that has one.',
        'Press "Try again".',
      ]);
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError('The camera is in use by another program or could not be started.', [
        'Close other programs or browser tabs that use the camera (video calls, for example).',
        'Press "Try again".',
      ]);
    default:
      return new CameraError(`The camera could not be started (${(error && error.name) || 'unknown error'}).`, [
        'Reload the page and try again.',
        'If it keeps failing, try another browser.',
      ]);
  }
}

/** The webcam: started only after the student agreed, stopped whenever they leave. */
export class Camera {
  #stream = null;

  get active() {
    return this.#stream !== null;
  }

  /** Starts the camera at about 640×480 into the given video element. Throws CameraError. */
  async start(video) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new CameraError('This browser cannot use a camera on this page.', [
        'The page must be opened over https (or on localhost).',
        'Use a current version of Chrome, Edge, Firefox or Safari.',
      ]);
    }
    this.stop();
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
      });
    } catch (error) {
      throw explain(error);
    }
    video.srcObject = this.#stream;
    await video.play().catch(() => {});
    return this.#stream;
  }

  stop() {
    if (this.#stream) {
      for (const track of this.#stream.getTracks()) track.stop();
      this.#stream = null;
    }
  }
}
