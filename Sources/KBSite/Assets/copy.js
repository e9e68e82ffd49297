// kb help site: the "Copy answer" button on article and code pages.
//
// The page holds the reply as plain text in <pre id="kb_answer-text"> inside a
// <details> ("Reply for a ticket"), which works without JavaScript. The button is in
// the page with the `hidden` attribute; this script shows it and, on a click, copies
// the text: navigator.clipboard where the page may use it, else (file://, older
// browsers, a refused permission) a selected off-screen <textarea> and
// document.execCommand('copy'). It then says "Copied" on the button and in a live
// region for screen readers, and goes back to "Copy answer" after 2 seconds. What it
// says is on the button, in the page's language (data-copied, data-copy-failed).
(function () {
  'use strict';

  var REVERT_AFTER_MS = 2000;

  function copyWithSelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'copy-buffer';
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); }
      );
    }
    return Promise.resolve(copyWithSelection(text));
  }

  function setUp(button) {
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!source) return;
    var label = button.textContent;
    var copiedText = button.getAttribute('data-copied') || '';
    var failedText = button.getAttribute('data-copy-failed') || '';
    var timer = null;

    function say(buttonText, statusText) {
      button.textContent = buttonText;
      if (status) status.textContent = statusText;
    }

    button.addEventListener('click', function () {
      copyText(source.textContent).then(function (copied) {
        if (copied) {
          say(copiedText, copiedText);
          button.classList.add('copied');
        } else {
          say(label, failedText);
          var details = source.closest('details');
          if (details) details.open = true;
        }
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () {
          say(label, '');
          button.classList.remove('copied');
          timer = null;
        }, REVERT_AFTER_MS);
      });
    });
    button.hidden = false;
  }

  var buttons = document.querySelectorAll('button[data-copy-target]');
  for (var i = 0; i < buttons.length; i++) setUp(buttons[i]);
})();
