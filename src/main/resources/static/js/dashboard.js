/* The tables of the dashboard are the figures; the charts only draw them. Amounts are exact strings, read as numbers for drawing only. */
(function () {
  const data = document.getElementById('chart-data');
  if (!data || typeof Chart === 'undefined') {
    return;
  }
  const chart = JSON.parse(data.textContent);
  const assets = chart.assets || [];
  const counterparties = chart.counterparties || [];
  new Chart(document.getElementById('asset-chart'), {
    type: 'bar',
    data: {
      labels: assets.map(a => a.asset),
      datasets: ['requested', 'frozen', 'recovered'].map(k => ({label: k, data: assets.map(a => Number(a[k]))}))
    }
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
