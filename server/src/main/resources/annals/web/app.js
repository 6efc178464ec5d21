// Annals dashboard: a map, a timeline that filters everything else when brushed, a table and
// an event view, all from the server's own API and files (no internet needed). Every text that
// comes from an article is put in the page as text (textContent), never as HTML.
'use strict';
(function () {
  const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE',
    'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT'];
  const ACLED = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots', 'Protests',
    'Strategic developments', 'Peaceful protest', 'Protest with intervention', 'Excessive force against protesters',
    'Violent demonstration', 'Mob violence', 'Armed clash', 'Government regains territory',
    'Non-state actor overtakes territory', 'Air/drone strike', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade', 'Suicide bomb', 'Chemical weapon', 'Sexual violence', 'Attack',
    'Abduction/forced disappearance', 'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use',
    'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'];
  const COLORS = {
    PROTEST: '#f28e2b', MOBILIZE: '#edc948', ASSAULT: '#e15759', FIGHT: '#9c1c1c', COERCE: '#b07aa1',
    THREATEN: '#ff9da7', SANCTION: '#9c755f', DEMAND: '#76b7b2', DISAPPROVE: '#59a14f', REJECT: '#8cd17d',
    AGREE: '#4e79a7', CONSULT: '#86bcb6', SUPPORT: '#a0cbe8', CONCEDE: '#499894', COOPERATE: '#2f6f9f',
    AID: '#5fa2ce', RETREAT: '#bab0ac', INVESTIGATE: '#79706e'
  };
  const FILTERS = ['from', 'to', 'country', 'admin1', 'plover_type', 'acled_type', 'actor', 'q', 'min_sources'];
  const $ = (id) => document.getElementById(id);
  const state = { brush: null, next: null, sort: 'date', counts: {} };
  let map, countryLayer, pointLayer, loadSeq = 0;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function say(text) { $('status').textContent = text; }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const j = await r.json();
    if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
    return j;
  }

  /** The form's filters, with the brushed dates unless {dates: false}. */
  function query(extra, opts) {
    const p = new URLSearchParams();
    const withDates = !opts || opts.dates !== false;
    for (const f of FILTERS) {
      let v = $('f-' + f).value.trim();
      if ((f === 'from' || f === 'to') && state.brush && withDates) v = state.brush[f];
      if ((f === 'from' || f === 'to') && !withDates) v = '';
      if (v) p.set(f, v);
    }
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  }

  function wrapLon(x) { return ((x + 180) % 360 + 360) % 360 - 180; }

  function viewBbox() {
    const b = map.getBounds();
    const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
    let west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; } else { west = wrapLon(west); east = wrapLon(east); }
    return [west, south, east, north].map((x) => x.toFixed(4)).join(',');
  }

  function color(type) { return COLORS[type] || '#666'; }

  // ---- map -------------------------------------------------------------------------------
  async function initMap(status) {
    // The view lives in the address (#map=zoom/lat/lon), so a view can be bookmarked and shared.
    const m = /map=(\d+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
    map = L.map('map', { worldCopyJump: true, minZoom: 1 })
      .setView(m ? [parseFloat(m[2]), parseFloat(m[3])] : [18, 12], m ? parseInt(m[1], 10) : 2);
    map.on('moveend', () => {
      const c = map.getCenter();
      history.replaceState(null, '', '#map=' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4));
    });
    if (status.tiles) {
      L.tileLayer(status.tiles, { attribution: status.tiles_attribution || '' }).addTo(map);
    }
    const outlines = await getJSON('/geo/countries.geojson');
    countryLayer = L.geoJSON(outlines, {
      style: (f) => countryStyle(f),
      onEachFeature: (f, layer) => {
        layer.on('click', () => { if (f.properties.iso3) { $('f-country').value = f.properties.iso3; refresh(); } });
        layer.bindTooltip(() => (f.properties.name || '') + ': ' + (state.counts[f.properties.iso3] || 0) + ' events', { sticky: true });
      }
    }).addTo(map);
    pointLayer = L.layerGroup().addTo(map);
    map.attributionControl.addAttribution('Outlines: Natural Earth');
    map.on('moveend', loadPoints);
    const legend = $('legend');
    for (const t of ['PROTEST', 'ASSAULT', 'FIGHT', 'COERCE', 'DEMAND', 'AGREE', 'CONSULT']) {
      const i = el('i'); i.style.background = color(t);
      legend.appendChild(el('span', {}, i, t));
    }
    legend.appendChild(el('span', {}, '… circles: events per cell when zoomed out'));
  }

  function countryStyle(f) {
    const n = state.counts[f.properties.iso3] || 0;
    const max = Math.max(1, ...Object.values(state.counts));
    const t = n === 0 ? 0 : 0.15 + 0.85 * Math.log(1 + n) / Math.log(1 + max);
    return { weight: 0.6, color: '#6b7b8c', fillColor: n ? `rgba(200, 60, 40, ${t.toFixed(3)})` : '#eef0ea', fillOpacity: n ? 0.75 : 1 };
  }

  async function loadPoints() {
    const seq = ++loadSeq;
    const zoom = map.getZoom();
    const bbox = viewBbox();
    try {
      if (zoom < 6) {
        const g = await getJSON('/api/stats/grid?' + query({ zoom: String(zoom), bbox }));
        if (seq !== loadSeq) return;
        pointLayer.clearLayers();
        const max = Math.max(1, ...g.cells.map((c) => c.events));
        for (const c of g.cells) {
          const m = L.circleMarker([c.lat, c.lon], {
            radius: 4 + 14 * Math.sqrt(c.events / max), color: '#333', weight: 0.7,
            fillColor: color(c.plover_type), fillOpacity: 0.8, className: 'annals-cell'
          });
          m.bindTooltip(c.events + ' events (mostly ' + (c.plover_type || 'other') + ')');
          m.on('click', () => map.setView([c.lat, c.lon], Math.min(zoom + 2, 8)));
          pointLayer.addLayer(m);
        }
      } else {
        const page = await getJSON('/api/events?' + query({ bbox, limit: '1000' }));
        if (seq !== loadSeq) return;
        pointLayer.clearLayers();
        for (const e of page.events) {
          if (e.location == null || e.location.lat == null) continue;
          const m = L.circleMarker([e.location.lat, e.location.lon], {
            radius: 6, color: '#222', weight: 0.7, fillColor: color(e.plover.type), fillOpacity: 0.85, className: 'annals-point'
          });
          m.bindTooltip((e.date || 'undated') + ' · ' + e.plover.type + ' · ' + (e.location.name || ''));
          m.on('click', () => showEvent(e.id));
          pointLayer.addLayer(m);
        }
      }
    } catch (err) { say(err.message); }
  }

  async function loadCountries() {
    const c = await getJSON('/api/stats/countries?' + query());
    state.counts = {};
    const list = $('countries');
    list.replaceChildren();
    for (const r of c.countries) {
      state.counts[r.country] = r.events;
      const li = el('li', { 'data-country': r.country }, r.country + ' ' + r.events.toLocaleString());
      li.addEventListener('click', () => { $('f-country').value = r.country; refresh(); });
      list.appendChild(li);
    }
    if (countryLayer) countryLayer.setStyle(countryStyle);
    const one = $('f-country').value.trim();
    const show = /^[A-Za-z]{3}$/.test(one);
    $('admin1').hidden = $('admin1-title').hidden = !show;
    if (show) {
      const a = await getJSON('/api/stats/admin1?' + query());
      $('admin1').replaceChildren(...a.admin1.map((r) => {
        const li = el('li', {}, r.admin1 + ' ' + r.events.toLocaleString());
        li.addEventListener('click', () => { $('f-admin1').value = r.admin1; refresh(); });
        return li;
      }));
    }
  }

  // ---- timeline --------------------------------------------------------------------------
  let buckets = [];
  async function loadTimeline() {
    const t = await getJSON('/api/stats/timeline?' + query({ interval: $('interval').value }, { dates: false }));
    buckets = t.buckets;
    drawTimeline();
  }

  function dayNum(s) { return Date.parse(s + 'T00:00:00Z') / 86400000; }
  function dayStr(n) { return new Date(Math.round(n) * 86400000).toISOString().slice(0, 10); }

  function timelineScale() {
    const svg = $('timeline');
    const w = svg.clientWidth || 800;
    if (!buckets.length) return null;
    const lo = dayNum(buckets[0].start);
    const step = { day: 1, week: 7, month: 31 }[$('interval').value];
    const hi = dayNum(buckets[buckets.length - 1].start) + step;
    return { w, lo, hi, step, x: (d) => 30 + (w - 40) * (d - lo) / Math.max(1, hi - lo), d: (x) => lo + (x - 30) * (hi - lo) / (w - 40) };
  }

  function drawTimeline() {
    const svg = $('timeline');
    const ns = 'http://www.w3.org/2000/svg';
    svg.replaceChildren();
    const s = timelineScale();
    if (!s) { return; }
    const h = 110, top = 8, bottom = 18;
    const max = Math.max(1, ...buckets.map((b) => b.events));
    for (const b of buckets) {
      const d = dayNum(b.start);
      const r = document.createElementNS(ns, 'rect');
      const bh = (h - top - bottom) * b.events / max;
      r.setAttribute('class', 'b');
      r.setAttribute('x', s.x(d));
      r.setAttribute('width', Math.max(1, s.x(d + s.step) - s.x(d) - 0.5));
      r.setAttribute('y', h - bottom - bh);
      r.setAttribute('height', bh);
      const title = document.createElementNS(ns, 'title');
      title.textContent = b.start + ': ' + b.events + ' events';
      r.appendChild(title);
      svg.appendChild(r);
    }
    for (const [x, label] of [[30, dayStr(s.lo)], [s.w - 10, dayStr(s.hi - 1)]]) {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', x); t.setAttribute('y', h - 4);
      t.setAttribute('text-anchor', x === 30 ? 'start' : 'end');
      t.textContent = label;
      svg.appendChild(t);
    }
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', 2); t.setAttribute('y', top + 8); t.textContent = String(max);
    svg.appendChild(t);
    if (state.brush) {
      const r = document.createElementNS(ns, 'rect');
      const x0 = s.x(dayNum(state.brush.from)), x1 = s.x(dayNum(state.brush.to) + 1);
      r.setAttribute('class', 'sel'); r.setAttribute('id', 'brush');
      r.setAttribute('x', x0); r.setAttribute('width', Math.max(1, x1 - x0));
      r.setAttribute('y', 2); r.setAttribute('height', h - bottom);
      svg.appendChild(r);
    }
  }

  function initBrush() {
    const svg = $('timeline');
    let start = null;
    const xOf = (ev) => ev.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener('mousedown', (ev) => { start = xOf(ev); ev.preventDefault(); });
    window.addEventListener('mouseup', (ev) => {
      if (start === null) return;
      const end = xOf(ev);
      const s = timelineScale();
      const a = Math.min(start, end), b = Math.max(start, end);
      start = null;
      if (!s || b - a < 3) return;
      state.brush = { from: dayStr(Math.max(s.lo, Math.floor(s.d(a)))), to: dayStr(Math.min(s.hi - 1, Math.floor(s.d(b)))) };
      $('brush-label').textContent = 'Dates ' + state.brush.from + ' to ' + state.brush.to;
      $('brush-clear').hidden = false;
      drawTimeline();
      refresh({ timeline: false });
    });
    $('brush-clear').addEventListener('click', () => {
      state.brush = null; $('brush-label').textContent = ''; $('brush-clear').hidden = true;
      drawTimeline(); refresh({ timeline: false });
    });
  }

  // ---- table -----------------------------------------------------------------------------
  function actorText(a) { return a ? (a.name || a.text) + (a.country || a.sector ? ' [' + (a.country || '') + (a.sector || '') + ']' : '') : ''; }

  async function loadTable(append) {
    const extra = { limit: '50', sort: $('sort').value };
    if (append && state.next) extra.cursor = state.next;
    const page = await getJSON('/api/events?' + query(extra));
    const body = $('table').tBodies[0];
    if (!append) body.replaceChildren();
    for (const e of page.events) {
      const tr = el('tr', { 'data-id': e.id },
        el('td', {}, e.date || ''), el('td', {}, e.plover.type + (e.plover.mode ? '/' + e.plover.mode : '')),
        el('td', {}, e.acled.sub_event_type || ''), el('td', {}, actorText(e.source)), el('td', {}, actorText(e.target)),
        el('td', {}, [e.location.name, e.location.country].filter(Boolean).join(', ')), el('td', {}, e.num_sources));
      tr.addEventListener('click', () => showEvent(e.id));
      body.appendChild(tr);
    }
    state.next = page.next;
    $('more').hidden = !page.next;
    $('total').textContent = page.total.toLocaleString() + ' events';
    $('total').setAttribute('data-total', page.total);
  }

  // ---- event view ------------------------------------------------------------------------
  /** The sentence with the trigger, actors and place marked; offsets are into the article. */
  function highlighted(ev, report) {
    const marks = [];
    const base = ev.start;
    const add = (s, e, cls) => { if (s != null && e != null && s >= base && e <= ev.end && e > s) marks.push([s - base, e - base, cls]); };
    add(ev.trigger_start, ev.trigger_end, 'trigger');
    for (const a of [report.source, report.target]) if (a) add(a.start, a.end, 'actor');
    const place = report.location && report.location.name;
    if (place) { const i = ev.sentence.indexOf(place); if (i >= 0) marks.push([i, i + place.length, 'place']); }
    marks.sort((a, b) => a[0] - b[0]);
    const out = el('p', { class: 'sentence' });
    let at = 0;
    for (const [s, e, cls] of marks) {
      if (s < at) continue;
      out.appendChild(document.createTextNode(ev.sentence.slice(at, s)));
      out.appendChild(el('mark', { class: cls, title: cls }, ev.sentence.slice(s, e)));
      at = e;
    }
    out.appendChild(document.createTextNode(ev.sentence.slice(at)));
    return out;
  }

  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null; }

  async function showEvent(id) {
    let e;
    try { e = await getJSON('/api/events/' + encodeURIComponent(id)); } catch (err) { say(err.message); return; }
    const body = $('event-body');
    const loc = e.location || {};
    const dl = el('dl', {});
    const row = (k, v) => { if (v !== null && v !== undefined && v !== '') { dl.appendChild(el('dt', {}, k)); dl.appendChild(el('dd', {}, String(v))); } };
    row('Date', (e.date || 'unknown') + (e.date_end ? ' to ' + e.date_end : '') + ' (' + e.date_precision + ', from the ' + e.date_basis + ')');
    row('PLOVER', e.plover.type + (e.plover.mode ? ' / ' + e.plover.mode : '') + (e.plover.context.length ? ' · ' + e.plover.context.join(', ') : ''));
    row('CAMEO', e.cameo);
    row('ACLED', [e.acled.event_type, e.acled.sub_event_type].filter(Boolean).join(' / '));
    row('Source', actorText(e.source));
    row('Target', actorText(e.target));
    row('Place', [loc.name, loc.admin1, loc.country].filter(Boolean).join(', ') + (loc.precision ? ' (' + loc.precision + (loc.geonames_id ? ', GeoNames ' + loc.geonames_id : '') + ')' : ''));
    row('Fatalities', e.fatalities);
    row('Confidence', e.confidence);
    row('Reports', e.num_reports + ' in ' + e.num_articles + ' articles, ' + e.num_sources + ' independent sources');
    const reports = el('div', {});
    for (const r of e.reports) {
      const a = r.article || {};
      const url = safeUrl(a.url);
      const title = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title || url) : el('span', {}, a.title || a.id);
      const div = el('div', { class: 'report' }, el('div', { class: 'meta' }, title, ' · ', a.outlet || '', ' · ', a.published || ''));
      for (const ev of r.evidence) {
        div.appendChild(highlighted(ev, r));
        div.appendChild(el('div', { class: 'meta' }, 'rule: ' + ev.rule));
      }
      reports.appendChild(div);
    }
    body.replaceChildren(el('h2', {}, e.plover.type + ' · ' + (e.date || 'undated') + ' · ' + (loc.name || loc.country || 'unknown place')), dl, el('h3', {}, 'Reports'), reports);
    $('event-view').hidden = false;
    $('event-view').setAttribute('data-id', e.id);
  }

  // ---- wiring ----------------------------------------------------------------------------
  function exportLinks() {
    $('csv').href = '/api/events.csv?' + query();
    $('geojson').href = '/api/events.geojson?' + query();
  }

  async function refresh(opts) {
    const withTimeline = !opts || opts.timeline !== false;
    say('');
    exportLinks();
    try {
      await Promise.all([loadTable(false), loadCountries(), withTimeline ? loadTimeline() : null, loadPoints()]);
    } catch (err) { say(err.message); }
  }

  async function start() {
    for (const t of PLOVER) $('f-plover_type').appendChild(el('option', {}, t));
    for (const t of ACLED) $('f-acled_type').appendChild(el('option', {}, t));
    const status = await getJSON('/api/status');
    $('status').textContent = '';
    document.title = 'Annals: ' + status.events.toLocaleString() + ' events';
    await initMap(status);
    initBrush();
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.brush = null; refresh(); });
    $('clear').addEventListener('click', () => { for (const f of FILTERS) $('f-' + f).value = ''; state.brush = null; $('brush-clear').hidden = true; $('brush-label').textContent = ''; refresh(); });
    $('interval').addEventListener('change', loadTimeline);
    $('sort').addEventListener('change', () => loadTable(false));
    $('more').addEventListener('click', () => loadTable(true));
    $('event-close').addEventListener('click', () => { $('event-view').hidden = true; });
    $('event-view').addEventListener('click', (ev) => { if (ev.target === $('event-view')) $('event-view').hidden = true; });
    window.addEventListener('resize', drawTimeline);
    window.addEventListener('hashchange', () => {
      const h = /map=(\d+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
      if (h) map.setView([parseFloat(h[2]), parseFloat(h[3])], parseInt(h[1], 10));
    });
    await refresh();
    document.body.setAttribute('data-ready', 'true');
  }

  start().catch((err) => say('The dashboard could not start: ' + err.message));
})();
