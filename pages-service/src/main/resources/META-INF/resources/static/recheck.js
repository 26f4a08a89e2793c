// On the "not found" page of a well-formed checkout id: a Payment Link's checkout is only known to us once its
// webhook lands, and the customer's redirect can come first. Check quietly for two minutes and open the real page
// as soon as the payment is known. External file, so the Content-Security-Policy stays "script-src 'self'".
(function () {
  'use strict';

  var el = document.getElementById('recheck');
  if (!el || !window.fetch || !window.URL) {
    return; // The "Check again" link still works.
  }
  var retryUrl = el.getAttribute('data-retry-url');
  var sessionId = new URL(retryUrl, window.location.href).searchParams.get('session_id');
  if (!sessionId) {
    return;
  }
  var statusUrl = '/api/sessions/' + encodeURIComponent(sessionId) + '/status';
  var started = Date.now();

  function poll() {
    fetch(statusUrl, { headers: { 'Accept': 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) {
          window.location.replace(retryUrl);
        } else if (Date.now() - started < 120000) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        if (Date.now() - started < 120000) {
          window.setTimeout(poll, 5000);
        }
      });
  }

  window.setTimeout(poll, 1000);
})();
