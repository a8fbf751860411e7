// Swagger UI on the platform's live OpenAPI document. When the administrator is signed in to the
// console, "Try it out" uses that session; changes then carry the session's CSRF token.
(function () {
  'use strict';
  var csrfToken = null;
  fetch('/api/session', { credentials: 'same-origin', headers: { 'X-Requested-With': 'swagger-ui' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (session) { csrfToken = session ? session.csrfToken : null; })
    .catch(function () { csrfToken = null; });
  window.ui = SwaggerUIBundle({
    url: window.location.origin + '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'none',
    filter: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    requestInterceptor: function (request) {
      var method = (request.method || 'GET').toUpperCase();
      if (csrfToken && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
        request.headers['X-CSRF-Token'] = csrfToken;
      }
      return request;
    }
  });
})();
