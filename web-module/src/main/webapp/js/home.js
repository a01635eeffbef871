import { showSignIn } from './sign-in-banner.js';

showSignIn();
