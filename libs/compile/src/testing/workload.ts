import { builders, treatySchema } from '@concord/schema';
import { Fragment, type Node } from 'prosemirror-model';
import type { CompileInput, Decision, Proposal } from '../types';
import { revise, type Revision } from './proposals';
import { below, seeded } from './random';

const { article, heading, p, sub } = builders;

const WORDS = 'the States Parties shall may adopt measures legislative other necessary to establish criminal offences under domestic law when committed intentionally access computer system without right each State Party cooperate with'.split(' ');
const SPONSORS = ['ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'EGY', 'EU', 'IND', 'JPN', 'MEX', 'NGA', 'RUS', 'USA', 'ZAF'];

/** The shape of a generated compilation. */
export interface WorkloadOptions {
  readonly articles: number;
  readonly proposals: number;
  readonly seed: number;
  /** Share of proposals made against an older revision (default 0.1). */
  readonly older?: number;
}

/** A generated compilation, and for each proposal the words only it inserts. */
export interface Workload {
  readonly input: CompileInput;
  readonly tokens: ReadonlyMap<string, readonly string[]>;
}

function sentence(random: () => number, length: number): string {
  return Array.from({ length }, () => WORDS[below(random, WORDS.length)]).join(' ');
}

/**
 * Article `i` with three paragraphs, the second with two subparagraphs. The older revision has a fourth
 * paragraph since deleted, and its texts lack the current first word and read "formerly" for the sixth.
 */
function makeArticle(i: number, texts: readonly string[], older: boolean): Node {
  const [t1 = '', t2 = '', t3 = '', t4 = '', t5 = ''] = texts.map((text) => (older ? olderText(text) : `Moreover, ${text}`));
  return article(
    { id: `a${i}` },
    heading(`Article heading ${i}`),
    p({ id: `a${i}p1` }, t1),
    p({ id: `a${i}p2` }, t2, sub({ id: `a${i}p2a` }, t3), sub({ id: `a${i}p2b` }, t4)),
    p({ id: `a${i}p3` }, t5),
    ...(older ? [p({ id: `a${i}p4` }, 'A paragraph since deleted.')] : []),
  );
}

function olderText(text: string): string {
  return text
    .split(' ')
    .map((word, index) => (index === 5 ? 'formerly' : word))
    .join(' ');
}

function docOf(nodes: readonly Node[]): Node {
  return treatySchema.node('doc', null, Fragment.fromArray([...nodes]));
}

/**
 * A seeded workload: a base of `articles` articles and `proposals` proposals, each changing one article by
 * replacing words, adding a paragraph or deleting a subparagraph, some repeating another's text (to fold),
 * some made against an older revision (to rebase); decisions roughly 60 % incorporate, 30 % option, 10 % not
 * retained. Every word a proposal adds is unique to it, so tests can follow where it went.
 */
export function workload(options: WorkloadOptions): Workload {
  const random = seeded(options.seed);
  const texts = Array.from({ length: options.articles }, () => Array.from({ length: 5 }, () => sentence(random, 12 + below(random, 20))));
  const current = texts.map((article, i) => makeArticle(i + 1, article, false));
  const older = texts.map((article, i) => makeArticle(i + 1, article, true));
  const currentDoc = docOf(current);
  const olderDoc = docOf(older);

  const proposals: Proposal[] = [];
  const decisions = new Map<string, Decision>();
  const tokens = new Map<string, readonly string[]>();
  const revisions: { article: number; revision: Revision; words: readonly string[] }[] = [];
  for (let n = 0; n < options.proposals; n++) {
    const id = `P${String(n).padStart(5, '0')}`;
    const isOlder = random() < (options.older ?? 0.1);
    const repeat = revisions.length > 0 && random() < 0.1 ? revisions[below(random, revisions.length)] : undefined;
    let index: number;
    let revision: Revision;
    let words: readonly string[];
    if (repeat) {
      ({ article: index, revision, words } = repeat);
    } else {
      index = below(random, options.articles);
      const ids = [`a${index + 1}p1`, `a${index + 1}p2`, `a${index + 1}p2a`, `a${index + 1}p2b`, `a${index + 1}p3`, ...(isOlder ? [`a${index + 1}p4`] : [])];
      const kind = random();
      const token = `zq${n}x`;
      words = [token];
      if (kind < 0.75) {
        const which = below(random, ids.length);
        const text = which === 5 ? 'A paragraph since deleted.' : (texts[index]?.[which] ?? '');
        const list = (isOlder ? olderText(text) : `Moreover, ${text}`).split(' ');
        list.splice(below(random, list.length), 1 + below(random, 2), token);
        revision = { text: { [ids[which] as string]: list.join(' ') } };
      } else if (kind < 0.9) {
        revision = { after: { [ids[below(random, 2) * 4] as string]: [p({ id: `n${n}` }, `New paragraph ${token} proposed.`)] } };
      } else {
        words = [];
        revision = { drop: [ids[2 + below(random, 2)] as string] };
      }
      revisions.push({ article: index, revision, words });
    }
    const baseArticle = (isOlder ? older : current)[index] as Node;
    proposals.push({
      id,
      sponsor: SPONSORS[below(random, SPONSORS.length)] as string,
      coSponsors: random() < 0.3 ? [SPONSORS[below(random, SPONSORS.length)] as string] : [],
      supporters: random() < 0.2 ? [SPONSORS[below(random, SPONSORS.length)] as string] : [],
      baseRevisionId: isOlder ? 'rev0' : 'rev1',
      baseDoc: isOlder ? olderDoc : currentDoc,
      proposedDoc: docOf([revise(docOf([baseArticle]), revision).firstChild as Node]),
      submittedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
    });
    const roll = random();
    decisions.set(id, roll < 0.6 ? 'incorporate' : roll < 0.9 ? 'present-as-option' : 'not-retain');
    tokens.set(id, words);
  }
  return { input: { base: { doc: currentDoc, revisionId: 'rev1', label: 'A/AC.291/22' }, proposals, decisions }, tokens };
}
