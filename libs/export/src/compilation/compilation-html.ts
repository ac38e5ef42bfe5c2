import { htmlDocument, htmlHead } from '../revision/revision-html';
import { el, type XmlChild, type XmlElement } from '../revision/xml';
import type { CompilationInput } from './compilation-input';
import { compilationView, visiblePieces, type ChangeView, type CompilationView, type ProposalView, type ProvisionView } from './compilation-model';

// Written into a <style> element, whose text HTML does not unescape: no '<', '>' or '&' here.
const COMPILATION_CSS = [
  'body{font-family:"Times New Roman",Times,serif;line-height:1.45;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#111}',
  '.masthead{border-bottom:2px solid #111;padding-bottom:.5rem}',
  '.masthead p{margin:0}',
  '.committee{font-weight:bold}',
  'h1{font-size:1.35em;margin:1.5rem 0 .25rem}',
  '.instrument{font-style:italic;margin-top:0}',
  '.no-priority{font-weight:bold}',
  '.provision{border-top:1px solid #888;margin-top:1.5rem}',
  '.provision h2 span{display:block}',
  '.proposal{margin:1rem 0 1rem;padding-inline-start:1rem;border-inline-start:3px solid #ccc}',
  '.proposal.late{border-inline-start-color:#b45309}',
  '.late-mark{color:#b45309;font-weight:bold}',
  '.num{margin-inline-end:.4em}',
  '.verbatim{white-space:pre-wrap}',
  'ins{text-decoration:underline;background:#e6f4ea}',
  'del{text-decoration:line-through;background:#fce8e6}',
  '.suspicious{border:1px solid #b45309;padding:0 .15em;font-family:monospace;font-size:.85em}',
  '.warning{color:#b45309}',
].join('\n');

/** Text with suspicious characters shown as their code point, never printed. */
function visible(text: string): XmlChild[] {
  return visiblePieces(text).map((piece) =>
    'text' in piece ? piece.text : el('span', { class: 'suspicious', title: piece.name }, [piece.codePoint]),
  );
}

function verbatim(text: string, className: string): XmlElement {
  return el('p', { class: `verbatim ${className}` }, visible(text));
}

function change(view: ChangeView, captions: CompilationView['captions']): XmlElement {
  switch (view.kind) {
    case 'text':
      return el(
        'p',
        { class: 'verbatim change change-text' },
        view.segments.flatMap((segment): XmlChild[] => {
          if (segment.kind === 'same') return visible(segment.text);
          return [el(segment.kind === 'inserted' ? 'ins' : 'del', {}, visible(segment.text))];
        }),
      );
    case 'insert':
      return el('p', { class: 'verbatim change change-insert' }, [el('strong', {}, [captions.added]), ' ', el('ins', {}, visible(view.text))]);
    case 'delete':
      return el('p', { class: 'verbatim change change-delete' }, [el('strong', {}, [captions.deleted]), ' ', el('del', {}, visible(view.text))]);
  }
}

function proposal(view: ProposalView, captions: CompilationView['captions']): XmlElement {
  return el('section', { class: view.late ? 'proposal late' : 'proposal', id: view.eId, 'data-proposal': view.id }, [
    el('h3', {}, [el('span', { class: 'num' }, [view.label]), ' ', ...visible(view.sponsor)]),
    el('p', { class: 'attribution' }, visible(view.attribution)),
    view.late && el('p', { class: 'late-mark' }, [captions.late]),
    el('p', { class: 'submitted' }, [el('time', { datetime: view.submittedAt }, [captions.submitted(view.submitted)])]),
    view.suspicious.length > 0 && el('p', { class: 'warning', role: 'note' }, [captions.suspicious, ' ', view.suspicious.join('; ')]),
    el('h4', {}, [captions.proposedText]),
    verbatim(view.proposedText, 'proposed-text'),
    view.changes.length > 0 && el('h4', {}, [captions.changes]),
    view.changes.length > 0 && el('div', { class: 'changes' }, view.changes.map((item) => change(item, captions))),
    view.justification !== '' && el('h4', {}, [captions.justification]),
    view.justification !== '' && verbatim(view.justification, 'justification'),
  ]);
}

function provision(view: ProvisionView, captions: CompilationView['captions']): XmlElement {
  return el('section', { class: 'provision', id: view.eId, 'data-provision': view.id }, [
    el('h2', {}, [el('span', { class: 'num' }, [view.label]), view.heading !== '' && ' ', view.heading !== '' && el('span', { class: 'heading' }, [view.heading])]),
    el('div', { class: 'base-text' }, [el('h3', {}, [captions.baseText]), verbatim(view.baseText, 'base')]),
    ...(view.proposals.length > 0
      ? view.proposals.map((item) => proposal(item, captions))
      : [el('p', { class: 'no-proposals' }, [captions.noProposals])]),
  ]);
}

/**
 * A compilation of proposals as a standalone HTML5 document in the language of the proposals (right to left in
 * Arabic): the committee and session, the title, "in no order of priority", then per provision in order its
 * base text and every proposal received, labelled (a), (b), … with its sponsor, co-sponsors and supporters, a
 * mark when it came after the deadline, its text verbatim, its changes (insertions in `<ins>`, deletions in
 * `<del>`, computed from the edits against the text before) and its justification as inert text. Bidirectional
 * controls and invisible characters are shown by their code point and flagged. Escaped throughout; no script.
 */
export function compilationToHtml(input: CompilationInput): string {
  const view = compilationView(input);
  const { captions } = view;
  const body = el('body', {}, [
    el('header', { class: 'masthead' }, [
      el('p', { class: 'committee' }, [input.committee.name]),
      view.session !== null && el('p', { class: 'session' }, [view.session]),
    ]),
    el('main', {}, [
      el('h1', {}, [captions.title]),
      el('p', { class: 'instrument' }, [input.instrumentTitle]),
      el('p', { class: 'no-priority' }, [captions.noPriority]),
      ...view.provisions.map((item) => provision(item, captions)),
    ]),
  ]);
  return htmlDocument(input.language, htmlHead(`${captions.title} – ${input.instrumentTitle}`, COMPILATION_CSS), body);
}
