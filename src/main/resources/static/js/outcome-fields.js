// The portal's answer form: show per target only the fields its chosen outcome needs. Without this script every
// field shows and the server tells which to leave empty. A hidden field is disabled, so what it held is not sent,
// and comes back as typed if the outcome is chosen again.
document.querySelectorAll('.outcome-row').forEach(function (row) {
  var choice = row.querySelector('.outcome-choice');
  if (!choice) {
    return;
  }
  function update() {
    row.querySelectorAll('.outcome-field').forEach(function (field) {
      var applies = choice.value !== '' && field.dataset.outcomes.split(' ').indexOf(choice.value) >= 0;
      field.hidden = !applies;
      field.querySelectorAll('input, select, textarea').forEach(function (input) {
        input.disabled = !applies;
      });
    });
  }
  choice.addEventListener('change', update);
  update();
});
