// Joining: the code (filled in from /j/<code>), a name and an organisation. The token is kept in
// localStorage, so a reload or a lost connection keeps the person and their room.
import { api } from '../api.js';
import { topBar } from '../chrome.js';
import { field, h, setText } from '../dom.js';
import { identity, saveIdentity, forgetIdentity } from '../store.js';

const ERRORS = {
  'join.code_unknown': 'join.error.codeUnknown',
  'join.code_required': 'join.error.codeRequired',
  'workshop.closed': 'join.error.closed',
  'room.full': 'join.error.full',
  'invitation.unknown': 'join.error.invitation',
  'request.invalid': 'join.error.invalid',
  network: 'error.network',
};

export function joinPage(root, { joinCode, invitation }) {
  const known = identity();
  if (known && !invitation && (!joinCode || sameCode(known.joinCode, joinCode))) {
    location.replace(known.role === 'participant' ? '/room' : '/console');
    return;
  }
  const code = h('input', { name: 'joinCode', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 32, required: true, value: joinCode ?? '', class: 'code-input' });
  const name = h('input', { name: 'name', autocomplete: 'name', maxlength: 100, required: true });
  const organisation = h('input', { name: 'organisation', autocomplete: 'organization', maxlength: 100, required: true });
  const error = h('p', { class: 'error', role: 'alert', id: 'join-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', t: invitation ? 'join.acceptInvitation' : 'join.submit' });

  const form = h('form', { class: 'card join-form', id: 'join-form', novalidate: true },
    h('h1', { t: invitation ? 'join.invitationTitle' : 'join.title' }),
    h('p', { class: 'lead', t: invitation ? 'join.invitationLead' : 'join.lead' }),
    invitation ? null : field('join.code', code, 'join.codeHint'),
    field('join.name', name),
    field('join.organisation', organisation),
    error,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const missing = [invitation ? null : code, name, organisation].find((input) => input && !input.value.trim());
    if (missing) {
      setText(error, 'join.error.missing');
      error.hidden = false;
      missing.focus();
      return;
    }
    submit.disabled = true;
    try {
      const body = { name: name.value.trim(), organisation: organisation.value.trim() };
      if (invitation) {
        body.invitation = invitation;
      } else {
        body.joinCode = code.value.trim();
      }
      const joined = await api('POST', '/api/join', { body });
      forgetIdentity();
      saveIdentity({ token: joined.token, participantId: joined.participantId, workshopId: joined.workshopId, role: joined.role, joinCode: body.joinCode ?? null, name: body.name });
      location.assign(joined.role === 'participant' ? '/room' : '/console');
    } catch (e) {
      setText(error, ERRORS[e.code] ?? 'join.error.generic');
      error.hidden = false;
      submit.disabled = false;
    }
  });

  root.replaceChildren(topBar(), h('main', { class: 'page narrow' }, form));
  (invitation || joinCode ? name : code).focus();
}

function sameCode(a, b) {
  const norm = (c) => String(c ?? '').replace(/[\s-]/g, '').toUpperCase();
  return norm(a) === norm(b);
}
