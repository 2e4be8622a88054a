/* Draws the auditor's process diagram with the path taken; the table on the page has the same facts. */
(function () {
  const container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  const viewer = new BpmnJS({ container: container });
  const failed = () => { document.getElementById('diagram-error').hidden = false; };
  fetch(container.dataset.source, { headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(response.status))
    .then(diagram => viewer.importXML(diagram.bpmnXml).then(() => diagram))
    .then(diagram => {
      const canvas = viewer.get('canvas');
      const overlays = viewer.get('overlays');
      const elements = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      diagram.activities.filter(a => elements.get(a.activityId)).forEach(a => {
        canvas.addMarker(a.activityId, a.started > a.finished ? 'fd-active' : 'fd-completed');
        if (a.multiInstance || a.started > 1) {
          const badge = document.createElement('span');
          badge.className = 'fd-count';
          badge.textContent = a.multiInstance ? a.finished + '/' + a.started : '×' + a.started;
          badge.title = a.multiInstance ? 'instances finished / started' : 'times run';
          overlays.add(a.activityId, { position: { bottom: 12, right: 24 }, html: badge });
        }
      });
    })
    .catch(failed);
})();
