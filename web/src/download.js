// Exports are fetched with the bearer token, which a plain link cannot send: the file comes as a
// Blob and is handed to the browser through an object URL on a link with a download attribute,
// under the name the server gives in Content-Disposition.
import { errorText, language } from './i18n.js';
import { h, toast } from './dom.js';

/** The formats a document export comes in, in the order offered. */
export const DOCUMENT_FORMATS = ['docx', 'pdf', 'html', 'md'];
export const IDEA_FORMATS = ['csv', 'xlsx'];

/** Fetches path with the token and saves what comes back as a file. */
export async function download(path, token) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': language() } });
  } catch {
    toast('download.failed', { reason: errorText('network') }, 'warn');
    return;
  }
  if (!response.ok) {
    const json = await response.json().catch(() => null);
    toast('download.failed', { reason: errorText(json?.error?.code ?? `http.${response.status}`) }, 'warn');
    return;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName(response, path), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL may go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * The name Content-Disposition gives: the title as written (filename*, RFC 6266), else its ASCII
 * form (filename), else the last part of the path.
 */
function fileName(response, path) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A malformed encoding: the ASCII name below still names the file.
    }
  }
  const quoted = /filename="([^"]+)"/i.exec(disposition);
  return quoted?.[1] ?? path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A labelled group of buttons, one per format, each downloading `${base}.${format}`; the group's
 * class and every button's data-format let people (and tests) tell them apart.
 */
export function downloadButtons(labelKey, base, formats, token, className) {
  return h('div', { class: `downloads ${className}`, role: 'group', tLabel: labelKey },
    h('span', { class: 'downloads-label', t: labelKey }),
    formats.map((format) => h('button', {
      type: 'button',
      class: 'small',
      'data-format': format,
      t: `download.${format}`,
      onclick: () => download(`${base}.${format}`, token),
    })));
}
