// Builds Annals' compact gazetteer from unpacked npm packages (see build.sh).
// Usage: node build.js CITIES500_TXT ADMIN1_JSON COUNTRIES_TOPOJSON ISO_CODES_JSON DICT_WORDS OUT_DIR FACTBOOK_DIR ADMIN2_CODES_TXT GEONAMES_AREAS_TXT
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');

const [citiesTxt, admin1Json, topoJson, codesJson, dictWords, outDir, factbookDir, admin2Txt, areasTxt] = process.argv.slice(2);
if (!areasTxt) {
  console.error('usage: node build.js cities500.txt admin1.json countries-50m.json codes.json words OUT_DIR FACTBOOK_DIR admin2Codes.txt SupplementaryGazetteer.txt');
  process.exit(2);
}

// 0. GeoNames' own features for countries and some first-level regions (id, point), in GeoNames'
// 19-column dump format: CLAVIN's SupplementaryGazetteer.txt (Apache-2.0, data from GeoNames, CC BY).
// Per country the current independent state or dependency (PCLI, then PCLD, PCLF, PCLS, PCL,
// PCLIX, TERR; never PCLH, a historical one), the most populous of a class.
const AREA_CLASSES = ['PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCL', 'PCLIX', 'TERR'];
const geonamesCountry = new Map(); // ISO alpha-2 -> {id, lat, lon, rank, pop, name}
const geonamesAdmin1 = new Map(); // "CC.ADM1" -> {id, lat, lon}
for (const line of fs.readFileSync(areasTxt, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, lat, lon, fcode, cc, adm1, pop] = [f[0], f[1], +f[4], +f[5], f[7], f[8], f[10], +f[14] || 0];
  const rank = AREA_CLASSES.indexOf(fcode);
  if (rank >= 0) {
    const seen = geonamesCountry.get(cc);
    if (!seen || rank < seen.rank || rank === seen.rank && pop > seen.pop) {
      geonamesCountry.set(cc, {id, lat, lon, rank, pop, name});
    }
  } else if (fcode === 'ADM1' && adm1) {
    geonamesAdmin1.set(cc + '.' + adm1, {id, lat, lon});
  }
}

// An alternate name is kept if it is a Latin-script proper name a news text could use: starts with
// a capital, only letters, spaces, hyphens, apostrophes and dots, at least 3 characters, not an
// all-capitals code (airport, postal, ISO codes) and not the name again.
const LATIN_NAME = /^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F .'\u2019-]{2,}$/;
function keepAlternate(alt, name) {
  if (!LATIN_NAME.test(alt) || alt === name) return false;
  if (/^[A-Z .-]+$/.test(alt)) return false; // codes and shouting
  if (/\b(?:Airport|Railway|Station|Lungsod|Bayan|Munisipyo|Kommune|Gemeinde)\b/i.test(alt)) return false;
  return alt.length <= 40;
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(); // as Gazetteer.fold

// 1. Cities: one line each.
const cities = [];
for (const line of fs.readFileSync(citiesTxt, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, altField, lat, lon, fclass, fcode, cc, , admin1, admin2, , , pop] = f;
  const seen = new Set([fold(name)]);
  const alts = [];
  for (const a of [ascii, ...(altField ? altField.split(',') : [])]) {
    const k = fold(a);
    if (a && !seen.has(k) && keepAlternate(a, name)) {
      seen.add(k);
      alts.push(a);
    }
  }
  cities.push({id, name, alts, lat: +lat, lon: +lon, fcode, cc, admin1, admin2: admin2 || '', pop: +pop || 0});
}

// 2. Admin1 regions: a representative point from the places they contain: the middle of the box
// around their coordinates (close to the centre of the area); their capital if the box straddles
// the antimeridian.
const admin1 = JSON.parse(fs.readFileSync(admin1Json, 'utf8'));
const byAdmin = new Map();
for (const c of cities) {
  const k = c.cc + '.' + c.admin1;
  if (!byAdmin.has(k)) byAdmin.set(k, []);
  byAdmin.get(k).push(c);
}
// The middle of the box around the members' coordinates, or the seat (feature code `seat`) if
// the box straddles the antimeridian; and the members' summed population.
function anchor(members, seat) {
  const lats = members.map((c) => c.lat).sort((x, y) => x - y);
  const lons = members.map((c) => c.lon).sort((x, y) => x - y);
  let lat = (lats[0] + lats[lats.length - 1]) / 2;
  let lon = (lons[0] + lons[lons.length - 1]) / 2;
  if (lons[lons.length - 1] - lons[0] > 180) { // straddles the antimeridian: use its capital
    const cap = members.find((c) => c.fcode === seat) || members[0];
    lat = cap.lat; lon = cap.lon;
  }
  return {lat, lon, pop: members.reduce((s, c) => s + c.pop, 0)};
}
const adminRows = [];
for (const a of admin1.sort((x, y) => (x.code < y.code ? -1 : 1))) {
  const members = byAdmin.get(a.code) || [];
  if (members.length === 0) continue; // no populated place: nothing to anchor it
  let {lat, lon, pop} = anchor(members, 'PPLA');
  const own = geonamesAdmin1.get(a.code); // GeoNames' own point where the areas file has one
  if (own) { lat = own.lat; lon = own.lon; }
  adminRows.push([a.code, a.name, lat.toFixed(4), lon.toFixed(4), pop, own ? own.id : ''].join('\t'));
}

// 2b. Admin2 districts and counties (GeoNames admin2Codes.txt: code CC.ADM1.ADM2, name, ASCII
// name, GeoNames id): a point from the cities500 places that carry the code, as for admin1.
const admin2Of = (c) => (c.admin2 ? c.cc + '.' + c.admin1 + '.' + c.admin2 : '');
const byAdmin2 = new Map();
for (const c of cities) {
  const k = admin2Of(c);
  if (!k) continue;
  if (!byAdmin2.has(k)) byAdmin2.set(k, []);
  byAdmin2.get(k).push(c);
}
const admin2Rows = [];
const districts = new Set();
for (const line of fs.readFileSync(admin2Txt, 'utf8').split('\n').sort()) {
  const [code, name, ascii, id] = line.split('\t');
  const members = byAdmin2.get(code);
  if (!id || !members) continue; // no populated place: nothing to anchor it
  const {lat, lon, pop} = anchor(members, 'PPLA2');
  const alt = ascii && fold(ascii) !== fold(name) ? ascii : '';
  admin2Rows.push([code, name, alt, id, lat.toFixed(4), lon.toFixed(4), pop].join('\t'));
  districts.add(code);
}

// 3. Countries: GeoNames' own point of the country feature (step 0), as GeoNames-based gazetteers
// and geoparsing gold sets give it, so a country carries the same point and id as in GeoNames.
// Where GeoNames has no row: the midpoint of two estimates of the centre, the conventional point of
// the CIA World Factbook ("Geographic coordinates", public domain) and the area centroid of the
// largest polygon of the Natural Earth outline (close to the centres Wikipedia gives); no
// Factbook point: the centroid. docs/accuracy.md compares the choices.
const factbook = new Map();
for (const region of fs.readdirSync(factbookDir)) {
  const dir = path.join(factbookDir, region);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const coords = d.Geography && d.Geography['Geographic coordinates'];
    const tld = d.Communications && d.Communications['Internet country code'];
    const m = coords && /^(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])/.exec(coords.text);
    const cc = tld && /^\.([a-z]{2})\b/.exec(tld.text);
    if (!m || !cc) continue;
    const iso2 = cc[1] === 'uk' ? 'GB' : cc[1].toUpperCase();
    const lat = (+m[1] + m[2] / 60) * (m[3] === 'S' ? -1 : 1);
    const lon = (+m[4] + m[5] / 60) * (m[6] === 'W' ? -1 : 1);
    factbook.set(iso2, {lat, lon});
  }
}
const topo = JSON.parse(fs.readFileSync(topoJson, 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});
function ring(indexes) {
  const pts = [];
  for (const i of indexes) {
    const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  // Unwrap longitudes so that a ring crossing the antimeridian stays contiguous.
  for (let i = 1; i < pts.length; i++) {
    let [x, y] = pts[i];
    while (x - pts[i - 1][0] > 180) x -= 360;
    while (x - pts[i - 1][0] < -180) x += 360;
    pts[i] = [x, y];
  }
  return pts;
}
function centroid(pts) { // planar polygon centroid, with longitude shrunk by cos(latitude)
  let a = 0, cx = 0, cy = 0;
  const k = Math.cos((pts.reduce((s, p) => s + p[1], 0) / pts.length) * Math.PI / 180);
  for (let i = 0; i < pts.length - 1; i++) {
    const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
    const cr = x0 * k * y1 - x1 * k * y0;
    a += cr; cx += (x0 + x1) * k * cr; cy += (y0 + y1) * cr;
  }
  a /= 2;
  return {area: Math.abs(a), lon: cx / (6 * a) / k, lat: cy / (6 * a)};
}
const codes = JSON.parse(fs.readFileSync(codesJson, 'utf8'));
const byNumeric = new Map(codes.map(([a2, a3, num]) => [num, {a2, a3}]));
const countryRows = [];
for (const g of topo.objects.countries.geometries) {
  const iso = byNumeric.get(g.id);
  if (!iso || !g.arcs) continue;
  const polys = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  let best = null;
  for (const p of polys) {
    const c = centroid(ring(p[0]));
    if (!best || c.area > best.area) best = c;
  }
  let lon = ((best.lon + 540) % 360) - 180;
  let lat = best.lat;
  let source = 'Natural Earth';
  const fb = factbook.get(iso.a2);
  const own = geonamesCountry.get(iso.a2);
  if (own) {
    lat = own.lat;
    lon = own.lon;
    source = 'GeoNames';
  } else if (fb) {
    lat = (lat + fb.lat) / 2;
    lon = Math.abs(lon - fb.lon) > 180 ? lon : (lon + fb.lon) / 2;
    source = 'World Factbook + Natural Earth';
  }
  const seen = countryRows.find((r) => r.a3 === iso.a3);
  if (seen && seen.area >= best.area) continue; // a dependency sharing the code: keep the larger
  if (seen) countryRows.splice(countryRows.indexOf(seen), 1);
  countryRows.push({a3: iso.a3, area: best.area,
    line: [iso.a3, iso.a2, g.properties.name, lat.toFixed(4), lon.toFixed(4), source, own ? own.id : ''].join('\t')});
}
// GeoNames countries without a Natural Earth outline (small islands): GeoNames' point alone.
for (const [a2, own] of [...geonamesCountry.entries()].sort()) {
  const iso = codes.find(([c2]) => c2 === a2);
  if (!iso || countryRows.some((r) => r.a3 === iso[1])) continue;
  countryRows.push({a3: iso[1], area: 0,
    line: [iso[1], a2, own.name, own.lat.toFixed(4), own.lon.toFixed(4), 'GeoNames', own.id].join('\t')});
}
countryRows.sort((a, b) => (a.a3 < b.a3 ? -1 : 1));

// 4. Names that are also common lower-case English words ("Police", "Mobile", "Of"): a
// capitalised one at the start of a sentence is not taken as a place without other evidence.
const words = new Set(fs.readFileSync(dictWords, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)));
const common = new Set();
for (const n of [...cities.flatMap((c) => [c.name, ...c.alts]), ...admin2Rows.map((r) => r.split('\t')[1])]) {
  const k = fold(n);
  if (words.has(k)) common.add(k);
}

// Write.
fs.mkdirSync(outDir, {recursive: true});
// The places as a binary index (format in gazetteer/README.md): column arrays, a sorted table of
// name keys and, per key, the places it names. Loading it needs no parsing and no hash map.
cities.sort((a, b) => a.id - b.id);
const keyOf = (name) => { // must equal Gazetteer.key in Java
  const t = name.trim();
  if (t.length <= 5 && /\p{L}/u.test(t) && !/\p{Ll}/u.test(t)) return '=' + t;
  return fold(t).replace(/\u2019/g, "'");
};
const table = (values) => { const m = new Map(); for (const v of values) if (!m.has(v)) m.set(v, m.size); return m; };
const ccs = table(cities.map((c) => c.cc));
const admins = table(cities.map((c) => c.cc + '.' + c.admin1));
const fcodes = table(cities.map((c) => c.fcode));
const admins2 = table(['', ...cities.map((c) => (districts.has(admin2Of(c)) ? admin2Of(c) : ''))]);
const postings = new Map();
cities.forEach((c, i) => {
  for (const n of [c.name, ...c.alts]) {
    const k = keyOf(n);
    if (!k) continue;
    if (!postings.has(k)) postings.set(k, []);
    const list = postings.get(k);
    if (list[list.length - 1] !== i) list.push(i);
  }
});
const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // UTF-16 order, as Java's
for (const k of keys) { // most populous first, then lowest id: the order Java ranks places of a kind
  postings.get(k).sort((a, b) => cities[b].pop - cities[a].pop || cities[a].id - cities[b].id);
}
const parts = [];
const int32s = (arr) => { const b = Buffer.alloc(4 * arr.length); arr.forEach((v, i) => b.writeInt32BE(v, 4 * i)); return b; };
const uint16s = (arr) => { const b = Buffer.alloc(2 * arr.length); arr.forEach((v, i) => b.writeUInt16BE(v, 2 * i)); return b; };
const text = (strings) => { // count, then one UTF-8 blob of the strings joined by \n
  const blob = Buffer.from(strings.join('\n'), 'utf8');
  return Buffer.concat([int32s([strings.length, blob.length]), blob]);
};
parts.push(Buffer.from('ANNALSG2', 'ascii'));
parts.push(int32s([cities.length, keys.reduce((m, k) => Math.max(m, k.split(' ').length), 1)]));
parts.push(text([...ccs.keys()]), text([...admins.keys()]), text([...fcodes.keys()]), text([...admins2.keys()]));
parts.push(int32s(cities.map((c) => c.id)));
parts.push(int32s(cities.map((c) => Math.round(c.lat * 10000))), int32s(cities.map((c) => Math.round(c.lon * 10000))));
parts.push(int32s(cities.map((c) => c.pop)));
parts.push(uint16s(cities.map((c) => ccs.get(c.cc))), uint16s(cities.map((c) => admins.get(c.cc + '.' + c.admin1))));
parts.push(uint16s(cities.map((c) => fcodes.get(c.fcode))));
parts.push(uint16s(cities.map((c) => admins2.get(districts.has(admin2Of(c)) ? admin2Of(c) : ''))));
parts.push(text(cities.map((c) => c.name)));
parts.push(text(keys));
const starts = [0];
for (const k of keys) starts.push(starts[starts.length - 1] + postings.get(k).length);
parts.push(int32s(starts), int32s(keys.flatMap((k) => postings.get(k))));
fs.writeFileSync(path.join(outDir, 'places.bin.gz'), zlib.gzipSync(Buffer.concat(parts), {level: 9}));
fs.writeFileSync(path.join(outDir, 'admin1.tsv'),
  '# GeoNames admin1 regions (CC BY 4.0) with a point computed from their cities, or GeoNames\' own point and id where CLAVIN\'s SupplementaryGazetteer.txt has the region. Generated by gazetteer/build.sh.\n'
  + '# code\tname\tlat\tlon\tpopulation of its cities\tGeoNames id if known\n' + adminRows.join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'admin2.tsv.gz'), zlib.gzipSync(Buffer.from(
  '# GeoNames admin2 districts and counties (CC BY 4.0) with a point computed from their cities. Generated by gazetteer/build.sh.\n'
  + '# code\tname\tASCII name if it folds differently\tGeoNames id\tlat\tlon\tpopulation of its cities\n' + admin2Rows.join('\n') + '\n', 'utf8'), {level: 9}));
fs.writeFileSync(path.join(outDir, 'countries.tsv'),
  '# Country points: GeoNames\' own point of the country feature, with its id (CLAVIN\'s SupplementaryGazetteer.txt, data from GeoNames, CC BY); else the midpoint of the CIA World Factbook\'s geographic coordinates (public domain) and the area centroid of the largest polygon of the Natural Earth 1:50m outline (public domain), or the centroid alone where the Factbook has no point. Generated by gazetteer/build.sh.\n'
  + '# iso3\tiso2\tname (Natural Earth\'s, or GeoNames\' where Natural Earth has no outline)\tlat\tlon\tsource of the point\tGeoNames id if known\n' + countryRows.map((r) => r.line).join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'common-words.txt'),
  '# Gazetteer names that are also common lower-case English words (Debian wamerican). Generated by gazetteer/build.sh.\n'
  + [...common].sort().join('\n') + '\n');
console.log(`places ${cities.length}, alternate names ${cities.reduce((s, c) => s + c.alts.length, 0)}, name keys ${keys.length}, admin1 ${adminRows.length}, admin2 ${admin2Rows.length}, countries ${countryRows.length}, common words ${common.size}`);
