// The neutral benchmark tree shared by the project's benchmarks, copied as published (without its #! line).
// to-publicodes.mjs tree.json [--situation max.json] [--json] > rules.yaml
// Writes the rubric tree as Publicodes 1.10 rules:
//   parent  -> somme of its children (declared points only in `titre`, Publicodes never checks them)
//   fixed   -> a number
//   levels  -> variations on a `level` input (une possibilité '好' '较好' '一般' '差', default '差')
//   bands   -> grille with tranches on a `measure` input (default 0); a tranche is [previous plafond, plafond)
//   per     -> count * per, plafond max (input `count`, default 0)
//   deduct  -> points - missing * each, plancher 0 (input `missing`, default 0)
// --situation FILE also writes the situation that gives every leaf its full points.
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const flag = (name) => { const i = argv.indexOf(name); if (i >= 0) argv.splice(i, 1); return i >= 0; };
const value = (name) => { const i = argv.indexOf(name); return i < 0 ? null : argv.splice(i, 2)[1]; };
const asJson = flag('--json');
const situationFile = value('--situation');
const treeFile = argv[0];
if (!treeFile) {
  console.error('usage: to-publicodes.mjs tree.json [--situation max.json] [--json] > rules.yaml');
  process.exit(2);
}
const tree = JSON.parse(fs.readFileSync(treeFile, 'utf8'));

const ROOT = 'total';
const rules = {};
const situation = {};
let expectDefault = 0; // root value with no situation: fixed and deduct leaves score in full
const LEVELS = ['好', '较好', '一般', '差'];

function visit(node, name) {
  const titre = `${node.code ? node.code + ' ' : ''}${node.title}（${node.points}分）`;
  if (node.children) {
    const names = node.children.map((c) => `i${c.code.split('.').pop()}`);
    rules[name] = { titre, somme: names };
    node.children.forEach((c, i) => visit(c, `${name} . ${names[i]}`));
    return;
  }
  const r = node.rule;
  switch (r.kind) {
    case 'fixed':
      rules[name] = { titre, valeur: node.points };
      expectDefault += node.points;
      break;
    case 'levels': {
      const pts = Object.fromEntries(r.levels.map((l) => [l.label, l.points]));
      rules[name] = { titre, variations: [
        ...LEVELS.slice(0, -1).map((l) => ({ si: `level = '${l}'`, alors: pts[l] })),
        { sinon: pts[LEVELS.at(-1)] }] };
      rules[`${name} . level`] = { 'une possibilité': LEVELS.map((l) => `'${l}'`), 'par défaut': `'${LEVELS.at(-1)}'` };
      situation[`${name} . level`] = `'${LEVELS[0]}'`;
      break;
    }
    case 'bands':
      rules[name] = { titre, grille: { assiette: 'measure', tranches: r.bands.map((b, i) =>
        i + 1 < r.bands.length ? { montant: b.points, plafond: r.bands[i + 1].from } : { montant: b.points }) } };
      rules[`${name} . measure`] = { 'par défaut': 0 };
      situation[`${name} . measure`] = r.bands.at(-1).from; // lower bound of the top band, inclusive
      break;
    case 'per':
      rules[name] = { titre, valeur: `count * ${r.per}`, plafond: r.max };
      rules[`${name} . count`] = { 'par défaut': 0 };
      situation[`${name} . count`] = Math.ceil(r.max / r.per) + 1; // one more than needed: the cap must bite
      break;
    case 'deduct':
      rules[name] = { titre, valeur: `${node.points} - missing * ${r.each}`, plancher: 0 };
      rules[`${name} . missing`] = { 'par défaut': 0 };
      situation[`${name} . missing`] = 0;
      expectDefault += node.points;
      break;
    default:
      throw new Error(`unknown rule kind ${r.kind} at ${node.code}`);
  }
}
visit(tree.root, ROOT);

// Minimal YAML writer for the shapes above (objects, arrays, strings, numbers).
const PLAIN = /^[A-Za-z\u4e00-\u9fff][^:#"\n]*[^\s:]$|^[A-Za-z]$/;
const q = (v) => (typeof v !== 'string' ? String(v) : PLAIN.test(v) ? v : JSON.stringify(v));
const isObj = (v) => v !== null && typeof v === 'object';
function yaml(v, pad) {
  if (Array.isArray(v))
    return v.map((x) => (isObj(x) ? `${pad}- ${yaml(x, pad + '  ').trimStart()}` : `${pad}- ${q(x)}`)).join('\n');
  return Object.entries(v)
    .map(([k, x]) => (isObj(x) ? `${pad}${q(k)}:\n${yaml(x, pad + '  ')}` : `${pad}${q(k)}: ${q(x)}`))
    .join('\n');
}

if (asJson) process.stdout.write(JSON.stringify(rules) + '\n');
else {
  const meta = { tree: path.basename(treeFile), root: ROOT, leaves: tree.leaves, total: tree.total,
    expectMax: tree.leafSum, expectDefault };
  process.stdout.write(`# publicodes rules from to-publicodes.mjs\n# meta: ${JSON.stringify(meta)}\n`);
  for (const [name, rule] of Object.entries(rules)) process.stdout.write(`${q(name)}:\n${yaml(rule, '  ')}\n`);
}
if (situationFile) fs.writeFileSync(situationFile, JSON.stringify(situation) + '\n');
console.error(`to-publicodes: rules=${Object.keys(rules).length} inputs=${Object.keys(situation).length}` +
  ` expectMax=${tree.leafSum} expectDefault=${expectDefault}`);
