// Charts of the KPI panel, drawn with Chart.js (served by this bundle from the chart.js WebJar,
// unpacked by the Maven build into lib/; see the bundle's pom.xml).

let loading = null;

/** Loads Chart.js once; its UMD build defines globalThis.Chart when imported as a module. */
export function loadChart() {
  if (!loading) {
    loading = import('./lib/chart.umd.js').then(() => {
      if (!globalThis.Chart) throw new Error('Chart.js did not load');
      return globalThis.Chart;
    });
  }
  return loading;
}

/**
 * Draws an indicator's cumulative actual by fiscal year as bars against its target as a line.
 * Returns the Chart instance (destroy it when the panel leaves).
 */
export async function indicatorChart(canvas, breakdown, ctx) {
  const Chart = await loadChart();
  const labels = breakdown.years.map(y => ctx.fmt.fiscalYear(y.fiscalYear));
  const actual = breakdown.years.map(y => (y.cumulative === null || y.cumulative === undefined ? null : Number(y.cumulative)));
  const target = breakdown.years.map(() => Number(breakdown.target));
  return new Chart(canvas, {
    data: {
      labels,
      datasets: [
        { type: 'bar', label: ctx.t('chart.actual'), data: actual, backgroundColor: '#1f6fb2' },
        { type: 'line', label: ctx.t('chart.target'), data: target, borderColor: '#b3261e', backgroundColor: '#b3261e',
          borderDash: [6, 4], pointRadius: 0, fill: false },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: { y: { beginAtZero: true, suggestedMax: Number(breakdown.target) * 1.1 } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
