#!/usr/bin/env node
// Checks the generated resources in profiles/fsh-generated/resources against the conventions the
// Java side and the conformance suite rely on (run by scripts/regen.sh after SUSHI; plain Node.js,
// no dependencies):
//  - the profile, extension, CodeSystem and ValueSet ids and canonical URLs of the public contract;
//  - every profile has a valid example <profile-id>-example; other valid examples are
//    <profile-id>-example-<suffix>; every example declares its profile in meta.profile;
//  - every invariant key is lowercase vb-..., unique, severity error, and has an example
//    invalid-<key> whose profile declares that key;
//  - the only other invalid examples are the ones for the checks made in Java (JAVA_CHECKS).
'use strict';
const fs = require('fs');
const path = require('path');

const BASE = 'http://vardbrygga.example/fhir';
const PROFILES = [
  'vb-patient', 'vb-organization', 'vb-practitioner-role', 'vb-endpoint', 'vb-encounter',
  'vb-companion-need-careplan', 'vb-companion-request-task', 'vb-delegation-task',
  'vb-sbar-communication', 'vb-home-visit-servicerequest', 'vb-home-visit-task',
  'vb-home-care-assignment-task', 'vb-sip-careplan', 'vb-sip-invitation-task',
  'vb-information-sharing-consent', 'vb-service-purchase-request-task', 'vb-service-purchase-contract',
  'vb-rule-follow-up-task', 'vb-support-notice-communication', 'vb-escalation-task',
  'vb-reported-hours-chargeitem', 'vb-service-purchase-invoice'
];
const EXTENSIONS = [
  'vb-sbar-section', 'vb-visit-context', 'vb-one-way', 'vb-personal-assistance',
  'vb-region', 'vb-invoice-mark', 'vb-specialist-treatment-responsibility', 'vb-due-date', 'vb-invoice-period',
  'vb-endpoint-certificate'
];
const CODE_SYSTEMS = [
  'task-code', 'careplan-category', 'visit-context', 'sbar-section', 'communication-category',
  'organization-type', 'endpoint-type', 'delivery-status', 'rule', 'task-parameter-type',
  'licensed-profession', 'intake-kind', 'home-visit-intervention', 'escalation-level',
  'extensive-care', 'document-kind', 'follow-up-decision',
  'region', 'purchased-task-kind', 'service-purchase'
];
const EXTRA_VALUE_SETS = ['encounter-class', 'rule-follow-up-task-code'];
// invalid examples for the checks the server makes in Java, and the profile each one is an instance of
const JAVA_CHECKS = {
  'invalid-vb-personnummer-checkdigit': 'vb-patient',
  'invalid-vb-samordningsnummer-day': 'vb-patient',
  'invalid-vb-hsa-id': 'vb-organization'
};

const dir = path.resolve(__dirname, '..', 'fsh-generated', 'resources');
const problems = [];
const problem = (msg) => problems.push(msg);

const resources = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ file: f, json: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
const byType = (type) => resources.filter((r) => r.json.resourceType === type).map((r) => r.json);
const conformanceTypes = new Set(['StructureDefinition', 'CodeSystem', 'ValueSet']);

// --- conformance resources ---------------------------------------------------------------------
const sds = byType('StructureDefinition');
const sdIds = new Set(sds.map((sd) => sd.id));
for (const id of [...PROFILES, ...EXTENSIONS]) {
  if (!sdIds.has(id)) problem(`missing StructureDefinition ${id}`);
}
for (const sd of sds) {
  if (![...PROFILES, ...EXTENSIONS].includes(sd.id)) problem(`unexpected StructureDefinition ${sd.id} (add it to scripts/check-conventions.js)`);
  if (sd.url !== `${BASE}/StructureDefinition/${sd.id}`) problem(`StructureDefinition ${sd.id} has url ${sd.url}`);
}
for (const type of ['CodeSystem', 'ValueSet']) {
  const expected = type === 'CodeSystem' ? CODE_SYSTEMS : [...CODE_SYSTEMS, ...EXTRA_VALUE_SETS];
  const present = byType(type);
  for (const id of expected) {
    if (!present.some((r) => r.id === id)) problem(`missing ${type} ${id}`);
  }
  for (const r of present) {
    if (!expected.includes(r.id)) problem(`unexpected ${type} ${r.id} (add it to scripts/check-conventions.js)`);
    if (r.url !== `${BASE}/${type}/${r.id}`) problem(`${type} ${r.id} has url ${r.url}`);
  }
}
for (const cs of byType('CodeSystem')) {
  if (cs.content !== 'complete') problem(`CodeSystem ${cs.id} content is ${cs.content}, expected complete`);
  for (const c of cs.concept || []) {
    if (!c.display || !c.definition) problem(`CodeSystem ${cs.id} code ${c.code} lacks a display or definition`);
  }
}

// --- invariants ----------------------------------------------------------------------------------
const keysByProfile = {};
const keyOwner = {};
for (const sd of sds) {
  keysByProfile[sd.id] = new Set();
  for (const el of (sd.differential && sd.differential.element) || []) {
    for (const c of el.constraint || []) {
      if (!/^vb-/.test(c.key)) continue;
      keysByProfile[sd.id].add(c.key);
      if (!/^vb-[a-z0-9-]+$/.test(c.key)) problem(`invariant key ${c.key} is not lowercase vb-...`);
      if (c.severity !== 'error') problem(`invariant ${c.key} has severity ${c.severity}, expected error`);
      (keyOwner[c.key] = keyOwner[c.key] || new Set()).add(sd.id);
    }
  }
}

// --- examples ------------------------------------------------------------------------------------
const instances = resources.filter((r) => !conformanceTypes.has(r.json.resourceType));
const ids = new Set();
for (const { file, json } of instances) {
  const id = json.id;
  if (ids.has(id)) problem(`duplicate example id ${id}`);
  ids.add(id);
  const profiles = (json.meta && json.meta.profile) || [];
  if (profiles.length !== 1 || !profiles[0].startsWith(`${BASE}/StructureDefinition/`)) {
    problem(`${file}: meta.profile must name exactly one project profile`);
    continue;
  }
  const profileId = profiles[0].substring(`${BASE}/StructureDefinition/`.length);
  if (!PROFILES.includes(profileId)) problem(`${file}: unknown profile ${profileId}`);
  if (id.startsWith('invalid-')) {
    const key = id.substring('invalid-'.length);
    if (JAVA_CHECKS[id]) {
      if (JAVA_CHECKS[id] !== profileId) problem(`${id} must be an instance of ${JAVA_CHECKS[id]}, is ${profileId}`);
    } else if (!keyOwner[key]) {
      problem(`${id}: no invariant ${key} and not a Java check (${Object.keys(JAVA_CHECKS).join(', ')})`);
    } else if (!keysByProfile[profileId] || !keysByProfile[profileId].has(key)) {
      problem(`${id}: its profile ${profileId} does not declare invariant ${key}`);
    }
  } else if (!(id === `${profileId}-example` || id.startsWith(`${profileId}-example-`))) {
    problem(`${id}: a valid example of ${profileId} must be named ${profileId}-example or ${profileId}-example-<suffix>`);
  }
}
for (const p of PROFILES) {
  if (!ids.has(`${p}-example`)) problem(`profile ${p} has no example ${p}-example`);
}
for (const key of Object.keys(keyOwner)) {
  if (!ids.has(`invalid-${key}`)) problem(`invariant ${key} has no example invalid-${key}`);
}
for (const id of Object.keys(JAVA_CHECKS)) {
  if (!ids.has(id)) problem(`missing example ${id}`);
}

if (problems.length) {
  for (const p of problems) console.error(`[check-conventions] ${p}`);
  process.exit(1);
}
const invariantList = Object.keys(keyOwner).sort().map((k) => `${k} (${[...keyOwner[k]].join(', ')})`);
console.log(`[check-conventions] OK: ${PROFILES.length} profiles, ${EXTENSIONS.length} extensions, ` +
  `${CODE_SYSTEMS.length} code systems, ${instances.length} examples; invariants: ${invariantList.join('; ')}`);
