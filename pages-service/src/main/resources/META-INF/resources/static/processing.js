// Polls the payment's status and turns the processing page into the receipt without reloading it.
// An external file (not inline) so the Content-Security-Policy can stay "script-src 'self'".
(function () {
  'use strict';

  var root = document.getElementById('processing');
  if (!root || !window.fetch) {
    return; // Without fetch the "Check again" link still works.
  }
  var statusUrl = root.getAttribute('data-status-url');
  var interval = parseInt(root.getAttribute('data-poll-ms'), 10) || 2000;
  var wait = parseInt(root.getAttribute('data-wait-ms'), 10) || 60000;
  var started = Date.now();
  var slow = false;

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, value) {
    var el = byId(id);
    if (el && value !== undefined && value !== null) {
      el.textContent = value; // textContent, never innerHTML: the values come from the payment record.
    }
  }

  function showRow(rowId, valueId, value) {
    var row = byId(rowId);
    if (row && value) {
      setText(valueId, value);
      row.hidden = false;
    }
  }

  function showReceipt(receipt) {
    setText('completed-amount', receipt.amount);
    setText('completed-product', receipt.productName);
    setText('summary-product', receipt.productName);
    setText('summary-amount', receipt.amount);
    setText('summary-status', receipt.statusLabel);
    setText('summary-reference', receipt.reference);
    showRow('row-paid-on', 'summary-paid-on', receipt.paidOn);
    showRow('row-email', 'summary-email', receipt.maskedEmail);
    showRow('row-policy', 'summary-policy', receipt.policyNumber);
    byId('pending-state').hidden = true;
    byId('next-steps').hidden = false;
    var done = byId('completed-state');
    done.hidden = false;
    document.title = document.title.replace('Confirming your payment', 'Payment received');
    done.focus(); // Moves screen readers and keyboard users to the news.
  }

  function schedule() {
    if (!slow && Date.now() - started >= wait) {
      slow = true;
      byId('slow-notice').hidden = false;
    }
    // After the wait, keep checking but less often.
    window.setTimeout(poll, slow ? Math.max(interval * 5, 10000) : interval);
  }

  function poll() {
    fetch(statusUrl, { headers: { 'Accept': 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        if (body.status === 'pending' || body.status === 'failed') {
          // "failed" is an earlier declined card; the successful retry that brought the customer here is
          // still being confirmed.
          schedule();
        } else if (body.status === 'completed' && body.receipt) {
          showReceipt(body.receipt);
        } else {
          // Declined, expired or cancelled: the server renders what that means.
          window.location.reload();
        }
      })
      .catch(function () {
        schedule(); // A network blip: try again later, the page stays as it is.
      });
  }

  schedule();
})();
