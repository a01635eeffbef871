import { t } from '../i18n.js';

/** A text of this page by its catalogue key, with its English and its {name} values. */
function words(key, english, params) {
  return { key, english, params };
}

/**
 * What went wrong with the camera, in words a student can act on. reason and steps are words()
 * rather than text, so that the page can redraw them when the student changes the language;
 * message is the reason in the language of the moment.
 */
export class CameraError extends Error {
  constructor(reason, steps) {
    super(t(reason.key, reason.params, reason.english));
    this.reason = reason;
    this.steps = steps;
  }
}

const TRY_AGAIN = words('camera.stepTryAgain', 'Press "Try again".');

function explain(error) {
  switch (error && error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError(words('camera.blocked', 'Camera access was blocked for this page.'), [
        words('camera.blockedStepIcon', 'Click the camera or lock icon in the address bar.'),
        words('camera.blockedStepAllow', 'Allow the camera for this site.'),
        TRY_AGAIN,
      ]);
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError(words('camera.notFound', 'No camera was found on this device.'), [
        words('camera.notFoundStep', 'Connect a webcam, or use a device that has one.'),
        TRY_AGAIN,
      ]);
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError(
        words('camera.inUse', 'The camera is in use by another program or could not be started.'),
        [
          words(
            'camera.inUseStep',
            'Close other programs or browser tabs that use the camera (video calls, for example).',
          ),
          TRY_AGAIN,
        ],
      );
    default:
      return new CameraError(
        words('camera.failed', 'The camera could not be started ({name}).', {
          name: (error && error.name) || (() => t('camera.unknownError', {}, 'unknown error')),
        }),
        [
          words('camera.failedStepReload', 'Reload the page and try again.'),
          words('camera.failedStepBrowser', 'If it keeps failing, try another browser.'),
        ],
      );
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
      throw new CameraError(words('camera.unsupported', 'This browser cannot use a camera on this page.'), [
        words('camera.unsupportedStepHttps', 'The page must be opened over https (or on localhost).'),
        words('camera.unsupportedStepBrowser', 'Use a current version of Chrome, Edge, Firefox or Safari.'),
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
