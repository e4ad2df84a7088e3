// A countdown on the server's clock (docs/protocol.md, "Rooms"): every screen computes the same
// remaining time from endsAt and its estimate of the server's time, whatever its own clock says.
import { h, setText } from './dom.js';

export function remainingMs(timer, live) {
  if (!timer) {
    return null;
  }
  if (timer.state === 'running' && timer.endsAt != null) {
    return Math.max(0, timer.endsAt - live.serverNow());
  }
  if (timer.state === 'finished') {
    return 0;
  }
  return Math.max(0, timer.remainingMs ?? 0);
}

export function clock(ms) {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A timer display; call set(timer) on every room.timer. onEnd runs once when time runs out. */
export function timerView(live, onEnd) {
  const time = h('span', { class: 'timer-time', 'aria-hidden': 'true' });
  const stateText = h('span', { class: 'timer-state' });
  const view = h('div', { class: 'timer', id: 'timer', role: 'timer', hidden: true }, time, stateText);
  let timer = null;
  let ended = false;
  const tick = () => {
    const left = remainingMs(timer, live);
    if (left == null) {
      view.hidden = true;
      return;
    }
    view.hidden = false;
    time.textContent = clock(left);
    view.dataset.state = left === 0 ? 'finished' : timer.state;
    view.setAttribute('aria-label', time.textContent);
    setText(stateText, left === 0 ? 'timer.finished' : `timer.${timer.state}`);
    if (left === 0 && !ended && timer.state !== 'paused') {
      ended = true;
      onEnd?.();
    }
  };
  const ticking = setInterval(tick, 250);
  live.signal.addEventListener('abort', () => clearInterval(ticking));
  view.set = (next) => {
    timer = next;
    ended = remainingMs(next, live) === 0;
    tick();
  };
  return view;
}
