import type { Node } from 'prosemirror-model';
import { article, bracket, chapter, doc, heading, option, options, p, preamble, provenance, recital, sub, title } from './builders';

/**
 * A small consolidated draft exercising every node and mark: chapters, headings, statuses, nested and
 * overlapping brackets, provenance and option groups at each level. Shared by the specs.
 */
export function consolidatedDraft(): Node {
  return doc(
    title('Draft United Nations convention against cybercrime'),
    preamble(recital({ id: 'r1' }, 'The States Parties to this Convention,'), recital({ id: 'r2' }, 'Concerned by the ', bracket({ id: 'b0' }, 'seriousness'), ' of the problems,')),
    chapter(
      { id: 'ch1' },
      heading('General provisions'),
      article(
        { id: 'a1', status: 'agreed-ad-referendum' },
        heading('Statement of purpose'),
        p({ id: 'a1p1', status: 'agreed-ad-referendum' }, 'The purposes of this Convention are to promote cooperation.'),
      ),
      article(
        { id: 'a2' },
        heading('Use of terms'),
        p(
          { id: 'a2p1', status: 'informally-agreed' },
          'For the purposes of this Convention:',
          sub({ id: 'a2a' }, '"Computer system" means ', bracket({ id: 'b1' }, 'any device ', bracket({ id: 'b2' }, 'or group of devices'), ' that processes data'), ';'),
          sub({ id: 'a2b' }, provenance({ kind: 'proposal', ref: 'prop-7', delegations: ['BRA', 'ZAF'], label: 'Brazil, South Africa' }, '"Service provider" means any entity'), ':', sub({ id: 'a2b1' }, 'that provides communication;')),
        ),
        p({ id: 'a2p2' }, options({ id: 'g1' }, option({ id: 'o1', isBase: true }, 'Each State Party shall act.'), option({ id: 'o2', sponsors: ['EU'], proposalIds: ['prop-3'] }, 'States Parties may act.'))),
      ),
    ),
    article(
      { id: 'a3' },
      heading('Criminalization'),
      p({ id: 'a3p1' }, 'Text ', bracket({ id: 'b3' }, 'overlapping ', provenance({ kind: 'edit', ref: 'user-1' }, 'in the ')), provenance({ kind: 'edit', ref: 'user-1' }, 'middle'), '.'),
      options(
        { id: 'g2' },
        option({ id: 'o3', sponsors: ['USA', 'JPN'], proposalIds: ['prop-1', 'prop-2'] }, p({ id: 'o3p' }, 'Option text one.')),
        option({ id: 'o4', sponsors: ['RUS'] }, p({ id: 'o4p' }, 'Option text two.'), p({ id: 'o4q' }, 'More text.')),
      ),
    ),
  );
}
