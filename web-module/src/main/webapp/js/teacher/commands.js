import { t } from '../i18n.js';
import { CommandKind, command } from '../protocol.js';

/** What the teacher is told of each command, sent or not, in the page's language: whole sentences. */
const WORDS = {
  PAUSE_EXAM: {
    sent: (target) => t('dashboard.command.pauseSent', { target }, 'Pause sent to {target}.'),
    notSent: (target) => t('dashboard.command.pauseNotSent', { target }, 'Not connected: pause not sent to {target}.'),
  },
  RESUME_EXAM: {
    sent: (target) => t('dashboard.command.resumeSent', { target }, 'Resume sent to {target}.'),
    notSent: (target) =>
      t('dashboard.command.resumeNotSent', { target }, 'Not connected: resume not sent to {target}.'),
  },
  MESSAGE: {
    sent: (target) => t('dashboard.command.messageSent', { target }, 'Message sent to {target}.'),
    notSent: (target) =>
      t('dashboard.command.messageNotSent', { target }, 'Not connected: message not sent to {target}.'),
  },
  RECALIBRATE: {
    sent: (target) => t('dashboard.command.recalibrateSent', { target }, 'Recalibration request sent to {target}.'),
    notSent: (target) =>
      t(
        'dashboard.command.recalibrateNotSent',
        { target },
        'Not connected: recalibration request not sent to {target}.',
      ),
  },
};

/** Another command: the server's name of it. */
const OTHER_WORDS = (kind) => ({
  sent: (target) => t('dashboard.command.otherSent', { command: kind, target }, '{command} sent to {target}.'),
  notSent: (target) =>
    t('dashboard.command.otherNotSent', { command: kind, target }, 'Not connected: {command} not sent to {target}.'),
});

/** Sends a COMMAND to one student (studentId) or to all (no studentId), and says what happened. */
export function sendCommand(socket, toast, kind, studentId, text, studentName) {
  const sent = socket.send(command(kind, studentId, text));
  const target = studentId ? studentName || studentId : t('dashboard.command.allStudents', {}, 'all students');
  const words = Object.hasOwn(WORDS, kind) ? WORDS[kind] : OTHER_WORDS(kind);
  toast(sent ? words.sent(target) : words.notSent(target));
  return sent;
}

/**
 * Wires a set of command controls: buttons with data-command, and a message form. target() says
 * who they address: {studentId, name} or null for everyone.
 */
export function wireCommands(container, socket, toast, target = () => null) {
  container.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-command]');
    if (!button) return;
    const who = target();
    sendCommand(socket, toast, button.dataset.command, who && who.studentId, undefined, who && who.name);
  });
  const form = container.querySelector('form');
  if (!form) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector('textarea, input');
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    const who = target();
    if (sendCommand(socket, toast, CommandKind.MESSAGE, who && who.studentId, text, who && who.name)) input.value = '';
  });
}
