// Who opens a staff page (console, report) and for which workshop: the organiser by key, or a
// facilitator or observer by the identity they joined with. Anyone else is sent where they belong.
import { api } from '../api.js';
import { fatal } from '../chrome.js';
import { forgetIdentity, identity, organiserKey } from '../store.js';

/** The caller's token and role and the workshop (from ?workshop=), or null once it has redirected. */
export async function openStaffWorkshop(root) {
  const me = identity();
  const key = organiserKey();
  let workshopId = new URLSearchParams(location.search).get('workshop');
  let token;
  let role;
  if (key && (workshopId || !me || me.role === 'participant')) {
    token = key;
    role = 'organiser';
  } else if (me && me.role !== 'participant') {
    token = me.token;
    role = me.role;
    workshopId = workshopId ?? me.workshopId;
  } else {
    location.replace(me ? '/room' : '/');
    return null;
  }
  if (!workshopId) {
    location.replace('/organiser');
    return null;
  }
  try {
    const workshop = await api('GET', `/api/workshops/${encodeURIComponent(workshopId)}`, { token });
    return { token, role, workshop };
  } catch (e) {
    if (e.status === 401 && token !== key) {
      forgetIdentity();
      location.replace('/');
      return null;
    }
    fatal(root, e.status === 404 ? 'console.notFound' : 'console.loadFailed');
    return null;
  }
}
