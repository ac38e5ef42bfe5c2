import { builders, docToJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { CompileError } from './compile-error';
import { seeded, shuffle } from './testing/random';
import { origins, render, unattributed } from './testing/render';
import { proposal, revise, type Revision } from './testing/proposals';
import { changeSet } from './change-set';
import { changeScopes } from './scope';
import { indexSlots } from './slots';
import type { CompileOptions, CompileResult, Decision, Proposal, ScopedDecision } from './types';

const { article, bracket, doc, footnote, heading, p, provenance, sub } = builders;

const base = doc(
  article(
    { id: 'a1' },
    heading('Scope'),
    p({ id: 'p1' }, 'The States Parties shall adopt measures.'),
    p({ id: 'p2' }, 'Each State shall cooperate', sub({ id: 's1' }, 'in good faith;'), sub({ id: 's2' }, 'without delay.')),
  ),
  article({ id: 'a2' }, p({ id: 'q1' }, 'This Convention applies to ', bracket({ id: 'b1' }, 'serious crime'), '.')),
);

/** A proposal in a table: id, sponsor, decision and how it revises the base. */
type Spec = readonly [id: string, sponsor: string, decision: Decision, revision: Revision];

function run(specs: readonly Spec[], options: CompileOptions = {}, baseDoc: Node = base): CompileResult {
  return compile({
    base: { doc: baseDoc, revisionId: 'rev1', label: 'A/AC.291/22' },
    proposals: specs.map(([id, sponsor, , revision]) => proposal(id, sponsor, baseDoc, revise(baseDoc, revision))),
    decisions: new Map(specs.map(([id, , decision]) => [id, decision])),
    options,
  });
}

const may: Revision = { text: { p1: 'The States Parties may adopt measures.' } };
const must: Revision = { text: { p1: 'The States Parties must adopt measures.' } };
const effective: Revision = { text: { p1: 'The States Parties shall adopt effective measures.' } };
const newParagraph = (id: string, text: string): Revision => ({ after: { p1: [p({ id }, text)] } });

describe(compile.name, () => {
  it.each<[string, readonly Spec[], string]>([
    ['leaves the base as it is when nothing is retained', [['P1', 'EGY', 'not-retain', may]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['merges incorporated changes to different words of a text', [['P1', 'EGY', 'incorporate', may], ['P2', 'BRA', 'incorporate', effective]], 'a1: «Scope» The States Parties may adopt effective measures. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['merges incorporated changes to different provisions', [['P1', 'EGY', 'incorporate', may], ['P2', 'BRA', 'incorporate', { text: { s2: 'promptly.' } }]], 'a1: «Scope» The States Parties may adopt measures. ¶ Each State shall cooperate (in good faith;) (promptly.)'],
    ['makes overlapping incorporated changes options, by sponsor', [['P1', 'EGY', 'incorporate', may], ['P2', 'BRA', 'incorporate', must]], 'a1: «Scope» {BRA: The States Parties must adopt measures. | EGY: The States Parties may adopt measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['puts the base first when a proposal is presented as an option', [['P1', 'EGY', 'present-as-option', may]], 'a1: «Scope» {base: The States Parties shall adopt measures. | EGY: The States Parties may adopt measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['folds identical formulations into one option attributed to all', [['P1', 'EGY', 'present-as-option', may], ['P2', 'BRA', 'present-as-option', may], ['P3', 'CHN', 'present-as-option', must]], 'a1: «Scope» {base: The States Parties shall adopt measures. | BRA+EGY: The States Parties may adopt measures. | CHN: The States Parties must adopt measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['incorporates identical formulations once', [['P1', 'EGY', 'incorporate', may], ['P2', 'BRA', 'incorporate', may]], 'a1: «Scope» The States Parties may adopt measures. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['makes incorporated words that stand beside an option an option of their own, never part of another', [['P1', 'EGY', 'incorporate', effective], ['P2', 'BRA', 'present-as-option', may]], 'a1: «Scope» {base: The States Parties shall adopt measures. | BRA: The States Parties may adopt measures. | EGY: The States Parties shall adopt effective measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['leaves incorporated words out of the base option and of an option that replaces them', [['P1', 'EGY', 'incorporate', { text: { p1: 'The States Parties shall take measures.' } }], ['P2', 'BRA', 'present-as-option', { text: { p1: 'The States Parties shall legislate.' } }]], 'a1: «Scope» {base: The States Parties shall adopt measures. | BRA: The States Parties shall legislate. | EGY: The States Parties shall take measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['makes options of a subparagraph in place of its text', [['P1', 'EGY', 'incorporate', { text: { s1: 'in good faith and promptly;' } }], ['P2', 'BRA', 'incorporate', { text: { s1: 'in good faith and in full;' } }]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Each State shall cooperate ({BRA: in good faith and in full; | EGY: in good faith and promptly;}) (without delay.)'],
    ['writes alternatives to a heading one after the other in brackets', [['P1', 'EGY', 'incorporate', { text: { 'a1#heading': 'Scope of application' } }], ['P2', 'BRA', 'incorporate', { text: { 'a1#heading': 'Purpose' } }]], 'a1: «[Purpose][Scope of application]» The States Parties shall adopt measures. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['inserts a new paragraph after its neighbour', [['P1', 'EGY', 'incorporate', newParagraph('n1', 'New text.')]], 'a1: «Scope» The States Parties shall adopt measures. ¶ New text. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['inserts new paragraphs of several proposals in sponsor order', [['P1', 'EGY', 'incorporate', newParagraph('n1', 'From Egypt.')], ['P2', 'BRA', 'incorporate', newParagraph('n2', 'From Brazil.')]], 'a1: «Scope» The States Parties shall adopt measures. ¶ From Brazil. ¶ From Egypt. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['inserts identical new paragraphs once', [['P1', 'EGY', 'incorporate', newParagraph('n1', 'Same.')], ['P2', 'BRA', 'incorporate', newParagraph('n2', 'Same.')]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Same. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['brackets a new paragraph presented as an option', [['P1', 'EGY', 'present-as-option', newParagraph('n1', 'New text.')]], 'a1: «Scope» The States Parties shall adopt measures. ¶ [New text.] ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['removes an incorporated deletion', [['P1', 'EGY', 'incorporate', { drop: ['s2'] }]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Each State shall cooperate (in good faith;)'],
    ['brackets a deletion presented as an option', [['P1', 'EGY', 'present-as-option', { drop: ['s2'] }]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Each State shall cooperate (in good faith;) ([without delay.])'],
    ['brackets a deletion that another proposal contests by changing the text', [['P1', 'EGY', 'incorporate', { drop: ['s2'] }], ['P2', 'BRA', 'incorporate', { text: { s2: 'without undue delay.' } }]], 'a1: «Scope» The States Parties shall adopt measures. ¶ Each State shall cooperate (in good faith;) ([without undue delay.])'],
  ])('%s', (_title, specs, expected) => {
    expect(render(run(specs).doc, 'a1')).toBe(expected);
  });

  it.each<[string, readonly Spec[], string]>([
    ['brackets incorporated words, the spaces around them outside the brackets', [['P1', 'EGY', 'incorporate', effective]], 'a1: «Scope» The States Parties shall adopt [effective] measures. ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['nests a bracket inside the bracket around the changed words', [['P1', 'EGY', 'incorporate', { text: { q1: 'This Convention applies to serious organized crime.' } }]], 'a2: This Convention applies to [serious [organized] crime].'],
    ['brackets a new paragraph', [['P1', 'EGY', 'incorporate', newParagraph('n1', 'New text.')]], 'a1: «Scope» The States Parties shall adopt measures. ¶ [New text.] ¶ Each State shall cooperate (in good faith;) (without delay.)'],
    ['brackets incorporated words inside their own option only', [['P1', 'EGY', 'incorporate', effective], ['P2', 'BRA', 'present-as-option', may]], 'a1: «Scope» {base: The States Parties shall adopt measures. | BRA: The States Parties may adopt measures. | EGY: The States Parties shall adopt [effective] measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)'],
  ])('with bracketIncorporated, %s', (_title, specs, expected) => {
    const result = run(specs, { bracketIncorporated: true });
    expect(render(result.doc, expected.slice(0, 2))).toBe(expected);
  });

  describe('with a footnote in the text', () => {
    const noted = (before: string, note: string, after: string): Node => doc(article({ id: 'a1' }, p({ id: 'p1' }, before, footnote({ id: 'n1' }, note), after)));
    const base = noted('The States Parties shall adopt', 'Including legislative measures.', ' measures.');
    const compileNoted = (specs: ReadonlyArray<readonly [string, string, Decision, Node]>, options: CompileOptions = {}): CompileResult =>
      compile({
        base: { doc: base, revisionId: 'rev1', label: 'A/AC.291/22' },
        proposals: specs.map(([id, sponsor, , proposed]) => proposal(id, sponsor, base, proposed)),
        decisions: new Map(specs.map(([id, , decision]) => [id, decision])),
        options,
      });

    it.each<[string, ReadonlyArray<readonly [string, string, Decision, Node]>, string]>([
      ['keeps the note where it stands when words after it change', [['P1', 'EGY', 'incorporate', noted('The States Parties shall adopt', 'Including legislative measures.', ' effective measures.')]], 'a1: The States Parties shall adopt^{Including legislative measures.} effective measures.'],
      ['keeps the note where it stands when words before it change', [['P1', 'EGY', 'incorporate', noted('The States Parties may adopt', 'Including legislative measures.', ' measures.')]], 'a1: The States Parties may adopt^{Including legislative measures.} measures.'],
      ['replaces a reworded note whole', [['P1', 'EGY', 'incorporate', noted('The States Parties shall adopt', 'Including administrative measures.', ' measures.')]], 'a1: The States Parties shall adopt^{Including administrative measures.} measures.'],
      ['presents a reworded note as an option of the text', [['P1', 'EGY', 'present-as-option', noted('The States Parties shall adopt', 'Including administrative measures.', ' measures.')]], 'a1: {base: The States Parties shall adopt^{Including legislative measures.} measures. | EGY: The States Parties shall adopt^{Including administrative measures.} measures.}'],
      ['adds a note a proposal inserts', [['P1', 'EGY', 'incorporate', doc(article({ id: 'a1' }, p({ id: 'p1' }, 'The States Parties shall adopt', footnote({ id: 'n1' }, 'Including legislative measures.'), ' measures', footnote({ id: 'n2' }, 'Effective ones.'), '.')))]], 'a1: The States Parties shall adopt^{Including legislative measures.} measures^{Effective ones.}.'],
      ['removes a note a proposal deletes', [['P1', 'EGY', 'incorporate', doc(article({ id: 'a1' }, p({ id: 'p1' }, 'The States Parties shall adopt measures.')))]], 'a1: The States Parties shall adopt measures.'],
    ])('%s', (_title, specs, expected) => {
      expect(render(compileNoted(specs).doc, 'a1')).toBe(expected);
    });

    it('attributes a reworded note\'s words to the proposal and keeps no mark on the note itself', () => {
      const { doc: compiled } = compileNoted([['P1', 'EGY', 'incorporate', noted('The States Parties shall adopt', 'Including administrative measures.', ' measures.')]]);
      expect(origins(compiled)).toBe('rev1"The States Parties shall adopt" ^{ P1"Including administrative measures." } rev1" measures."');
      const marked: string[] = [];
      compiled.descendants((node) => {
        if (node.type.name === 'footnote' && node.marks.length > 0) marked.push(String(node.attrs['id']));
      });
      expect(marked).toEqual([]);
      expect(unattributed(compiled)).toBe(0);
    });
  });

  it('gives nested brackets distinct, deterministic ids', () => {
    const { doc: compiled } = run([['P1', 'EGY', 'incorporate', { text: { q1: 'This Convention applies to serious organized crime.' } }]], { bracketIncorporated: true });
    const ids = new Set<string>();
    compiled.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'bracket') ids.add(String(mark.attrs['id']));
    });
    expect([...ids]).toEqual(['b1', 'inc:P1:q1#text0:0']);
  });

  it('attributes each run of text to the base, or to the proposals it comes from', () => {
    const result = run([['P1', 'EGY', 'incorporate', may], ['P2', 'BRA', 'incorporate', may], ['P3', 'CHN', 'incorporate', effective]]);
    expect(origins(result.doc).split(' / ')[1]).toBe('rev1"The States Parties " P2 P1"may" rev1" adopt " P3"effective " rev1"measures."');
  });

  it('gives every character provenance, keeping the provenance the base already has', () => {
    const edited = doc(article({ id: 'a1' }, p({ id: 'p1' }, 'Text ', provenance({ kind: 'edit', ref: 'user-7' }, 'edited'), ' here.')));
    const result = run([['P1', 'EGY', 'present-as-option', { text: { p1: 'Text edited there.' } }]], {}, edited);
    expect(unattributed(result.doc)).toBe(0);
    expect(origins(result.doc)).toBe('rev1"Text " user-7"edited" rev1" here." / rev1"Text " user-7"edited" rev1" " P1"there" rev1"."');
  });

  it('labels proposal text with its footnote and base text with the base symbol', () => {
    const result = run([['P1', 'EGY', 'incorporate', may]], { language: 'fr' });
    const labels = new Set<string>();
    result.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'provenance') labels.add(String(mark.attrs['label']));
    });
    expect([...labels]).toEqual(['A/AC.291/22', 'Proposé par : EGY']);
  });

  it.each<[string, readonly Spec[], readonly string[]]>([
    ['incorporated', [['P1', 'EGY', 'incorporate', may]], ['P1 incorporated p1']],
    ['partially incorporated', [['P1', 'EGY', 'incorporate', { text: { p1: 'The States Parties may adopt measures.', s2: 'promptly.' } }], ['P2', 'BRA', 'incorporate', must]], ['P1 partially-incorporated p1 s2', 'P2 presented-as-option p1']],
    ['presented as an option', [['P1', 'EGY', 'present-as-option', may]], ['P1 presented-as-option p1']],
    ['not retained, or changing nothing', [['P1', 'EGY', 'not-retain', may], ['P2', 'BRA', 'incorporate', {}]], ['P1 not-retained', 'P2 no-change']],
  ])('reports what became of each proposal: %s', (_title, specs, expected) => {
    expect(run(specs).outcomes.map((outcome) => [outcome.proposalId, outcome.status, ...outcome.targets].join(' '))).toEqual(expected);
  });

  it('reports a proposal without a decision as undecided and leaves it out', () => {
    const result = compile({ base: { doc: base, revisionId: 'rev1', label: '' }, proposals: [proposal('P1', 'EGY', base, revise(base, may))], decisions: new Map() });
    expect([result.outcomes[0]?.status, render(result.doc, 'a1')]).toEqual(['undecided', render(base, 'a1')]);
  });

  describe('rebasing', () => {
    const older = doc(
      article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'The States shall adopt measures.'), p({ id: 'p0' }, 'A paragraph deleted since.')),
      article({ id: 'a2' }, p({ id: 'q1' }, 'This Convention applies to crime.')),
    );
    const current = doc(
      article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'Each of the States shall adopt measures.')),
      article({ id: 'a2' }, p({ id: 'q1' }, 'This Convention applies to crime.'), p({ id: 'n1' }, 'Added since.')),
    );
    const rebase = (id: string, revision: Revision, decision: Decision = 'incorporate'): CompileResult =>
      compile({
        base: { doc: current, revisionId: 'rev2', label: 'A/AC.291/22/Rev.1' },
        proposals: [proposal(id, 'EGY', older, revise(older, revision), { baseRevisionId: 'rev1' })],
        decisions: new Map([[id, decision]]),
      });

    it('places a change made against an older base by id and by the words around it', () => {
      const result = rebase('P1', { text: { p1: 'The States shall take measures.' } });
      expect([render(result.doc, 'a1'), result.outcomes[0]?.status, result.outcomes[0]?.rebased]).toEqual(['a1: «Scope» Each of the States shall take measures.', 'incorporated', true]);
    });

    it.each<[string, Revision, string]>([
      ['the words around the change were changed', { text: { p1: 'All States shall adopt measures.' } }, 'context-changed p1#text0'],
      ['the node was deleted', { text: { p0: 'A paragraph changed.' } }, 'node-deleted p0#text0'],
      ['a new node has an id the base uses for other text', { after: { q1: [p({ id: 'n1' }, 'Other text.')] } }, 'id-in-use n1'],
      ['the change would leave an article without paragraphs', { drop: ['p1', 'p0'] }, 'invalid-structure a1'],
    ])('reports a conflict, and leaves the proposal out, when %s', (_title, revision, expected) => {
      const result = rebase('P1', revision);
      expect([result.conflicts.map((conflict) => `${conflict.reason} ${conflict.target ?? ''}`).join(), result.outcomes[0]?.status, render(result.doc)]).toEqual([
        expected,
        'conflict',
        render(compile({ base: { doc: current, revisionId: 'rev2', label: '' }, proposals: [], decisions: new Map() }).doc),
      ]);
    });

    it('skips a change the base already holds', () => {
      const result = rebase('P1', { after: { q1: [p({ id: 'n1' }, 'Added since.')] } });
      expect([result.outcomes[0]?.status, result.conflicts.length]).toEqual(['no-change', 0]);
    });
  });

  it('reports both proposals, and leaves both out, when they add different text under one id', () => {
    const result = run([['P1', 'EGY', 'incorporate', newParagraph('n1', 'One text.')], ['P2', 'BRA', 'incorporate', newParagraph('n1', 'Another text.')], ['P3', 'CHN', 'incorporate', may]]);
    expect([result.conflicts.map((conflict) => `${conflict.proposalId} ${conflict.reason} ${conflict.target ?? ''}`), render(result.doc, 'a1')]).toEqual([
      ['P1 id-in-use n1', 'P2 id-in-use n1'],
      'a1: «Scope» The States Parties may adopt measures. ¶ Each State shall cooperate (in good faith;) (without delay.)',
    ]);
  });

  it('makes options of a rebased proposal and a current one that change the same words', () => {
    const older = doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'States Parties shall adopt measures.'), p({ id: 'p2' }, 'Each State shall cooperate', sub({ id: 's1' }, 'in good faith;'), sub({ id: 's2' }, 'without delay.'))));
    const result = compile({
      base: { doc: base, revisionId: 'rev2', label: 'A/AC.291/22/Rev.1' },
      proposals: [proposal('P1', 'EGY', older, revise(older, { text: { p1: 'States Parties may adopt measures.' } })), proposal('P2', 'BRA', base, revise(base, must), { baseRevisionId: 'rev2' })],
      decisions: new Map([
        ['P1', 'incorporate'],
        ['P2', 'incorporate'],
      ]),
    });
    expect(render(result.doc, 'a1')).toBe('a1: «Scope» {BRA: The States Parties must adopt measures. | EGY: The States Parties may adopt measures.} ¶ Each State shall cooperate (in good faith;) (without delay.)');
  });

  it('gives byte-identical output whatever the order of the proposals', () => {
    const specs: Spec[] = [
      ['P1', 'EGY', 'incorporate', may],
      ['P2', 'BRA', 'incorporate', must],
      ['P3', 'CHN', 'present-as-option', effective],
      ['P4', 'RUS', 'incorporate', newParagraph('n4', 'Russian text.')],
      ['P5', 'USA', 'incorporate', newParagraph('n5', 'American text.')],
      ['P6', 'JPN', 'present-as-option', { drop: ['s1'] }],
      ['P7', 'IND', 'incorporate', { text: { q1: 'This Convention applies to serious organized crime.' } }],
    ];
    const proposals = specs.map(([id, sponsor, , revision]) => proposal(id, sponsor, base, revise(base, revision)));
    const decisions = new Map(specs.map(([id, , decision]) => [id, decision]));
    const output = (list: readonly Proposal[]): string => {
      const result = compile({ base: { doc: base, revisionId: 'rev1', label: 'A/AC.291/22' }, proposals: list, decisions, options: { bracketIncorporated: true } });
      return JSON.stringify({ doc: docToJSON(result.doc), outcomes: result.outcomes, conflicts: result.conflicts });
    };
    const expected = output(proposals);
    const random = seeded(20250115);
    for (let round = 0; round < 20; round++) expect(output(shuffle(proposals, random))).toBe(expected);
  });

  describe('options that tell the truth', () => {
    const cyber = doc(article({ id: 'c1' }, p({ id: 'cp' }, 'Each State shall cooperate', sub({ id: 'cs' }, 'with other States and organizations;'))));
    const egypt: Revision = { text: { cs: 'with other States, including in cyberspace, and organizations;' } };
    const brazil: Revision = { text: { cs: 'with all States;' } };
    const delegations = new Map([
      ['EGY', { names: { en: 'Egypt', ar: 'مصر' } }],
      ['EU', { names: { en: 'the European Union', ar: 'الاتحاد الأوروبي' } }],
      ['BRA', { names: { en: 'Brazil', ar: 'البرازيل' } }],
    ]);
    const cyberRun = (decisions: readonly [Decision, Decision], options: CompileOptions = {}): CompileResult =>
      compile({
        base: { doc: cyber, revisionId: 'rev1', label: 'A/AC.291/22' },
        proposals: [
          proposal('P1', 'EGY', cyber, revise(cyber, egypt), { coSponsors: ['EU'], supporters: ['BRA'] }),
          proposal('P2', 'BRA', cyber, revise(cyber, brazil)),
        ],
        decisions: new Map([['P1', decisions[0]], ['P2', decisions[1]]]),
        delegations,
        options,
      });

    it.each<[string, readonly [Decision, Decision], CompileOptions, string]>([
      ['incorporated text beside an option is an option of its own; the base option is the base', ['incorporate', 'present-as-option'], {}, 'c1: Each State shall cooperate ({base: with other States and organizations; | BRA: with all States; | EGY+EU+BRA: with other States, including in cyberspace, and organizations;})'],
      ['so too with the incorporated words bracketed, the brackets hugging the words', ['incorporate', 'present-as-option'], { bracketIncorporated: true }, 'c1: Each State shall cooperate ({base: with other States and organizations; | BRA: with all States; | EGY+EU+BRA: with other States[, including in cyberspace,] and organizations;})'],
      ['two options and the base', ['present-as-option', 'present-as-option'], {}, 'c1: Each State shall cooperate ({base: with other States and organizations; | BRA: with all States; | EGY+EU+BRA: with other States, including in cyberspace, and organizations;})'],
      ['incorporated text alone, bracketed without its neighbouring spaces', ['incorporate', 'not-retain'], { bracketIncorporated: true }, 'c1: Each State shall cooperate (with other States[, including in cyberspace,] and organizations;)'],
    ])('%s', (_title, decisions, options, expected) => {
      expect(render(cyberRun(decisions, options).doc)).toBe(expected);
    });

    it('names the delegations behind an option by name, in every language, with co-sponsors and supporters', () => {
      const result = cyberRun(['incorporate', 'present-as-option']);
      const attributions: Record<string, string>[] = [];
      result.doc.descendants((node) => {
        if (node.type.name === 'option') attributions.push(node.attrs['attribution'] as Record<string, string>);
        return true;
      });
      expect(attributions.map((attribution) => [attribution['en'] ?? '', attribution['ar'] ?? ''])).toEqual([
        ['', ''],
        ['Proposed by Brazil', 'مقترح من البرازيل'],
        ['Proposed by Egypt, co-sponsored by the European Union; supported by Brazil', 'مقترح من مصر، شاركت في تقديمه الاتحاد الأوروبي؛ أيدته البرازيل'],
      ]);
    });
  });

  describe('decisions per provision and per change', () => {
    // P1 changes article a1 (p1 and s2) and article a2 (q1); P2 offers another formulation of p1.
    const both: Revision = { text: { p1: 'The States Parties may adopt effective measures.', s2: 'promptly.', q1: 'This Convention applies to serious crime only.' } };
    const scopedRun = (scoped: readonly ScopedDecision[], whole: ReadonlyMap<string, Decision> = new Map()): CompileResult =>
      compile({
        base: { doc: base, revisionId: 'rev1', label: 'A/AC.291/22' },
        proposals: [proposal('P1', 'EGY', base, revise(base, both))],
        decisions: whole,
        scopedDecisions: scoped,
      });
    const outcome = (result: CompileResult): string => result.outcomes.map((o) => `${o.proposalId} ${o.status}`).join();

    it.each<[string, readonly ScopedDecision[], string, string]>([
      ['incorporates one article and presents the other as an option', [{ proposalId: 'P1', provision: 'a1', change: null, decision: 'incorporate' }, { proposalId: 'P1', provision: 'a2', change: null, decision: 'present-as-option' }], 'a1: «Scope» The States Parties may adopt effective measures. ¶ Each State shall cooperate (in good faith;) (promptly.) § a2: {base: This Convention applies to [serious crime]. | EGY: This Convention applies to [serious crime] only.}', 'P1 partially-incorporated'],
      ['incorporates one article and leaves the other out', [{ proposalId: 'P1', provision: 'a1', change: null, decision: 'incorporate' }, { proposalId: 'P1', provision: 'a2', change: null, decision: 'not-retain' }], 'a1: «Scope» The States Parties may adopt effective measures. ¶ Each State shall cooperate (in good faith;) (promptly.) § a2: This Convention applies to [serious crime].', 'P1 partially-incorporated'],
      ['accepts one change and rejects another, as in Word', [{ proposalId: 'P1', provision: 'a1', change: null, decision: 'incorporate' }, { proposalId: 'P1', provision: 'a1', change: 'p1#text0:1', decision: 'not-retain' }, { proposalId: 'P1', provision: 'a2', change: null, decision: 'incorporate' }], 'a1: «Scope» The States Parties may adopt measures. ¶ Each State shall cooperate (in good faith;) (promptly.) § a2: This Convention applies to [serious crime] only.', 'P1 partially-incorporated'],
      ['presents every part as an option', [{ proposalId: 'P1', provision: 'a1', change: null, decision: 'present-as-option' }, { proposalId: 'P1', provision: 'a2', change: null, decision: 'present-as-option' }], 'a1: «Scope» {base: The States Parties shall adopt measures. | EGY: The States Parties may adopt effective measures.} ¶ Each State shall cooperate (in good faith;) ({base: without delay. | EGY: promptly.}) § a2: {base: This Convention applies to [serious crime]. | EGY: This Convention applies to [serious crime] only.}', 'P1 presented-as-option'],
      ['rejects every part', [{ proposalId: 'P1', provision: 'a1', change: null, decision: 'not-retain' }, { proposalId: 'P1', provision: 'a2', change: null, decision: 'not-retain' }], `${render(base)}`, 'P1 not-retained'],
    ])('%s', (_title, scoped, expected, status) => {
      const result = scopedRun(scoped);
      expect([render(result.doc), outcome(result)]).toEqual([expected, status]);
    });

    it('lets a decision on a provision override the decision on the whole proposal', () => {
      const result = scopedRun([{ proposalId: 'P1', provision: 'a2', change: null, decision: 'not-retain' }], new Map([['P1', 'incorporate']]));
      expect([render(result.doc, 'a2'), outcome(result)]).toEqual(['a2: This Convention applies to [serious crime].', 'P1 partially-incorporated']);
    });

    it('reports a proposal decided only in parts, none of which is decided for its changes, as not retained', () => {
      const result = scopedRun([{ proposalId: 'P1', provision: 'elsewhere', change: null, decision: 'incorporate' }]);
      expect(outcome(result)).toBe('P1 not-retained');
    });

    it('names each change by its provision and the node it stands in', () => {
      const proposed = revise(base, { ...both, after: { p1: [p({ id: 'n1' }, 'New.')] }, drop: ['s1'] });
      const index = indexSlots(base);
      expect(changeSet(base, proposed).flatMap((change) => changeScopes(change, index)).map((scope) => `${scope.key} ${scope.provision} ${scope.node ?? ''}`)).toEqual([
        'p1#text0:0 a1 p1',
        'p1#text0:1 a1 p1',
        'insert:n1 a1 n1',
        's2#text0:0 a1 s2',
        'delete:s1 a1 s1',
        'q1#text0:0 a2 q1',
      ]);
    });
  });

  it('throws a CompileError when two proposals share an id', () => {
    const twice = proposal('P1', 'EGY', base, revise(base, may));
    expect(() => compile({ base: { doc: base, revisionId: 'rev1', label: '' }, proposals: [twice, twice], decisions: new Map() })).toThrow(CompileError);
  });
});
