// The respondent page works without this script. With it, answers are saved
// as they are given (the same partial save as the page's save button, sent as
// JSON) and the progress line follows the answers.
'use strict';
(function () {
  var form = document.getElementById('answers');
  if (!form || !window.fetch || !window.JSON) {
    return;
  }
  var status = document.getElementById('status');
  var progress = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var timer = null;

  // The answers of the questions on this page, as api::RespondentAnswer.
  function answers() {
    var list = [];
    var questions = form.querySelectorAll('[data-q]');
    for (var i = 0; i < questions.length; ++i) {
      var question = questions[i];
      var type = question.getAttribute('data-type');
      var answer = { questionId: question.getAttribute('data-q') };
      var inputs = question.querySelectorAll('input, textarea');
      if (type === 'text') {
        answer.text = inputs[0].value;
      } else if (type === 'multiple') {
        answer.choices = [];
        for (var j = 0; j < inputs.length; ++j) {
          if (inputs[j].checked) {
            answer.choices.push(Number(inputs[j].value));
          }
        }
      } else {
        for (var k = 0; k < inputs.length; ++k) {
          if (inputs[k].checked) {
            answer.value = Number(inputs[k].value);
          }
        }
      }
      list.push(answer);
    }
    return list;
  }

  function isAnswered(answer) {
    return answer.value !== undefined || (answer.choices && answer.choices.length > 0) ||
      (answer.text !== undefined && answer.text.trim() !== '');
  }

  // In the all-at-once mode only: one step shows its own position.
  function showProgress(list) {
    var pattern = form.getAttribute('data-progress');
    if (!pattern || !progress) {
      return;
    }
    var done = list.filter(isAnswered).length;
    progress.value = done;
    progressText.textContent = pattern.replace('%1', String(done)).replace('%2', String(progress.max));
  }

  function save() {
    timer = null;
    var body = JSON.stringify({ answers: answers(), final: false });
    // Not form.action: the buttons named "action" shadow that property.
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body,
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      status.textContent = form.getAttribute(response.ok ? 'data-saved' : 'data-failed');
    }, function () {
      status.textContent = form.getAttribute('data-failed');
    });
  }

  function changed() {
    showProgress(answers());
    if (timer !== null) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, 600);
  }

  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
  // A save still waiting goes before the form's own request.
  form.addEventListener('submit', function () {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  });
})();
