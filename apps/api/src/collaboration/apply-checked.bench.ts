import { builders as b, docToYFragment, treatyFragment } from '@concord/schema';
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { applyChecked, applyUpdates } from './yjs-state';

/*
 * What checking client updates costs per update, on a consolidated draft of realistic size: 70 articles of three
 * paragraphs of about 60 words, with brackets and provenance (about 13,000 words). `applyUpdates` is what the
 * server did before (apply, nothing checked); `applyChecked` applies under the checks (apply, check what changed
 * against the treaty schema, collect garbage). Run: npx vitest bench --project api --run apply-checked
 */

const WORDS = 'the States Parties shall adopt such legislative and other measures as may be necessary to establish jurisdiction over offences'.split(' ');

function draft(): Y.Doc {
  const articles = Array.from({ length: 70 }, (_, a) =>
    b.article(
      b.heading(`Article heading ${a}`),
      ...Array.from({ length: 3 }, (_, p) =>
        b.p(
          Array.from({ length: 40 }, (_, w) => WORDS[(a + p + w) % WORDS.length]).join(' ') + ' ',
          b.bracket(Array.from({ length: 10 }, (_, w) => WORDS[(w + p) % WORDS.length]).join(' ')),
          ' ',
          b.provenance({ kind: 'proposal', ref: `prop-${a}`, delegations: ['EGY', 'BRA'] }, Array.from({ length: 10 }, (_, w) => WORDS[(w + a) % WORDS.length]).join(' ')),
          '.',
        ),
      ),
    ),
  );
  const doc = new Y.Doc();
  docToYFragment(b.doc(b.title('Draft convention'), ...articles), treatyFragment(doc));
  return doc;
}

/** The XmlText of paragraph `p` of article `a`. */
function paragraphText(doc: Y.Doc, a: number, p: number): Y.XmlText {
  const article = treatyFragment(doc).get(1 + a) as Y.XmlElement;
  const paragraph = article.get(1 + p) as Y.XmlElement;
  return (paragraph.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** A server copy and, from a client copy of it, `count` keystroke updates spread over the text. */
function keystrokes(count: number): { server: Y.Doc; updates: Uint8Array[] } {
  const server = draft();
  const clientDoc = new Y.Doc();
  Y.applyUpdate(clientDoc, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  clientDoc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i += 1) paragraphText(clientDoc, (i * 7) % 70, i % 3).insert(5 + (i % 50), 'x');
  return { server, updates };
}

/** A server copy and `count` updates that each add a paragraph to an article (a structural change). */
function newParagraphs(count: number): { server: Y.Doc; updates: Uint8Array[] } {
  const server = draft();
  const clientDoc = new Y.Doc();
  Y.applyUpdate(clientDoc, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  clientDoc.on('update', (update: Uint8Array) => updates.push(update));
  const scratch = new Y.Doc();
  docToYFragment(b.doc(b.article(b.p('A new paragraph of text.'))), scratch.getXmlFragment('x'));
  const template = (scratch.getXmlFragment('x').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  for (let i = 0; i < count; i += 1) {
    const article = treatyFragment(clientDoc).get(1 + (i % 70)) as Y.XmlElement;
    article.insert(article.length, [template.clone()]);
  }
  return { server, updates };
}

const COUNT = 2_000;
const options = { iterations: COUNT, time: 0, warmupIterations: 0, warmupTime: 0 };

for (const [name, workload] of [
  ['a keystroke in a paragraph', keystrokes],
  ['a new paragraph in an article', newParagraphs],
] as const) {
  describe(`apply ${name} (${COUNT} updates, 70-article draft)`, () => {
    const plain = workload(COUNT);
    let i = 0;
    bench('unchecked (before)', () => {
      applyUpdates(plain.server, [plain.updates[i++ % COUNT]]);
    }, options);
    const checked = workload(COUNT);
    let j = 0;
    let doc = checked.server;
    bench('checked against the treaty schema (after)', () => {
      const out = applyChecked(doc, checked.updates[j++ % COUNT]);
      if (out.result.kind !== 'applied') throw new Error(`refused: ${out.result.reason}`);
      doc = out.doc;
    }, options);
  });
}

describe('refuse an update (rebuild of the 70-article draft)', () => {
  let doc = draft();
  bench('a script element, refused and rolled back', () => {
    const clientDoc = new Y.Doc();
    Y.applyUpdate(clientDoc, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(clientDoc);
    treatyFragment(clientDoc).insert(0, [new Y.XmlElement('script')]);
    const out = applyChecked(doc, Y.encodeStateAsUpdate(clientDoc, before));
    if (out.result.kind !== 'refused') throw new Error('accepted');
    doc = out.doc;
  }, { iterations: 20, time: 0, warmupIterations: 0, warmupTime: 0 });
});
