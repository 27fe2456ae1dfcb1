'use strict';
/*
 * The page's sign-in: a SMART App Launch 2.0 public client using the OAuth 2.0 authorization code flow
 * with PKCE S256 (RFC 7636). Standalone launch signs in at the configured authorization server; an EHR
 * launch (launch.html?iss=...&launch=...) discovers the server from iss/.well-known/smart-configuration.
 * The access token is kept in this script's memory only: never in storage, never in a URL. What must
 * survive the redirect to the authorization server (state, code verifier, token endpoint) is kept in
 * sessionStorage for that one round trip and removed when the code comes back.
 */
const Auth = (() => {
  const PENDING = 'toxgrade.signin';
  let config = null;
  let token = null;
  let context = {};

  function b64url(bytes) {
    let text = '';
    new Uint8Array(bytes).forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(n) {
    const bytes = new Uint8Array(n);
    crypto.getRandomValues(bytes);
    return b64url(bytes);
  }

  async function challengeOf(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return b64url(digest);
  }

  async function loadConfig() {
    if (!config) {
      const answer = await fetch(new URL('config', location.href), { headers: { Accept: 'application/json' } });
      if (!answer.ok) {
        throw new Error('the page configuration could not be read (' + answer.status + ')');
      }
      config = await answer.json();
    }
    return config;
  }

  function redirectUri() {
    return new URL('./', location.href).href.replace(/launch\.html$/, '');
  }

  /** Sends the browser to the authorization server; {@code after} is the view to show once back. */
  async function begin(options) {
    const cfg = await loadConfig();
    const verifier = random(32);
    const state = random(16);
    const endpoints = options.endpoints || { authorize: cfg.authorizationEndpoint, token: cfg.tokenEndpoint };
    if (!endpoints.authorize || !endpoints.token) {
      throw new Error('no authorization server is configured (toxgrade.ui.authorization-endpoint)');
    }
    sessionStorage.setItem(PENDING, JSON.stringify({
      state, verifier, tokenEndpoint: endpoints.token, redirectUri: redirectUri(), after: options.after || '',
    }));
    const scope = options.launch ? 'launch ' + cfg.scope : cfg.scope;
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: cfg.clientId,
      redirect_uri: redirectUri(),
      scope,
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
      aud: options.iss || cfg.fhirBase,
    });
    if (options.launch) {
      query.set('launch', options.launch);
    }
    location.assign(endpoints.authorize + (endpoints.authorize.includes('?') ? '&' : '?') + query.toString());
  }

  /** Back from the authorization server with ?code&state: exchanges the code; answers the view to show. */
  async function complete() {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    if (!code) {
      return null;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname);
    if (!pending || pending.state !== params.get('state')) {
      throw new Error('the sign-in answer does not belong to this page (state)');
    }
    const cfg = await loadConfig();
    const answer = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri,
        client_id: cfg.clientId, code_verifier: pending.verifier,
      }),
    });
    const body = await answer.json();
    if (!answer.ok) {
      throw new Error(diagnostics(body) || 'the token request was refused (' + answer.status + ')');
    }
    token = body.access_token;
    context = { patient: body.patient || null, scope: body.scope || '', expiresIn: body.expires_in };
    return { after: pending.after, patient: context.patient };
  }

  function diagnostics(body) {
    if (body && body.resourceType === 'OperationOutcome' && body.issue && body.issue.length) {
      return body.issue[0].diagnostics;
    }
    return body && (body.error_description || body.error);
  }

  /** GET of the secured API with the token; a 401 means the sign-in has lapsed. */
  async function get(path) {
    const cfg = await loadConfig();
    const answer = await fetch(new URL(path, cfg.apiBase), {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
    });
    const body = answer.status === 204 ? null : await answer.json().catch(() => null);
    if (!answer.ok) {
      const error = new Error(diagnostics(body) || 'HTTP ' + answer.status);
      error.status = answer.status;
      throw error;
    }
    return body;
  }

  return {
    loadConfig, begin, complete, get, diagnostics,
    signedIn: () => token !== null,
    signOut: () => { token = null; context = {}; },
    context: () => context,
  };
})();
