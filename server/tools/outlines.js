// Converts Natural Earth's 1:110m country outlines (npm world-atlas 2.0.2, TopoJSON, public domain)
// into the GeoJSON the dashboard draws, each country keyed by its ISO 3166 alpha-3 code (from
// npm i18n-iso-countries 7.14.0). Run by server/tools/outlines.sh.
const fs = require('fs');
const [topoFile, codesFile, outFile] = process.argv.slice(2);
const topo = JSON.parse(fs.readFileSync(topoFile, 'utf8'));
const codes = JSON.parse(fs.readFileSync(codesFile, 'utf8'));
const numericToIso3 = {};
for (const c of codes) numericToIso3[String(c[2]).padStart(3, '0')] = c[1];
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [Math.round((x * sx + tx) * 1000) / 1000, Math.round((y * sy + ty) * 1000) / 1000];
  });
});
function ring(indices) {
  const pts = [];
  for (const i of indices) {
    const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
}
// A ring that crosses the 180th meridian jumps from 180 to -180; shifting its western points by
// 360 degrees keeps it one shape, so the map draws no band across the world.
function unwrap(r) {
  let crosses = false;
  for (let i = 1; i < r.length; i++) if (Math.abs(r[i][0] - r[i - 1][0]) > 180) crosses = true;
  return crosses ? r.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : r;
}
const features = [];
for (const g of topo.objects.countries.geometries) {
  if (!g.type || !g.arcs) continue;
  const iso3 = numericToIso3[g.id] || null;
  if (iso3 === 'ATA') continue; // Antarctica circles the pole: no events, and no clean outline
  const geometry = g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.arcs.map(a => unwrap(ring(a))) }
    : { type: 'MultiPolygon', coordinates: g.arcs.map(p => p.map(a => unwrap(ring(a)))) };
  features.push({ type: 'Feature', properties: { iso3, name: g.properties.name }, geometry });
}
fs.writeFileSync(outFile, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`outlines: ${features.length} countries, ${features.filter(f => !f.properties.iso3).length} without an ISO code -> ${outFile}`);
