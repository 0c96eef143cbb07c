/**
 * The upload forms' script, served by the document pages' own function: when a file is chosen it
 * fills in its kind (when the browser knows it and it is on the list) and its name, percent-encoded
 * because S3 keeps metadata in ASCII; a file over 25 MB is stopped before it is sent. Without it the
 * form still works: the office picks the kind, and the file is named after it.
 */
export const DOCUMENTS_JS = `
(function () {
  var forms = document.querySelectorAll('form.upload');
  Array.prototype.forEach.call(forms, function (form) {
    var file = form.querySelector('input[type=file]');
    var type = form.querySelector('[data-type]');
    var name = form.querySelector('[data-name]');
    var error = form.querySelector('[data-too-big]');
    var max = Number(form.getAttribute('data-max'));
    function tooBig() {
      var f = file.files && file.files[0];
      return f && f.size > max;
    }
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      if (!f) return;
      name.value = encodeURIComponent(f.name);
      if (f.type && type.querySelector('option[value="' + f.type + '"]')) type.value = f.type;
      error.textContent = tooBig() ? error.getAttribute('data-too-big') : '';
      error.hidden = !tooBig();
    });
    form.addEventListener('submit', function (e) {
      if (tooBig()) {
        e.preventDefault();
        error.hidden = false;
        file.focus();
      }
    });
  });
})();
`;
