import { appUrl } from './app.js';
import { initI18n, wireLanguageSwitch } from './i18n.js';
import { showSignIn } from './sign-in-banner.js';

// The development sign-in form: it posts to auth/dev-login (the page's own markup says so, so the
// form works before this module runs), which signs in and returns the teacher to the page they
// wanted (only a page of this application; without one, the dashboard). Its texts are in the
// visitor's language (js/i18n.js, keys signIn.* of i18n/sign-in), with the switch in its header.
wireLanguageSwitch(document.getElementById('language-switch'));
initI18n(['sign-in']);
const params = new URLSearchParams(window.location.search);
const form = document.getElementById('dev-sign-in');
form.action = appUrl('auth/dev-login').pathname;
document.getElementById('return-to').value = params.get('returnTo') || appUrl('teacher/').pathname;
showSignIn();
