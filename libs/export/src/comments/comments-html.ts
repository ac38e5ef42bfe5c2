import { BCP_47, formatDate, REVISION_PHRASES } from '../revision/locale';
import { htmlDocument, htmlHead } from '../revision/revision-html';
import { el, type XmlElement } from '../revision/xml';
import { COMMENTS_CAPTIONS, type CommentsCaptions } from './comments-captions';
import type { CommentProvisionInput, CommentRemarkInput, CommentsCompilationInput } from './comments-input';

// Written into a <style> element, whose text HTML does not unescape: no '<', '>' or '&' here.
const CSS = [
  'body{font-family:"Times New Roman",Times,serif;line-height:1.45;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#111}',
  '.masthead{display:flex;justify-content:space-between;align-items:flex-start;gap:2rem;border-bottom:2px solid #111;padding-bottom:.5rem}',
  '.masthead p{margin:0}',
  '.masthead-symbol{text-align:end}',
  '.symbol{font-size:1.5em;font-weight:bold}',
  '.committee{font-weight:bold}',
  'h1{font-size:1.35em;margin:1.5rem 0 .25rem}',
  '.no-priority{font-weight:bold}',
  '.provision{border-top:1px solid #888;margin-top:1.5rem}',
  '.remark{margin:1rem 0;padding-inline-start:1rem;border-inline-start:3px solid #ccc}',
  '.remark.late{border-inline-start-color:#b45309}',
  '.late-mark{color:#b45309;font-weight:bold}',
  '.verbatim{white-space:pre-wrap}',
  '.wording{background:#f3f4f6;padding:.25rem .5rem}',
  '.disposition{font-style:italic}',
].join('\n');

function remark(view: CommentRemarkInput, captions: CommentsCaptions, documentLanguage: CommentsCompilationInput['language']): XmlElement {
  // Each comment keeps the language (and direction) it was written in, whatever the captions' language.
  const own = { lang: BCP_47[view.language], dir: 'auto' };
  return el('section', { class: view.late ? 'remark late' : 'remark', 'data-remark': view.number }, [
    el('h3', {}, [`${view.number} `, el('bdi', {}, [view.commenter])]),
    view.late && el('p', { class: 'late-mark' }, [captions.late]),
    el('p', { class: 'submitted' }, [captions.submittedIn(captions.languages[view.language], formatDate(view.submitted, documentLanguage))]),
    el('p', { class: 'verbatim body', ...own }, [view.body]),
    view.proposedWording !== null && el('p', { class: 'caption' }, [el('strong', {}, [captions.proposedWording])]),
    view.proposedWording !== null && el('p', { class: 'verbatim wording', ...own }, [view.proposedWording]),
    view.disposition !== null &&
      el('p', { class: 'disposition' }, [
        el('strong', {}, [`${captions.disposition}: `]),
        captions.dispositions[view.disposition.disposition],
        view.disposition.response !== '' && ` — ${captions.response}: `,
        view.disposition.response !== '' && el('bdi', {}, [view.disposition.response]),
        view.disposition.addressedIn !== '' && ` — ${captions.addressedIn}: ${view.disposition.addressedIn}`,
      ]),
  ]);
}

function provision(view: CommentProvisionInput, captions: CommentsCaptions, language: CommentsCompilationInput['language']): XmlElement {
  return el('section', { class: 'provision', 'data-provision': view.id ?? 'general' }, [
    el('h2', {}, [view.id === null ? captions.general : view.label, view.heading ? ` ${view.heading}` : '']),
    ...view.remarks.map((item) => remark(item, captions, language)),
  ]);
}

/**
 * A compilation of comments received as a standalone HTML5 document with the UN masthead: per provision in the
 * order of the text (general comments first), every remark verbatim in the language it was submitted in,
 * attributed, "in no order of priority", late ones marked, with the disposition where the reader may see it.
 * Escaped throughout; no script.
 */
export function commentsCompilationToHtml(input: CommentsCompilationInput): string {
  const captions = COMMENTS_CAPTIONS[input.language];
  const body = el('body', {}, [
    el('header', { class: 'masthead' }, [
      el('p', { class: 'committee' }, [input.committee.name]),
      el('div', { class: 'masthead-symbol' }, [
        el('p', { class: 'symbol' }, [input.textSymbol]),
        el('p', {}, [REVISION_PHRASES[input.language].distribution[input.distribution]]),
        el('p', {}, [formatDate(input.date, input.language)]),
      ]),
    ]),
    el('main', {}, [
      el('h1', {}, [captions.title]),
      el('p', { class: 'on' }, [captions.on(input.textSymbol)]),
      el('p', { class: 'instrument' }, [input.instrumentTitle, ' — ', input.periodTitle]),
      el('p', { class: 'deadline' }, [captions.deadline(formatDate(input.deadline, input.language))]),
      el('p', { class: 'no-priority' }, [captions.noPriority]),
      ...(input.provisions.length === 0 ? [el('p', {}, [captions.none])] : input.provisions.map((item) => provision(item, captions, input.language))),
    ]),
  ]);
  return htmlDocument(input.language, htmlHead(`${captions.title} – ${input.textSymbol}`, CSS), body);
}
