// Generates a consistent rubric with about `n` indicators on four levels (codes, subtotals, bands,
// per-occurrence rules), for benchmarks. Deterministic for a given n.
export function generateRubric(n) {
  const perParent = 10;
  const leavesWanted = Math.max(1, Math.round(n * 0.9));
  const l3 = Math.max(1, Math.ceil(leavesWanted / perParent));
  const l2 = Math.max(1, Math.ceil(l3 / perParent));
  const l1 = Math.max(1, Math.ceil(l2 / perParent));
  const lines = ['评估表 "基准测试" {'];
  let total = 0;
  let count = 0;
  const body = [];
  for (let a = 1; a <= l1 && count < n; a++) {
    const aLines = [];
    let aSum = 0;
    for (let b = 1; b <= perParent && count < n; b++) {
      const bLines = [];
      let bSum = 0;
      for (let c = 1; c <= perParent && count < n; c++) {
        const cLines = [];
        let cSum = 0;
        for (let d = 1; d <= perParent && count < n; d++) {
          const pts = (d % 3) + 1;
          cSum += pts;
          count++;
          if (d % 2 === 0) cLines.push(`        指标 ${a}.${b}.${c}.${d} "末级指标${count}" ${pts} { 档 "好" ${pts} 档 "差" 0 }`);
          else cLines.push(`        指标 ${a}.${b}.${c}.${d} "末级指标${count}（${pts}分）" ${pts} { 每 "次" 1 评定方法 "查看台账" }`);
        }
        count++;
        bSum += cSum;
        bLines.push(`      指标 ${a}.${b}.${c} "三级指标" ${cSum} {`, ...cLines, '      }');
      }
      count++;
      aSum += bSum;
      aLines.push(`    指标 ${a}.${b} "二级指标" ${bSum} {`, ...bLines, '    }');
    }
    count++;
    total += aSum;
    body.push(`  指标 ${a} "一级指标${a}" ${aSum} {`, ...aLines, '  }');
  }
  lines.push(`  总分 ${total}`, ...body, '}', '');
  return { text: lines.join('\n'), count };
}
