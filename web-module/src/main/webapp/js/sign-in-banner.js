import { callApi } from './api.js';
import { appUrl } from './app.js';
import { setTranslated, t } from './i18n.js';

/**
 * Every page shows, plainly, when the server runs the development sign-in (anyone may sign in as
 * anyone), and the teacher's pages show who is signed in, with a way to sign out.
 */
export async function showSignIn({ withCaller = false } = {}) {
  let mode = null;
  try {
    mode = (await callApi('GET', 'sign-in'))?.mode;
  } catch {
    return; // an older or unreachable server: nothing to say
  }
  if (mode === 'DEVELOPMENT') {
    document.body.classList.add('with-dev-sign-in-banner');
    document.body.append(developmentBanner());
  }
  if (withCaller) await showCaller();
}

function developmentBanner() {
  const banner = document.createElement('div');
  banner.className = 'dev-sign-in-banner';
  banner.setAttribute('role', 'note');
  // Marked for translation, so that it follows the language switch of the page it is on.
  setTranslated(
    banner,
    'signIn.devBanner',
    'Development sign-in: anyone can sign in as any teacher or admin. ' +
      'For trying SmartSession out only, never for real classes.',
  );
  return banner;
}

async function showCaller() {
  const header = document.querySelector('.app-header');
  if (!header) return;
  let me;
  try {
    me = await callApi('GET', 'me');
  } catch {
    return;
  }
  const who = document.createElement('span');
  who.className = 'signed-in-as';
  who.textContent = me.admin ? t('signIn.admin', { name: me.displayName }, '{name} (admin)') : `${me.displayName}`;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = appUrl('auth/sign-out').pathname;
  form.className = 'sign-out';
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'secondary';
  button.textContent = t('signIn.signOut', {}, 'Sign out');
  form.append(button);
  header.append(who, form);
}
