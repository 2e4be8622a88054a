// "Add a row" on the filing form, in the page: copies the last target row with its fields emptied and renumbered,
// and moves the focus to it. Without this script the button posts the form and the server adds the row.
(function () {
  var button = document.querySelector('button[name=addRow]');
  if (!button) {
    return;
  }
  button.addEventListener('click', function (event) {
    var rows = document.querySelectorAll('.target-row');
    if (rows.length === 0) {
      return;
    }
    event.preventDefault();
    var index = rows.length;
    var row = rows[rows.length - 1].cloneNode(true);
    row.querySelectorAll('[name], [id], [for], [aria-describedby]').forEach(function (element) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) {
          element.setAttribute(attribute, value.replace(/targets\[\d+\]/g, 'targets[' + index + ']')
            .replace(/targets\d+\./g, 'targets' + index + '.'));
        }
      });
      if (element.matches('input, select')) {
        element.value = '';
        element.classList.remove('is-invalid');
        element.removeAttribute('aria-invalid');
        element.removeAttribute('aria-describedby');
      }
    });
    row.querySelectorAll('.invalid-feedback').forEach(function (feedback) {
      feedback.remove();
    });
    var first = row.querySelector('label');
    if (first) {
      first.textContent = 'Row ' + (index + 1) + ': chain';
    }
    rows[rows.length - 1].after(row);
    row.querySelector('select, input').focus();
  });
})();
