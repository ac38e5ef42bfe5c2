import { bench, describe } from 'vitest';
import { compile } from './compile';
import { workload } from './testing/workload';

// DESIGN §7: 70 articles and 1,000 proposals compile in at most 500 ms on the 2-core reference machine.
// Run with `npx vitest bench --project compile --run`; `vitest run` does not run benchmarks.
const ARTICLES = 70;

describe(`${compile.name}: ${ARTICLES} articles`, () => {
  for (const count of [100, 1_000, 10_000]) {
    const { input } = workload({ articles: ARTICLES, proposals: count, seed: 42 });
    const options = { bracketIncorporated: true };
    bench(`${count.toLocaleString('en')} proposals`, () => {
      compile({ ...input, options });
    }, { iterations: count > 1_000 ? 5 : 20, warmupIterations: 2 });
  }
});
