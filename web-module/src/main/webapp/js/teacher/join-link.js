import { appUrl } from '../app.js';
import { setText } from '../dom.js';

/** The link students open: the server's joinUrl when it gave one, else the student page's address. */
export function joinLinkFor(sessionId, joinUrl) {
  if (typeof joinUrl === 'string' && joinUrl) return new URL(joinUrl, window.location.href).href;
  const url = appUrl('student/');
  url.searchParams.set('session', sessionId);
  return url.href;
}

/**
 * Shows the join link as text and as a QR code (qrcodejs, loaded as a classic script by the page),
 * with a copy button.
 */
export function showJoinLink({ link, qr, copy, copied }, href) {
  link.href = href;
  setText(link, href);
  qr.replaceChildren();
  if (typeof window.QRCode === 'function') {
    // Medium error correction keeps the code small enough to scan from a projector.
    new window.QRCode(qr, {
      text: href,
      width: 264,
      height: 264,
      colorDark: '#000000',
      colorLight: '#ffffff',
      correctLevel: window.QRCode.CorrectLevel.M,
    });
    // The library draws on a canvas and copies it into an img: the img carries the description.
    const image = qr.querySelector('img');
    if (image) image.alt = `QR code of the join link ${href}`;
    const canvas = qr.querySelector('canvas');
    if (canvas) canvas.setAttribute('aria-hidden', 'true');
    qr.removeAttribute('title');
  } else {
    setText(qr, 'QR code unavailable.');
  }
  copy.onclick = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setText(copied, 'Link copied.');
    } catch {
      setText(copied, 'Copying is not allowed here: select the link and copy it.');
    }
  };
}
