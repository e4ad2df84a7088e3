// One WebSocket to /ws (docs/protocol.md) that keeps itself alive: hello with the token, a ping
// every few seconds to learn the server's clock and to notice a dead link, reconnection with
// back-off, and 'ready' after every welcome so that rooms, boards and documents are opened again.
const PING_EVERY_MS = 4000;
const PONG_WITHIN_MS = 4000;
const RETRY_MIN_MS = 300;
const RETRY_MAX_MS = 5000;

export class Live {
  constructor(token) {
    this.token = token;
    this.handlers = new Map();
    this.readyHandlers = [];
    this.stateHandlers = [];
    this.state = 'connecting';
    this.failures = 0;
    this.clockOffset = 0;
    this.socket = null;
    this.me = null;
    this.nextId = 1;
    // Whatever listens on the window for this connection goes when it is stopped (see signal).
    this.lifetime = new AbortController();
    window.addEventListener('offline', () => this.drop(), { signal: this.signal });
    window.addEventListener('online', () => this.connectSoon(0), { signal: this.signal });
  }

  /** Aborted when this connection is stopped: views built on it listen on the window with it. */
  get signal() {
    return this.lifetime.signal;
  }

  /** Registers fn for messages of this type; returns a function that unregisters it. */
  on(type, fn) {
    if (!this.handlers.has(type)) {
      this.handlers.set(type, new Set());
    }
    this.handlers.get(type).add(fn);
    return () => this.handlers.get(type).delete(fn);
  }

  /** fn(welcome) after every successful hello, also the first. */
  onReady(fn) {
    this.readyHandlers.push(fn);
    if (this.state === 'connected') {
      fn(this.me);
    }
  }

  onState(fn) {
    this.stateHandlers.push(fn);
    fn(this.state);
  }

  get connected() {
    return this.state === 'connected';
  }

  /** The server's clock now, as far as this browser can tell. */
  serverNow() {
    return Date.now() + this.clockOffset;
  }

  newId(prefix) {
    return `${prefix}-${Date.now().toString(36)}-${(this.nextId++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Sends msg if connected; false when it could not be sent (callers keep it for later). */
  send(msg) {
    if (!this.connected || this.socket?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.socket.send(JSON.stringify(msg));
    return true;
  }

  start() {
    this.connect();
  }

  connect() {
    clearTimeout(this.retryTimer);
    if (this.socket) {
      return;
    }
    this.setState(this.failures === 0 && !this.me ? 'connecting' : this.failures >= 2 || !navigator.onLine ? 'offline' : 'reconnecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    let socket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.lost();
      return;
    }
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: this.token }));
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = () => {
      if (this.socket === socket) {
        this.lost();
      }
    };
  }

  receive(socket, data) {
    if (socket !== this.socket) {
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg.type === 'welcome') {
      this.me = msg.participant;
      this.learnClock(msg.serverTime, 0);
      this.failures = 0;
      this.setState('connected');
      this.startPinging();
      for (const fn of this.readyHandlers) {
        fn(this.me);
      }
      return;
    }
    if (msg.type === 'pong') {
      this.awaitingPong = null;
      if (this.pingSentAt) {
        this.learnClock(msg.serverTime, Date.now() - this.pingSentAt);
      }
      return;
    }
    if (msg.type === 'error' && msg.code === 'auth.invalid') {
      this.emit('auth.invalid', msg);
      this.stop();
      return;
    }
    this.emit(msg.type, msg);
  }

  emit(type, msg) {
    for (const fn of this.handlers.get(type) ?? []) {
      fn(msg);
    }
    for (const fn of this.handlers.get('*') ?? []) {
      fn(msg);
    }
  }

  learnClock(serverTime, roundTripMs) {
    if (typeof serverTime === 'number') {
      this.clockOffset = serverTime + roundTripMs / 2 - Date.now();
    }
  }

  startPinging() {
    clearInterval(this.pinger);
    this.pinger = setInterval(() => {
      if (this.awaitingPong && Date.now() - this.awaitingPong > PONG_WITHIN_MS) {
        this.drop();
        return;
      }
      if (!this.awaitingPong) {
        this.pingSentAt = Date.now();
        this.awaitingPong = this.pingSentAt;
        this.send({ type: 'ping' });
      }
    }, PING_EVERY_MS);
  }

  /** Gives up the current connection (it is dead or the browser went offline) and tries again. */
  drop() {
    const socket = this.socket;
    if (socket) {
      this.socket = null;
      socket.onclose = null;
      socket.close();
      this.lost();
    }
  }

  lost() {
    this.socket = null;
    this.awaitingPong = null;
    clearInterval(this.pinger);
    this.failures += 1;
    this.setState(this.failures >= 2 || !navigator.onLine ? 'offline' : 'reconnecting');
    const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(this.failures, 5));
    this.connectSoon(delay * (0.75 + Math.random() / 2));
  }

  connectSoon(delayMs) {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delayMs);
  }

  stop() {
    this.stopped = true;
    this.lifetime.abort();
    clearTimeout(this.retryTimer);
    clearInterval(this.pinger);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setState('offline');
  }

  setState(state) {
    if (state !== this.state) {
      this.state = state;
      for (const fn of this.stateHandlers) {
        fn(state);
      }
    }
  }
}
