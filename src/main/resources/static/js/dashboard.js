/* The tables of the dashboard are the figures; the charts only draw them. Amounts are exact strings, read as numbers for drawing only. */
(function () {
  const data = document.getElementById('chart-data');
  if (!data || typeof Chart === 'undefined') {
    return;
  }
  const chart = JSON.parse(data.textContent);
  const assets = chart.assets || [];
  const counterparties = chart.counterparties || [];
  // Each asset on its own axis, titled with its symbol, so that every asset stays readable whatever the others hold.
  document.querySelectorAll('canvas.asset-chart').forEach(canvas => {
    const asset = assets.find(a => a.asset === canvas.dataset.asset);
    if (!asset) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ['requested', 'frozen', 'recovered'],
        datasets: [{label: asset.asset, data: ['requested', 'frozen', 'recovered'].map(k => Number(asset[k]))}]
      },
      options: {plugins: {title: {display: true, text: asset.asset}, legend: {display: false}}}
    });
  });
  new Chart(document.getElementById('time-chart'), {
    type: 'bar',
    data: {
      labels: counterparties.map(c => c.counterparty),
      datasets: [
        {label: 'time to freeze, median (h)', data: counterparties.map(c => c.freezeMedianSeconds == null ? null : c.freezeMedianSeconds / 3600)},
        {label: 'time to freeze, 90th pct. (h)', data: counterparties.map(c => c.freezeP90Seconds == null ? null : c.freezeP90Seconds / 3600)}
      ]
    }
  });
})();
