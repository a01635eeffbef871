import { CommandKind, command } from '../protocol.js';

const WORDS = {
  PAUSE_EXAM: 'Pause',
  RESUME_EXAM: 'Resume',
  MESSAGE: 'Message',
  RECALIBRATE: 'Recalibration request',
};

/** Sends a COMMAND to one student (studentId) or to all (no studentId), and says what happened. */
export function sendCommand(socket, toast, kind, studentId, text, studentName) {
  const sent = socket.send(command(kind, studentId, text));
  const target = studentId ? studentName || studentId : 'all students';
  toast(
    sent ? `${WORDS[kind]} sent to ${target}.` : `Not connected: ${WORDS[kind].toLowerCase()} not sent to ${target}.`,
  );
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
