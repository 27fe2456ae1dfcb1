'use strict';
/*
 * EHR launch (SMART App Launch 2.0): the EHR opens launch.html?iss=<its FHIR base>&launch=<opaque>. Only an
 * iss the service is configured to trust is followed; its authorization server comes from its SMART
 * configuration, or, for this service's own FHIR base, from the page configuration.
 */
(async () => {
  const status = document.getElementById('status');
  try {
    const params = new URLSearchParams(location.search);
    const iss = params.get('iss');
    const launch = params.get('launch');
    const cfg = await Auth.loadConfig();
    if (!iss) {
      await Auth.begin({ after: '' });
      return;
    }
    const trim = (u) => u.replace(/\/+$/, '');
    if (!cfg.launchIssuers.map(trim).includes(trim(iss))) {
      throw new Error('this EHR (' + iss + ') is not one the service is configured to be launched from');
    }
    let endpoints;
    if (trim(iss) !== trim(cfg.fhirBase)) {
      const answer = await fetch(trim(iss) + '/.well-known/smart-configuration', { headers: { Accept: 'application/json' } });
      if (!answer.ok) {
        throw new Error('the EHR has no SMART configuration (' + answer.status + ')');
      }
      const smart = await answer.json();
      if (!(smart.code_challenge_methods_supported || []).includes('S256')) {
        throw new Error('the EHR\'s authorization server does not offer PKCE S256');
      }
      endpoints = { authorize: smart.authorization_endpoint, token: smart.token_endpoint };
    }
    await Auth.begin({ iss, launch, endpoints, after: '' });
  } catch (e) {
    status.textContent = 'Launch failed: ' + e.message;
    status.classList.add('error');
  }
})();
