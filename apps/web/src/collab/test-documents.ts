import { builders } from '@concord/schema';
import type { Node } from 'prosemirror-model';

const { article, chapter, doc, heading, option, options, p, sub, title } = builders;

/** A small consolidated draft for the specs: two chapters, statuses, subparagraphs and an option group. */
export function sampleDraft(): Node {
  return doc(
    title('Convention'),
    chapter(
      { id: 'ch1' },
      heading('General provisions'),
      article({ id: 'a1', status: 'agreed-ad-referendum' }, heading('Purpose'), p({ id: 'a1p1' }, 'The purpose.')),
      article(
        { id: 'a2' },
        heading('Use of terms'),
        p({ id: 'a2p1', status: 'informally-agreed' }, 'For the purposes:', sub({ id: 'a2a' }, 'one;'), sub({ id: 'a2b' }, 'two.')),
        p({ id: 'a2p2' }, 'Second paragraph.'),
      ),
    ),
    chapter(
      { id: 'ch2' },
      heading('Criminalization'),
      article(
        { id: 'a3' },
        p({ id: 'a3p1' }, options({ id: 'g1' }, option({ id: 'o1', isBase: true }, 'Base wording.'), option({ id: 'o2', sponsors: ['EU', 'EGY'] }, 'Other wording.'))),
      ),
    ),
  );
}
