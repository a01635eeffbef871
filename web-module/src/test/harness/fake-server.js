/*
 * A stand-in for the SmartSession server, for looking at the pages without one. Load it as a
 * classic script before the page's modules (serve.sh does that). It replaces WebSocket and fetch
 * for the application's URLs. Query parameters of the page: students (default 30), affect=off,
 * alerts (seconds between alerts, 0 = none; default 0), drop (seconds after which the teacher
 * socket drops once, to see reconnection), weights (the four confusion weights the session views
 * carry, in the order eyebrowFurrow,gazeShifts,headTilt,microExpressions; default 0.3,0.4,0.2,0.1),
 * confusedAbove (default 0.6), scoring=absent (session views without scoring, as from a server
 * that does not send it; with affect=off they carry none either).
 * Not shipped: it lives under src/test.
 */
(() => {
  const params = new URLSearchParams(window.location.search);
  const studentCount = Number(params.get('students') || 30);
  const affect = params.get('affect') !== 'off';
  const alertEverySeconds = Number(params.get('alerts') || 0);
  const dropAfterSeconds = Number(params.get('drop') || 0);
  const sessionId = params.get('session') || 'DEMO';
  const weightValues = (params.get('weights') || '0.3,0.4,0.2,0.1').split(',').map(Number);
  const indicatorKeys = ['eyebrowFurrow', 'gazeShifts', 'headTilt', 'microExpressions'];
  // As the server's session view: null where affect inference is off.
  const scoring =
    affect && params.get('scoring') !== 'absent'
      ? {
          weights: Object.fromEntries(indicatorKeys.map((key, i) => [key, weightValues[i]])),
          confusedAbove: Number(params.get('confusedAbove') || 0.6),
        }
      : null;
  const statuses = affect
    ? ['ENGAGED', 'ENGAGED', 'ENGAGED', 'CONFUSED', 'DISENGAGED', 'IDLE', 'JOINED', 'ANALYSIS_UNAVAILABLE']
    : ['PRESENT', 'PRESENT', 'PRESENT', 'IDLE', 'DISENGAGED'];
  const firstNames = [
    'Ana', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Giulia', 'Hiro',
    'Ines', 'Jonas', 'Kwame', 'Lea', 'Mateo', 'Noor', 'Olga', 'Priya',
  ];
  const sent = [];
  window.fakeServer = { sent, sockets: [] };

  const students = Array.from({ length: studentCount }, (_, i) => ({
    id: `S${String(i + 1).padStart(3, '0')}`,
    name:
      `${firstNames[i % firstNames.length]} ${String.fromCharCode(65 + (i % 26))}.` +
      (i >= firstNames.length ? ` ${i}` : ''),
    confusion: Math.random() * 0.6,
    engagement: 0.4 + Math.random() * 0.6,
    status: statuses[i % statuses.length],
    lastFrameAt: Date.now(),
  }));
  students[0].name = '<img src=x onerror=alert(1)> Mallory';

  const clamp = (x) => Math.min(1, Math.max(0, x));
  function update() {
    const now = Date.now();
    for (const s of students) {
      s.confusion = clamp(s.confusion + (Math.random() - 0.5) * 0.1);
      s.engagement = clamp(s.engagement + (Math.random() - 0.5) * 0.1);
      if (Math.random() < 0.03) s.status = statuses[Math.floor(Math.random() * statuses.length)];
      if (s.status !== 'IDLE') s.lastFrameAt = now - Math.floor(Math.random() * 600);
    }
    const active = students.filter((s) => s.status !== 'IDLE' && s.status !== 'DISENGAGED');
    return {
      type: 'SESSION_UPDATE',
      sessionId,
      timestamp: now,
      affectInference: affect,
      aggregate: {
        totalStudents: students.length,
        activeStudents: active.length,
        avgConfusion: affect && active.length ? active.reduce((a, s) => a + s.confusion, 0) / active.length : null,
        confusedCount: students.filter((s) => s.status === 'CONFUSED').length,
        disengagedCount: students.filter((s) => s.status === 'DISENGAGED').length,
      },
      students: students.map((s) => ({
        id: s.id,
        name: s.name,
        confusion: affect ? s.confusion : undefined,
        engagement: affect ? s.engagement : undefined,
        status: s.status,
        lastFrameAt: s.lastFrameAt,
        faces: s.status === 'DISENGAGED' ? 0 : 1,
        indicators: affect
          ? {
              eyebrowFurrow: s.confusion * 0.8,
              gazeShifts: s.confusion,
              headTilt: s.confusion * 0.5,
              microExpressions: 0.2,
            }
          : undefined,
      })),
    };
  }

  function screenshot(text) {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const g = canvas.getContext('2d');
    g.fillStyle = '#556';
    g.fillRect(0, 0, 160, 120);
    g.fillStyle = '#fc9';
    g.beginPath(); g.arc(55, 60, 24, 0, 7); g.fill();
    g.beginPath(); g.arc(110, 55, 20, 0, 7); g.fill();
    g.fillStyle = '#fff';
    g.fillText(text, 6, 112);
    return canvas.toDataURL('image/jpeg', 0.8);
  }

  let alertNumber = 0;
  function alert(type = 'MULTIPLE_FACES', studentId) {
    alertNumber += 1;
    const student = studentId || students[(alertNumber * 7) % students.length].id;
    return {
      type: 'CRITICAL_ALERT',
      alertId: `ALERT_${alertNumber}`,
      sessionId,
      studentId: student,
      alertType: type,
      timestamp: Date.now(),
      reason: type === 'MULTIPLE_FACES' ? '2 faces in front of the camera' : 'No face seen',
      durationMs: type === 'MULTIPLE_FACES' ? 0 : 12000,
      confidence: 0.93,
      screenshot: type === 'MULTIPLE_FACES' ? screenshot(student) : undefined,
    };
  }

  class FakeSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;

    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.bufferedAmount = 0;
      this.teacher = url.includes('/ws/teacher');
      this.timers = [];
      window.fakeServer.sockets.push(this);
      setTimeout(() => {
        this.readyState = 1;
        if (this.onopen) this.onopen({});
        if (this.teacher) this.#startTeacher();
      }, 80);
    }

    #emit(message) {
      if (this.readyState === 1 && this.onmessage) this.onmessage({ data: JSON.stringify(message) });
    }

    #startTeacher() {
      this.#emit(update());
      this.timers.push(setInterval(() => this.#emit(update()), 1000));
      if (alertEverySeconds > 0) {
        const types = ['MULTIPLE_FACES', 'NO_FACE', 'LOOKING_AWAY', 'CAMERA_BLOCKED'];
        const raise = () => this.#emit(alert(types[alertNumber % types.length]));
        this.timers.push(setInterval(raise, alertEverySeconds * 1000));
      }
      if (dropAfterSeconds > 0 && !window.fakeServer.dropped) {
        window.fakeServer.dropped = true;
        setTimeout(() => this.drop(1006), dropAfterSeconds * 1000);
      }
    }

    send(data) {
      const message = JSON.parse(data);
      sent.push(message);
      if (message.type === 'VIDEO_FRAME') {
        const feedback = {
          type: 'FEEDBACK',
          confusionScore: 0.3,
          engagementScore: 0.8,
          status: 'ENGAGED',
          message: 'Stay focused!',
        };
        setTimeout(() => this.#emit(feedback), 30);
      } else if (message.type === 'ALERT_ACKNOWLEDGED') {
        setTimeout(() => this.#emit({ ...message, acknowledgedBy: 'teacher@example.org', timestamp: Date.now() }), 100);
      }
    }

    /** Lets a test or the console push any message to the page. */
    push(message) {
      this.#emit(message);
    }

    drop(code = 1006) {
      this.timers.forEach(clearInterval);
      this.readyState = 3;
      if (this.onclose) this.onclose({ code, reason: '' });
    }

    close(code = 1000) {
      this.timers.forEach(clearInterval);
      this.readyState = 3;
      if (this.onclose) this.onclose({ code, reason: '' });
    }
  }
  window.WebSocket = FakeSocket;
  window.fakeServer.alert = alert;
  window.fakeServer.update = update;

  const json = (status, body) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const url = new URL(String(input), window.location.href);
    const at = url.pathname.indexOf('/api/v1/');
    if (at < 0) return realFetch(input, init);
    const path = url.pathname.slice(at + 8);
    const method = (init.method || 'GET').toUpperCase();
    await new Promise((resolve) => setTimeout(resolve, 60));
    if (path === 'sessions' && method === 'GET') {
      return json(200, [
        { sessionId, name: 'Linear algebra, week 6', kind: 'EXAM', joinUrl: `/student/?session=${sessionId}`, scoring },
        { sessionId: 'CLASS_2', name: 'Statistics tutorial', kind: 'CLASS', scoring },
      ]);
    }
    if (path === `sessions/${sessionId}` && method === 'GET') {
      return json(200, {
        sessionId,
        name: 'Linear algebra, week 6',
        kind: params.get('kind') || 'EXAM',
        createdAt: Date.now(),
        joinUrl: `${window.location.origin}/student/?session=${sessionId}`,
        scoring,
      });
    }
    if (path === 'sessions' && method === 'POST') {
      const body = JSON.parse(init.body);
      return json(201, {
        sessionId: 'NEW_SESSION',
        name: body.name,
        kind: body.kind || 'CLASS',
        createdAt: Date.now(),
        joinUrl: '/student/?session=NEW_SESSION',
        scoring,
      });
    }
    const join = path.match(/^sessions\/([^/]+)\/students$/);
    if (join && method === 'POST') {
      const body = JSON.parse(init.body);
      return json(200, {
        sessionId: join[1],
        sessionName: 'Linear algebra, week 6',
        kind: 'EXAM',
        studentId: body.studentId,
        name: body.name,
        token: 'stand-in-token',
        tokenExpiresAt: Date.now() + 12 * 3600 * 1000,
        webSocketPath: `/ws/student?sessionId=${join[1]}&studentId=${body.studentId}&token=stand-in-token`,
        affectInference: affect,
        screenshots: true,
      });
    }
    if (/^sessions\/[^/]+\/alerts$/.test(path)) {
      return json(200, [
        {
          alertId: 'ALERT_OLD',
          sessionId,
          studentId: 'S002',
          type: 'NO_FACE',
          timestamp: Date.now() - 60000,
          reason: 'No face seen',
          durationMs: 15000,
          confidence: 0.9,
          acknowledgement: { action: 'DISMISSED', by: 'other.teacher', at: Date.now() - 30000 },
        },
      ]);
    }
    return json(404, { error: 'NOT_FOUND', message: 'No such resource in the stand-in server.' });
  };
})();
