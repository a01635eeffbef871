import { initI18n, wireLanguageSwitch } from './i18n.js';
import { showSignIn } from './sign-in-banner.js';

// The home page: its texts in the visitor's language (js/i18n.js), with the switch in its header,
// and the development sign-in banner where the server runs it.
wireLanguageSwitch(document.getElementById('language-switch'));
initI18n();
showSignIn();
