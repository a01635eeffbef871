import { appUrl } from './app.js';
import { showSignIn } from './sign-in-banner.js';

// The development sign-in form: it posts to auth/dev-login, which signs in and returns the
// teacher to the page they wanted (only a page of this application).
const params = new URLSearchParams(window.location.search);
const form = document.getElementById('dev-sign-in');
form.action = appUrl('auth/dev-login').pathname;
document.getElementById('return-to').value = params.get('returnTo') || appUrl('teacher/').pathname;
showSignIn();
