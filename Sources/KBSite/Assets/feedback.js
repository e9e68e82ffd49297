// kb help site: "Was this helpful?" on article and code pages.
//
// Without this script the form posts and the server answers 303 back to the page's
// #kb_feedback-thanks, which the style sheet shows (:target). With it, the same form
// is sent with fetch (as a form, so that a kb server on another origin gets a simple
// request) asking for JSON, and the thank-you is shown without a reload, focused so
// that screen readers read it. When sending fails, the message on the form
// (data-feedback-failed, in the page's language) is said in a live region.
(function () {
  'use strict';

  var form = document.querySelector('form.feedback-form');
  var thanks = document.getElementById('kb_feedback-thanks');
  var status = document.getElementById('kb_feedback-status');
  if (!form || !thanks || !window.fetch || !window.URLSearchParams) return;

  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button || button.name !== 'helpful') return;
    event.preventDefault();
    var body = new URLSearchParams();
    var fields = form.querySelectorAll('input, select, textarea');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].name) body.append(fields[i].name, fields[i].value);
    }
    body.append('helpful', button.value);
    var buttons = form.querySelectorAll('button');
    for (var j = 0; j < buttons.length; j++) buttons[j].disabled = true;
    fetch(form.action, {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: body
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      form.hidden = true;
      thanks.classList.add('shown');
      thanks.focus();
    }).catch(function () {
      for (var k = 0; k < buttons.length; k++) buttons[k].disabled = false;
      status.textContent = form.getAttribute('data-feedback-failed');
    });
  });
})();
