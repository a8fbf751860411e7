// Calls to the REST API with the console's session: the cookie goes by itself (same origin), the
// CSRF token goes in X-CSRF-Token on every change. Failures reject with an ApiError.

/** A failed API call: the HTTP status (0 when the server could not be reached), the problem+json body and the invalid fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || null;
    /** { fieldName: message } */
    this.fields = {};
    for (const error of (problem && Array.isArray(problem.errors)) ? problem.errors : []) {
      if (error && error.field) {
        this.fields[error.field] = this.fields[error.field] ? `${this.fields[error.field]} / ${error.message}` : error.message;
      }
    }
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

async function body(response) {
  if (response.status === 204 || response.status === 205) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  return response.text();
}

function filename(disposition, fallback) {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch { /* fall through */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/**
 * The API client the shell and every panel use.
 * @param {{ csrfToken: () => string|null, onUnauthorized: (error: ApiError) => void, onActivity: () => void,
 *           language?: () => string }} hooks (language: the console's, so the API words its errors in it)
 */
export function createApi(hooks) {
  async function send(method, path, { json, form, raw = false } = {}) {
    if (typeof path !== 'string' || !path.startsWith('/api/')) {
      throw new TypeError(`API paths start with /api/: ${path}`);
    }
    const headers = { 'Accept': 'application/json, application/problem+json', 'X-Requested-With': 'fetch' };
    const language = hooks.language && hooks.language();
    if (language) headers['Accept-Language'] = language;
    if (!SAFE.has(method)) {
      const token = hooks.csrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }
    let payload;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(json);
    } else if (form !== undefined) {
      payload = form; // the browser sets the multipart boundary
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, { title: 'Network error', detail: String(e && e.message || e) });
    }
    if (response.ok) {
      hooks.onActivity();
      return raw ? response : body(response);
    }
    let problem = null;
    try {
      const parsed = await body(response);
      problem = parsed && typeof parsed === 'object' ? parsed : { title: response.statusText, detail: parsed || '' };
    } catch {
      problem = { title: response.statusText };
    }
    const error = new ApiError(response.status, problem);
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;
    if (response.status === 401) hooks.onUnauthorized(error);
    else hooks.onActivity();
    throw error;
  }

  return Object.freeze({
    get: (path) => send('GET', path),
    post: (path, data) => send('POST', path, { json: data === undefined ? {} : data }),
    put: (path, data) => send('PUT', path, { json: data }),
    patch: (path, data) => send('PATCH', path, { json: data }),
    del: (path) => send('DELETE', path),
    upload: (path, formData) => send('POST', path, { form: formData }),
    /** Downloads a file (a CSV export, a PDF) and saves it under the name the response gives. */
    async download(path) {
      const response = await send('GET', path, { raw: true });
      const blob = await response.blob();
      const name = filename(response.headers.get('Content-Disposition'), path.split('/').pop().split('?')[0] || 'download');
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  });
}
