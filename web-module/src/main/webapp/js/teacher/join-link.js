import { appUrl } from '../app.js';
import { h, setText } from '../dom.js';
import { onLanguageChange, setTranslated, t } from '../i18n.js';

/** Words the page keeps on the QR code's picture, said again on a change of language. */
let describeQr = () => {};
onLanguageChange(() => describeQr());

/** The link students open: the server's joinUrl when it gave one, else the student page's address. */
export function joinLinkFor(sessionId, joinUrl) {
  if (typeof joinUrl === 'string' && joinUrl) return new URL(joinUrl, window.location.href).href;
  const url = appUrl('student/');
  url.searchParams.set('session', sessionId);
  return url.href;
}

/**
 * Shows the join link as text and as a QR code (qrcodejs, loaded as a classic script by the page),
 * with a copy button. Its words follow the page's language.
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
    describeQr = () => {
      if (image) image.alt = t('dashboard.join.qrAlt', { href }, 'QR code of the join link {href}');
    };
    describeQr();
    const canvas = qr.querySelector('canvas');
    if (canvas) canvas.setAttribute('aria-hidden', 'true');
    qr.removeAttribute('title');
  } else {
    const unavailable = h('span');
    setTranslated(unavailable, 'dashboard.join.qrUnavailable', 'QR code unavailable.');
    qr.replaceChildren(unavailable);
  }
  copy.onclick = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setTranslated(copied, 'dashboard.join.copied', 'Link copied.');
    } catch {
      setTranslated(copied, 'dashboard.join.copyRefused', 'Copying is not allowed here: select the link and copy it.');
    }
  };
}
