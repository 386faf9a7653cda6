// The neutral benchmark tree shared by the project's benchmarks, copied as published (without its #! line).
// gen-tree.mjs N SEED [--errors K] [--depth D] > tree.json
// Deterministic synthetic evaluation rubric (评估指标) with about N leaf indicators.
// Points are kept in half-units internally, so every sum is exact.
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i < 0 ? dflt : Number(argv.splice(i, 2)[1]);
};
const K = opt('--errors', 0);
const forcedDepth = opt('--depth', 0);
const N = Number(argv[0] ?? 1000);
const SEED = Number(argv[1] ?? 1);
if (!(N >= 1) || !Number.isInteger(SEED)) {
  console.error('usage: gen-tree.mjs N SEED [--errors K] [--depth D] > tree.json');
  process.exit(2);
}

// mulberry32: small, fast, deterministic
let s = SEED >>> 0;
const rnd = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1)); // inclusive
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const WORDS = ['会员', '管理', '财务', '制度', '活动', '服务', '评价', '建设', '组织', '章程', '党建',
  '档案', '信息', '公开', '社会', '监督', '人员', '培训', '项目', '资产', '年检', '登记', '办公', '场所',
  '诚信', '自律', '宣传', '合作', '发展', '规划', '绩效', '内部', '治理', '决策', '民主', '会议'];
const title = (n) => Array.from({ length: n }, () => pick(WORDS)).join('');

// Shape: 4-6 sections; depth 4 unless the fan-out would exceed ~8, then deeper.
const S = Math.min(int(4, 6), N);
let D = forcedDepth || 4;
while (!forcedDepth && (N / S) ** (1 / (D - 1)) > 8) D++;

// Leaf scoring rules, in half-units (h = points * 2).
const H = (h) => h / 2;
function leafRule() {
  const r = rnd();
  if (r < 0.2) return { h: pick([1, 2, 3, 4, 6, 8, 10, 20]), rule: { kind: 'fixed' } };
  if (r < 0.45) { // 好/较好/一般/差
    const h = pick([4, 6, 8, 10, 12, 16, 20, 40]);
    const a = Math.max(1, Math.round(h * 0.6)), b = Math.round(h * 0.3);
    return { h, rule: { kind: 'levels', levels: [
      { label: '好', points: H(h) }, { label: '较好', points: H(a) },
      { label: '一般', points: H(b) }, { label: '差', points: 0 }] } };
  }
  if (r < 0.65) { // bands on a measured rate: [from, next from) -> points
    const k = int(3, 5), h = pick([4, 6, 8, 10, 12, 20, 40]);
    const froms = [0]; let f = int(4, 8) * 5;
    for (let i = 1; i < k; i++) { froms.push(f); f += int(1, 3) * 5; }
    const bands = froms.map((from, i) => ({ from, points: H(Math.round((h * i) / (k - 1))) }));
    return { h, rule: { kind: 'bands', measure: '率', unit: '%', bands } };
  }
  if (r < 0.8) { // 每次得p分，最高得m*p分
    const ph = pick([1, 2, 3, 4, 5, 10, 20]), m = int(1, 4);
    return { h: ph * m, rule: { kind: 'per', per: H(ph), max: H(ph * m) } };
  }
  const h = pick([2, 4, 6, 8, 10, 20]); // 每缺一项扣d分，扣完为止
  return { h, rule: { kind: 'deduct', each: H(pick([1, 2, 4, 10].filter((d) => d <= h))) } };
}

// Split `budget` leaves into k random shares, each >= 1.
function split(budget, k) {
  const w = Array.from({ length: k }, () => 0.3 + rnd());
  const sum = w.reduce((a, b) => a + b, 0);
  const shares = w.map((x) => 1 + Math.floor(((budget - k) * x) / sum));
  let rest = budget - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % k, rest--) shares[i]++;
  return shares;
}

let nextId = 0;
const stats = { leaves: 0, nodes: 0, maxDepth: 0 };
// Build a subtree with exactly `budget` leaves (node.h: its points in half-units).
function build(code, depth, budget) {
  const node = { id: `n${++nextId}`, code, title: title(int(2, 4)), points: 0 };
  stats.nodes++;
  stats.maxDepth = Math.max(stats.maxDepth, depth);
  if (budget === 1 || depth === D) {
    const { h, rule } = leafRule();
    node.h = h; node.rule = rule; stats.leaves++;
    return node;
  }
  // fan-out ~ budget^(1/levels left), jittered; the last internal level takes all that is left
  const L = D - depth;
  const k = L === 1 ? budget : Math.min(budget, Math.max(2, Math.round(budget ** (1 / L) * (0.7 + 0.6 * rnd()))));
  // now and then a leaf sits higher up, next to subsections (as in real standards)
  const shares = L > 1 && k > 2 && rnd() < 0.1 ? [...split(budget - 1, k - 1), 1] : split(budget, k);
  node.children = shares.map((b, i) => build(code ? `${code}.${i + 1}` : `${i + 1}`, depth + 1, b));
  node.h = node.children.reduce((a, c) => a + c.h, 0);
  return node;
}

// Split N leaves among S sections under the root (depth 0).
const root = { id: 'root', code: '', title: '总分', points: 0 };
root.children = split(N, S).map((b, i) => build(`${i + 1}`, 1, b));
root.h = root.children.reduce((a, c) => a + c.h, 0);
const leafH = root.h;

// Deliberate subtotal errors: change a parent's declared points and carry the change up to
// the root, so that exactly that parent disagrees with the sum of its children.
const parents = [];
(function walk(n, up) {
  if (!n.children) return;
  n.parent = up;
  parents.push(n);
  n.children.forEach((c) => walk(c, n));
})(root, null);
const chosen = new Set();
while (chosen.size < Math.min(K, parents.length)) chosen.add(parents[int(0, parents.length - 1)]);
for (const n of chosen) {
  let d = pick([1, 2, 4, 10]) * (rnd() < 0.5 ? -1 : 1);
  if (n.h + d <= 0) d = -d;
  for (let p = n; p; p = p.parent) p.h += d;
}
const injectedErrors = [];
for (const n of parents) {
  const childSum = n.children.reduce((a, c) => a + c.h, 0);
  if (childSum !== n.h) injectedErrors.push({ id: n.id, code: n.code, declared: H(n.h), childrenSum: H(childSum) });
}
if (injectedErrors.length !== chosen.size) throw new Error('error injection is inconsistent');

// Emit: points from half-units, drop the helper fields.
(function finish(n) {
  n.points = H(n.h);
  delete n.h; delete n.parent;
  n.children?.forEach(finish);
})(root);
const out = {
  generator: 'gen-tree.mjs', n: N, seed: SEED, depth: D, leaves: stats.leaves, nodes: stats.nodes + 1,
  total: root.points, leafSum: H(leafH), injectedErrors, root,
};
process.stdout.write(JSON.stringify(out) + '\n');
console.error(`gen-tree: leaves=${stats.leaves} nodes=${stats.nodes + 1} sections=${S} depth<=${stats.maxDepth}` +
  ` total=${out.total} leafSum=${out.leafSum} injectedErrors=${injectedErrors.length}`);
