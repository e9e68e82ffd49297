// kb help site: the simulator's form on a flow page served by kb serve.
//
// Without this script the form is a GET to the page itself and the server renders
// the result into the page. With it, the same values go to the server's API
// (POST /v1/flows/{id}/simulate, the form's data-api), the result or the field's
// error is shown in place without a page load, the address bar gets the result's
// address (the form's values and the moment simulated), and focus moves to the
// result or to the field in error. Every text it writes comes from the API's answer
// or from the form's data-words, in the page's language, and is set as text, never
// as HTML. If the API cannot be reached, the form is sent the ordinary way.
(function () {
  'use strict';

  var form = document.getElementById('kb_flow-form');
  var area = document.getElementById('kb_result-area');
  if (!form || !area || !form.getAttribute('data-api') || !window.fetch || !window.history) return;

  var words = {};
  try {
    words = JSON.parse(form.getAttribute('data-words') || '{}');
  } catch (error) {
    words = {};
  }
  var NOW = 'now';

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sentence(text) {
    text = String(text || '').trim();
    if (!text) return text;
    text = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.?!]$/.test(text) ? text : text + '.';
  }

  // The form's fields in order, as [name, value] pairs.
  function pairs() {
    var list = [];
    var controls = form.querySelectorAll('input[name], select[name], textarea[name]');
    for (var i = 0; i < controls.length; i++) list.push([controls[i].name, controls[i].value]);
    return list;
  }

  function encoded(list) {
    return list.map(function (pair) {
      return encodeURIComponent(pair[0]) + '=' + encodeURIComponent(pair[1]);
    }).join('&');
  }

  function clearErrors() {
    var errors = form.querySelectorAll('.field-error');
    for (var i = 0; i < errors.length; i++) errors[i].parentNode.removeChild(errors[i]);
    var boxes = form.querySelectorAll('.field-invalid');
    for (var j = 0; j < boxes.length; j++) boxes[j].className = 'field';
    var controls = form.querySelectorAll('[aria-invalid]');
    for (var k = 0; k < controls.length; k++) {
      controls[k].removeAttribute('aria-invalid');
      controls[k].setAttribute('aria-describedby', 'kb_help-' + controls[k].name);
    }
  }

  function articleHref(slug, anchor) {
    var own = form.getAttribute('data-article');
    var href = form.getAttribute('data-article-href') || '';
    var base = own && href.slice(-(own.length + 5)) === own + '.html' ? href.slice(0, -(own.length + 5)) : '';
    return base + encodeURIComponent(slug) + '.html' + (anchor ? '#' + encodeURIComponent(anchor) : '');
  }

  function sourceTitle(slug) {
    return slug === form.getAttribute('data-article') ? form.getAttribute('data-article-title') : words.theArticle;
  }

  function start(className, title) {
    while (area.firstChild) area.removeChild(area.firstChild);
    area.className = className;
    area.hidden = false;
    area.setAttribute('aria-labelledby', 'kb_result');
    var heading = element('h2', '', title);
    heading.id = 'kb_result';
    heading.setAttribute('tabindex', '-1');
    area.appendChild(heading);
    return heading;
  }

  function showResult(report, address) {
    var heading = start('flow-result', words.result);
    area.appendChild(element('p', 'outcome', report.headline));
    if (report.details && report.details.length) {
      var details = element('dl', 'result-details');
      report.details.forEach(function (detail) {
        details.appendChild(element('dt', '', detail.label));
        details.appendChild(element('dd', '', detail.value));
      });
      area.appendChild(details);
    }
    if (report.trace && report.trace.length) {
      area.appendChild(element('h3', '', words.rules));
      var steps = element('ol', 'trace');
      report.trace.forEach(function (step) {
        var item = element('li');
        item.appendChild(element('p', 'rule', step.rule));
        if (step.compared) item.appendChild(element('p', 'compared', step.compared));
        item.appendChild(element('p', 'step-result', step.result));
        var source = element('p', 'source', words.statedIn + ' ');
        var link = element('a', '', sourceTitle(step.source.slug));
        link.href = articleHref(step.source.slug, step.source.anchor);
        source.appendChild(link);
        item.appendChild(source);
        steps.appendChild(item);
      });
      area.appendChild(steps);
    }
    var share = element('p', 'share', words.share + ': ');
    var shareLink = element('a', 'share-link', address);
    shareLink.href = address + '#kb_result';
    share.appendChild(shareLink);
    area.appendChild(share);
    heading.focus();
  }

  function showProblem(field, message) {
    start('flow-result flow-problem', words.problem);
    area.appendChild(element('p', '', words.problemLead));
    var list = element('ul');
    var item = element('li');
    var control = field ? form.querySelector('[name="' + field.replace(/["\\]/g, '') + '"]') : null;
    if (control) {
      var label = form.querySelector('label[for="' + control.id + '"]');
      var link = element('a', '', label ? label.childNodes[0].textContent.trim() : field);
      link.href = '#' + control.id;
      item.appendChild(link);
      item.appendChild(document.createTextNode(': ' + message));
      var error = element('p', 'field-error', message);
      error.id = 'kb_error-' + control.name;
      control.parentNode.appendChild(error);
      control.parentNode.className = 'field field-invalid';
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', 'kb_help-' + control.name + ' ' + error.id);
      list.appendChild(item);
      area.appendChild(list);
      control.focus();
    } else {
      item.textContent = message;
      list.appendChild(item);
      area.appendChild(list);
      document.getElementById('kb_result').focus();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var values = pairs();
    var body = {};
    var query = ['lang=' + encodeURIComponent(form.getAttribute('data-lang') || 'en'),
      'time_zone=' + encodeURIComponent(form.getAttribute('data-zone') || 'UTC')];
    values.forEach(function (pair) {
      var value = pair[1].trim();
      if (!value) return;
      if (pair[0] === NOW) query.push('now=' + encodeURIComponent(value));
      else body[pair[0]] = value;
    });
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    area.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('data-api') + '?' + query.join('&'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (answer) {
      if (answer.status === 200) {
        var shared = values.filter(function (pair) { return pair[0] !== NOW; });
        shared.push([NOW, answer.json.now]);
        var address = window.location.pathname + '?' + encoded(shared);
        window.history.pushState(null, '', address);
        showResult(answer.json, address);
      } else if (answer.status === 400 && answer.json && answer.json.error) {
        var error = answer.json.error;
        var message = String(error.message || '');
        var field = error.field === 'input' ? null : error.field;
        if (field && message.indexOf(field + ': ') === 0) message = message.slice(field.length + 2);
        if (error.code === 'invalid-parameter' && message.indexOf(NOW) >= 0) field = NOW;
        showProblem(field, sentence(message));
      } else {
        form.submit();
      }
    }).catch(function () {
      form.submit();
    }).then(function () {
      if (button) button.disabled = false;
      area.removeAttribute('aria-busy');
    });
  });
})();
