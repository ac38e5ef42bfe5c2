import { formatAttribution, footnotes, provenanceRefs, type DelegationInfo, type Footnote, type ProposalAttribution } from '@concord/compile';
import { pickLocalized, type Language, type ProvisionStatus } from '@concord/domain';
import { inlineToText, numberDocument, referenceLabels, type DivisionKind, type NumberLabel } from '@concord/schema';
import type { Mark, Node } from 'prosemirror-model';
import { IdAllocator, organizationId } from './eids';
import type { RevisionExportInput } from './revision-input';

/** The eId prefix of each kind of division, after Akoma Ntoso's naming convention. */
const DIVISION_EID_PREFIX: Record<DivisionKind, string> = { chapter: 'chp', part: 'part', section: 'sec', annex: 'annex' };

/** Whether a provenance mark's text is a proposal's, in the original or translated (a translation keeps its ref). */
function rendersProposal(mark: Mark): boolean {
  const kind = mark.attrs['kind'];
  return kind === 'proposal' || (kind === 'translation' && strings(mark.attrs['delegations']).length > 0);
}

/**
 * The content of a revision laid out once for every writer: numbered in the language, with element ids,
 * footnotes numbered in order of first reference and the delegations they name. Akoma Ntoso, DOCX and HTML
 * render this model, so they show the same numbers, notes and ids.
 */

/** Inline content: text, brackets (which nest), attributed text, footnote references and cross-references. */
export type InlineNode = TextInline | BracketInline | ProvenanceInline | NoteRefInline | XrefInline;

/** Plain text. */
export interface TextInline {
  readonly kind: 'text';
  readonly text: string;
}

/** Unagreed text. A bracket that crosses another is split; the pieces after the first are `continued`. */
export interface BracketInline {
  readonly kind: 'bracket';
  readonly bracketId: string;
  readonly eId: string;
  readonly continued: boolean;
  readonly children: readonly InlineNode[];
}

/** Text that came from proposals (`proposal`) or from an edit by the secretariat (`edit`). Base text is unwrapped. */
export interface ProvenanceInline {
  readonly kind: 'provenance';
  readonly origin: 'proposal' | 'edit';
  /** The proposal ids (space-separated) or the user id of the edit. */
  readonly ref: string;
  /** Codes of the delegations behind the text. */
  readonly delegations: readonly string[];
  readonly label: string;
  readonly children: readonly InlineNode[];
}

/** A reference to a footnote, placed after the attributed text or after an option's label. */
export interface NoteRefInline {
  readonly kind: 'note-ref';
  /** The footnote's number (1-based), in {@link RevisionModel.notes}. */
  readonly note: number;
  /** The id of this reference; a footnote referenced twice has two. */
  readonly eId: string;
}

/**
 * Words that refer to a provision (an `xref` mark), rendered with the provision's number in this revision and
 * language ("article 7 bis, paragraph 2"), whatever words were stored; the stored words when the provision is
 * no longer in the text. Writers link it to the provision's element id ({@link RevisionModel.eIds}).
 */
export interface XrefInline {
  readonly kind: 'xref';
  /** The id of the provision referred to. */
  readonly target: string;
  readonly text: string;
}

/** A run of text: a text block, a recital, a heading, the title. */
export interface TextBlockModel {
  readonly kind: 'text';
  readonly content: readonly InlineNode[];
}

/** A paragraph or a subparagraph. Its first child stands for its own text (a text block or an option group). */
export interface ProvisionModel {
  readonly kind: 'paragraph' | 'subparagraph';
  readonly id: string | null;
  readonly eId: string;
  /** "1.", "(a)"; `''` for the lone paragraph of an article. */
  readonly label: string;
  /** 0 for paragraphs, 1 for (a), 2 for (i), … */
  readonly depth: number;
  /** Paragraphs only; `null` for subparagraphs. */
  readonly status: ProvisionStatus | null;
  readonly children: readonly BlockModel[];
}

/** Competing formulations. */
export interface OptionGroupModel {
  readonly kind: 'options';
  readonly id: string | null;
  readonly eId: string;
  readonly options: readonly OptionModel[];
}

/** One formulation of an option group, with who put it forward. */
export interface OptionModel {
  readonly id: string | null;
  readonly eId: string;
  /** "Option 1", "الخيار ١". */
  readonly label: string;
  readonly sponsors: readonly string[];
  readonly proposalIds: readonly string[];
  readonly isBase: boolean;
  /** The footnote naming its sponsors, if it has some. */
  readonly note: NoteRefInline | null;
  /** Text blocks, paragraphs or subparagraphs. */
  readonly children: readonly BlockModel[];
}

/** What paragraphs, subparagraphs and options hold. */
export type BlockModel = TextBlockModel | ProvisionModel | OptionGroupModel;

/** An article. */
export interface ArticleModel {
  readonly kind: 'article';
  readonly id: string | null;
  readonly eId: string;
  readonly label: string;
  readonly heading: readonly InlineNode[] | null;
  readonly status: ProvisionStatus;
  readonly children: readonly BlockModel[];
}

/** A chapter (or a part, section or annex: its `division`) and its articles. */
export interface ChapterModel {
  readonly kind: 'chapter';
  readonly division: DivisionKind;
  readonly id: string | null;
  readonly eId: string;
  readonly label: string;
  readonly heading: readonly InlineNode[];
  readonly articles: readonly ArticleModel[];
}

/** A preambular paragraph. */
export interface RecitalModel {
  readonly id: string | null;
  readonly eId: string;
  readonly content: readonly InlineNode[];
}

/**
 * A footnote: who is behind a piece of text or an option (`provenance`), or a note the secretariat wrote into the
 * text (`authorial`), numbered in one sequence.
 */
export interface NoteModel {
  readonly kind: 'provenance' | 'authorial';
  readonly number: number;
  readonly eId: string;
  /** The note as plain text, unagreed words in square brackets. */
  readonly text: string;
  /** The note's words with their brackets; one text for a provenance note. */
  readonly content: readonly InlineNode[];
  readonly proposalIds: readonly string[];
  /** Codes of the delegations the note names, in order. */
  readonly delegations: readonly string[];
}

/** A delegation named by the text or its notes. */
export interface OrganizationModel {
  readonly code: string;
  readonly eId: string;
  /** Its name in the document's language (or the original's, or English), its code when none is known. */
  readonly name: string;
}

/** A revision laid out for the writers. */
export interface RevisionModel {
  /** The text's own title when it has a non-empty one, otherwise the input's title as text. */
  readonly title: readonly InlineNode[];
  readonly preamble: readonly RecitalModel[];
  readonly body: readonly (ChapterModel | ArticleModel)[];
  readonly notes: readonly NoteModel[];
  readonly organizations: readonly OrganizationModel[];
  /** Organization eId by delegation code. */
  readonly organizationIds: ReadonlyMap<string, string>;
  /** Element id by node id, for the links of cross-references. */
  readonly eIds: ReadonlyMap<string, string>;
}

/** Element ids that the writers use for fixed parts of a document. */
export const FIXED_IDS = ['committee', 'secretariat', 'preamble', 'recs', 'longTitle', 'masthead', 'notes'] as const;

function children(node: Node): Node[] {
  const result: Node[] = [];
  node.forEach((child) => result.push(child));
  return result;
}

function idOf(node: Node): string | null {
  const id: unknown = node.attrs['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

function strings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The key of a footnote: its proposals sorted, as `footnotes` keys them. */
function proposalKey(ids: readonly string[]): string {
  return [...ids].sort().join(' ');
}

/** Numbers the footnotes in order of first reference and collects the delegations they name. */
class Notes {
  private readonly byKey = new Map<string, NoteModel>();
  private readonly computed: ReadonlyMap<string, Footnote>;
  private readonly proposals: ReadonlyMap<string, ProposalAttribution>;
  readonly list: NoteModel[] = [];

  constructor(
    private readonly ids: IdAllocator,
    private readonly language: Language,
    private readonly delegations: ReadonlyMap<string, DelegationInfo>,
    computed: readonly Footnote[],
    proposals: readonly ProposalAttribution[],
    private readonly named: (codes: readonly string[]) => void,
  ) {
    this.computed = new Map(computed.map((note) => [proposalKey(note.proposalIds), note]));
    this.proposals = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  }

  /** A reference to the note for text or an option from these proposals, or with these sponsors alone. */
  reference(proposalIds: readonly string[], sponsors: readonly string[], words?: string): NoteRefInline | null {
    const note = proposalIds.length > 0 ? this.forProposals(proposalIds, sponsors, words) : this.forSponsors(sponsors);
    if (!note) return null;
    return { kind: 'note-ref', note: note.number, eId: this.ids.claim(`fnref_${note.number}`) };
  }

  private forProposals(proposalIds: readonly string[], codes: readonly string[], words?: string): NoteModel {
    const key = proposalKey(proposalIds);
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const known = proposalIds.map((id) => this.proposals.get(id));
    const delegations = known.every((proposal) => proposal !== undefined)
      ? unique(known.flatMap((proposal) => [proposal.sponsor, ...proposal.coSponsors, ...proposal.supporters]))
      : unique(codes);
    const text = this.computed.get(key)?.text ?? words ?? formatAttribution({ proposers: codes, coSponsors: [], supporters: [] }, this.language, this.delegations);
    return this.add(key, text, [...proposalIds].sort(), delegations);
  }

  private forSponsors(sponsors: readonly string[]): NoteModel | null {
    if (sponsors.length === 0) return null;
    const key = `sponsors:${sponsors.join(' ')}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const text = formatAttribution({ proposers: sponsors, coSponsors: [], supporters: [] }, this.language, this.delegations);
    return this.add(key, text, [], unique(sponsors));
  }

  /** A reference to a footnote of the text, `content` being its words laid out. */
  authored(footnote: Node, content: readonly InlineNode[]): NoteRefInline {
    const number = this.list.length + 1;
    const note: NoteModel = { kind: 'authorial', number, eId: this.ids.claim(`fn_${number}`), text: inlineToText(footnote), content, proposalIds: [], delegations: [] };
    this.list.push(note);
    return { kind: 'note-ref', note: number, eId: this.ids.claim(`fnref_${number}`) };
  }

  private add(key: string, text: string, proposalIds: readonly string[], delegations: readonly string[]): NoteModel {
    const number = this.list.length + 1;
    const note: NoteModel = { kind: 'provenance', number, eId: this.ids.claim(`fn_${number}`), text, content: [{ kind: 'text', text }], proposalIds, delegations };
    this.byKey.set(key, note);
    this.list.push(note);
    this.named(delegations);
    return note;
  }
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

interface Frame {
  readonly mark: Mark | null;
  readonly children: InlineNode[];
}

/**
 * Lays out a revision for the writers: numbers in `input.language`, element ids from node ids, footnotes from
 * `footnotes` of `@concord/compile` (plus one per option that names sponsors without proposals), numbered in
 * the order the text first refers to them.
 */
export function revisionModel(input: RevisionExportInput): RevisionModel {
  const { doc, language, delegations } = input;
  const labels = numberDocument(doc, language);
  const ids = new IdAllocator(FIXED_IDS);
  const named: string[] = [];
  const name = (codes: readonly string[]): void => {
    for (const code of codes) {
      if (named.includes(code)) continue;
      named.push(code);
      name(delegations.get(code)?.members ?? []);
    }
  };
  const notes = new Notes(ids, language, delegations, footnotes(doc, language, delegations, input.proposals ?? []), input.proposals ?? [], name);
  const seenBrackets = new Set<string>();
  let ordinal = 0;
  const eIds = new Map<string, string>();
  const eIdOf = (prefix: string, node: Node): string => {
    const eId = ids.allocate(prefix, idOf(node), ++ordinal);
    const id = idOf(node);
    if (id !== null) eIds.set(id, eId);
    return eId;
  };
  const references = referenceLabels(doc, language);
  const labelOf = (node: Node): NumberLabel | undefined => {
    const id = idOf(node);
    return id === null ? undefined : labels.get(id);
  };

  const wrappers = (text: Node): Mark[] =>
    text.marks.filter((mark) => mark.type.name === 'bracket' || (mark.type.name === 'provenance' && mark.attrs['kind'] !== 'base'));

  const open = (mark: Mark, content: InlineNode[]): InlineNode => {
    if (mark.type.name === 'bracket') {
      const bracketId = String(mark.attrs['id']);
      const continued = seenBrackets.has(bracketId);
      seenBrackets.add(bracketId);
      return { kind: 'bracket', bracketId, eId: ids.allocate('brk', bracketId, ++ordinal), continued, children: content };
    }
    const codes = strings(mark.attrs['delegations']);
    if (rendersProposal(mark)) name(codes);
    return {
      kind: 'provenance',
      origin: rendersProposal(mark) ? 'proposal' : 'edit',
      ref: String(mark.attrs['ref']),
      delegations: codes,
      label: String(mark.attrs['label'] ?? ''),
      children: content,
    };
  };

  // Brackets (outer first, as the schema orders them) then provenance wrap each text; runs of wrappers shared by
  // neighbouring texts stay one element. A note reference follows each run of text from the same proposals, except
  // inside a footnote of the text, whose words are the secretariat's note and carry no notes of their own.
  const inline = (block: Node, attributed = true): InlineNode[] => {
    const root: Frame = { mark: null, children: [] };
    const stack: Frame[] = [root];
    let run: Mark | null = null;
    // The words of one reference may span several texts (a bracket inside them); the reference is written once.
    let previousXref: Mark | null = null;
    const endRun = (): void => {
      if (!run) return;
      const ref = attributed ? notes.reference(provenanceRefs(run), strings(run.attrs['delegations'])) : null;
      if (ref) (stack[stack.length - 1] as Frame).children.push(ref);
      run = null;
    };
    block.forEach((text, _offset, index) => {
      if (text.type.name === 'footnote') {
        // The marker stays inside the brackets that go on after it, and ends a run of attributed text: the note's
        // words are not the proposal's.
        const after = block.maybeChild(index + 1)?.marks ?? [];
        let keep = 0;
        while (keep < stack.length - 1 && (stack[keep + 1] as Frame).mark?.type.name === 'bracket' && after.some((mark) => mark.eq((stack[keep + 1] as Frame).mark as Mark))) keep++;
        stack.length = keep + 1;
        endRun();
        (stack[stack.length - 1] as Frame).children.push(notes.authored(text, inline(text, false)));
        return;
      }
      const wanted = wrappers(text);
      let keep = 0;
      while (keep < stack.length - 1 && keep < wanted.length && (stack[keep + 1] as Frame).mark?.eq(wanted[keep] as Mark)) keep++;
      stack.length = keep + 1;
      const provenance = text.marks.find((mark) => mark.type.name === 'provenance' && rendersProposal(mark)) ?? null;
      if (run && !(provenance && proposalKey(provenanceRefs(provenance)) === proposalKey(provenanceRefs(run)))) endRun();
      run = provenance;
      for (const mark of wanted.slice(keep)) {
        const frame: Frame = { mark, children: [] };
        (stack[stack.length - 1] as Frame).children.push(open(mark, frame.children));
        stack.push(frame);
      }
      const xref = text.marks.find((mark) => mark.type.name === 'xref') ?? null;
      const target = xref === null ? null : String(xref.attrs['target']);
      const current = target === null ? undefined : references.get(target);
      const continues = xref !== null && previousXref !== null && xref.eq(previousXref);
      previousXref = xref;
      const words = text.text ?? '';
      if (target === null || current === undefined) {
        (stack[stack.length - 1] as Frame).children.push(target === null ? { kind: 'text', text: words } : { kind: 'xref', target, text: words });
      } else if (!continues) {
        // The stored words may begin a sentence ("Article 7 applies"); the current reference keeps their capital.
        const capital = words.charAt(0) !== words.charAt(0).toLocaleLowerCase(language);
        (stack[stack.length - 1] as Frame).children.push({ kind: 'xref', target, text: capital ? current.charAt(0).toLocaleUpperCase(language) + current.slice(1) : current });
      }
    });
    stack.length = 1;
    endRun();
    return root.children;
  };

  const options = (group: Node): OptionGroupModel => {
    const eId = eIdOf('optgrp', group);
    return {
      kind: 'options',
      id: idOf(group),
      eId,
      options: children(group).map((option, index): OptionModel => {
        const sponsors = strings(option.attrs['sponsors']);
        const proposalIds = strings(option.attrs['proposalIds']);
        const optionEId = eIdOf('opt', option);
        name(sponsors);
        return {
          id: idOf(option),
          eId: optionEId,
          label: labelOf(option)?.label ?? `${index + 1}`,
          sponsors,
          proposalIds,
          isBase: option.attrs['isBase'] === true,
          note: notes.reference(proposalIds, sponsors, (option.attrs['attribution'] as Readonly<Record<string, string>> | undefined)?.[language]),
          children: blocks(children(option)),
        };
      }),
    };
  };

  const provision = (node: Node): ProvisionModel => {
    const kind = node.type.name === 'paragraph' ? 'paragraph' : 'subparagraph';
    const label = labelOf(node);
    return {
      kind,
      id: idOf(node),
      eId: eIdOf(kind === 'paragraph' ? 'para' : 'point', node),
      label: label?.label ?? '',
      depth: label?.depth ?? 0,
      status: kind === 'paragraph' ? (node.attrs['status'] as ProvisionStatus) : null,
      children: blocks(children(node)),
    };
  };

  const blocks = (nodes: readonly Node[]): BlockModel[] =>
    nodes.flatMap((node): BlockModel[] => {
      switch (node.type.name) {
        case 'text_block':
          return [{ kind: 'text', content: inline(node) }];
        case 'paragraph':
        case 'subparagraph':
          return [provision(node)];
        case 'option_group':
          return [options(node)];
        default:
          return [];
      }
    });

  const article = (node: Node): ArticleModel => {
    const [first, ...rest] = children(node);
    const hasHeading = first?.type.name === 'heading';
    return {
      kind: 'article',
      id: idOf(node),
      eId: eIdOf('art', node),
      label: labelOf(node)?.label ?? '',
      heading: hasHeading && first ? inline(first) : null,
      status: node.attrs['status'] as ProvisionStatus,
      children: blocks(hasHeading ? rest : children(node)),
    };
  };

  const chapter = (node: Node): ChapterModel => {
    const [first, ...rest] = children(node);
    const division = node.attrs['kind'] as DivisionKind;
    const eId = eIdOf(DIVISION_EID_PREFIX[division], node);
    const heading = first?.type.name === 'heading' ? inline(first) : [];
    return {
      kind: 'chapter',
      division,
      id: idOf(node),
      eId,
      label: labelOf(node)?.label ?? '',
      heading,
      articles: rest.filter((child) => child.type.name === 'article').map(article),
    };
  };

  let title: InlineNode[] = [{ kind: 'text', text: input.title }];
  const preamble: RecitalModel[] = [];
  const body: (ChapterModel | ArticleModel)[] = [];
  for (const node of children(doc)) {
    if (node.type.name === 'title' && node.textContent.trim() !== '') title = inline(node);
    if (node.type.name === 'preamble') {
      for (const recital of children(node)) preamble.push({ id: idOf(recital), eId: eIdOf('rec', recital), content: inline(recital) });
    }
    if (node.type.name === 'chapter') body.push(chapter(node));
    if (node.type.name === 'article') body.push(article(node));
  }

  const organizations = named.map((code): OrganizationModel => {
    const info = delegations.get(code);
    return {
      code,
      eId: ids.claim(organizationId(code)),
      name: (info && pickLocalized(info.names, language, [input.originalLanguage])) ?? code,
    };
  });
  return {
    title,
    preamble,
    body,
    notes: notes.list,
    organizations,
    organizationIds: new Map(organizations.map((organization) => [organization.code, organization.eId])),
    eIds,
  };
}
