// What the browser remembers between visits: who this is (per workshop link), the organiser key,
// and unsent edits (see ot.js).
const IDENTITY = 'yantao.identity';
const ORGANISER = 'yantao.organiserKey';

export function identity() {
  return read(IDENTITY);
}

export function saveIdentity(value) {
  localStorage.setItem(IDENTITY, JSON.stringify(value));
}

export function forgetIdentity() {
  localStorage.removeItem(IDENTITY);
}

export function organiserKey() {
  return localStorage.getItem(ORGANISER);
}

export function saveOrganiserKey(key) {
  localStorage.setItem(ORGANISER, key);
}

export function read(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function write(key, value) {
  localStorage.setItem(key, JSON.stringify(value));
}
