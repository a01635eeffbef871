import { appUrl } from './app.js';
import { showSignIn } from './sign-in-banner.js';

// The development sign-in form: it posts to auth/dev-login (the page's own markup says so, so the
// form works before this module runs), which signs in and returns the teacher to the page they
// wanted (only a page of this application; without one, the dashboard).
const params = new URLSearchParams(window.location.search);
const form = document.getElementById('dev-sign-in');
form.action = appUrl('auth/dev-login').pathname;
document.getElementById('return-to').value = params.get('returnTo') || appUrl('teacher/').pathname;
showSignIn();
