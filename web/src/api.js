// The REST API (src/main/resources/openapi/yantao.yaml). Failures reject with ApiError carrying the
// server's error code, so pages can say in the reader's language what went wrong.
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) {
    return null;
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, json?.error?.code ?? `http.${response.status}`, json?.error?.message);
  }
  return json;
}
