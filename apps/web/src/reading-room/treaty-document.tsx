import { isProvisionStatus, isRightToLeft, type Language, type ProvisionStatus } from '@concord/domain';
import { numberDocument, referenceLabels, type NumberLabel, type ProvenanceAttrs } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { useMemo, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { formatList, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/strings';
import { colorOf, inlineTree, originOf, provenanceAttrs, type InlineItem, type OriginColor } from './provenance';

/** How provenance is shown, when the reader asked for it. */
export interface ProvenanceDisplay {
  readonly colors: ReadonlyMap<string, OriginColor>;
  /** The origin whose text is picked out, if any. */
  readonly selectedKey: string | null;
  /** Called when the reader clicks (or presses Enter on) attributed text. */
  readonly onSelect: (attrs: ProvenanceAttrs) => void;
}

interface RenderContext {
  readonly labels: ReadonlyMap<string, NumberLabel>;
  /** How running text refers to each provision now, for cross-references ("article 7 bis, paragraph 2"). */
  readonly references: ReadonlyMap<string, string>;
  readonly stale: ReadonlySet<string>;
  readonly provenance: ProvenanceDisplay | null;
  /** The interface language, for the words around the text (statuses, sponsors). */
  readonly language: Language;
  /** The language of the text, whose numerals number the footnotes. */
  readonly textLanguage: Language;
  /** Each footnote's number, by id, in document order. */
  readonly notes: ReadonlyMap<string, number>;
  readonly t: Translate;
}

function idOf(node: Node): string | null {
  const id: unknown = node.attrs['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

function statusOf(node: Node): ProvisionStatus {
  const status: unknown = node.attrs['status'];
  return isProvisionStatus(status) ? status : 'open';
}

function children(node: Node): Node[] {
  const result: Node[] = [];
  node.forEach((child) => result.push(child));
  return result;
}

/** Whether the node's own words (its heading or lead text) were an unchecked translation when published. */
function isStale(node: Node, context: RenderContext): boolean {
  const id = idOf(node);
  return id !== null && context.stale.has(id);
}

/** The class of the element holding a node's own words: marked when they were stale. */
function staleClass(node: Node, context: RenderContext, className?: string): string | undefined {
  const classes = [className, isStale(node, context) ? 'is-stale' : undefined].filter((name) => name !== undefined);
  return classes.length === 0 ? undefined : classes.join(' ');
}

/** Attributes every structural element carries: its id. */
function structuralProps(node: Node) {
  return { 'data-id': idOf(node) ?? undefined };
}

function StatusBadge({ status, context }: { status: ProvisionStatus; context: RenderContext }) {
  return (
    <span className={`status-badge status-${status}`} lang={context.language}>
      {context.t(`status.${status}`)}
    </span>
  );
}

function StaleMarker({ node, context }: { node: Node; context: RenderContext }) {
  if (!isStale(node, context)) return null;
  return (
    <span className="stale-marker" lang={context.language}>
      {context.t('room.staleMarker')}
    </span>
  );
}

function onActivate(event: KeyboardEvent<HTMLElement>, action: () => void): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  action();
}

function textOf(items: readonly InlineItem[]): string {
  return items.map((item) => (item.type === 'text' ? item.text : item.type === 'note' ? '' : textOf(item.children))).join('');
}

function renderInline(items: readonly InlineItem[], context: RenderContext, path: string): ReactNode[] {
  return items.map((item, index) => {
    const key = `${path}.${index}`;
    if (item.type === 'text') return item.text;
    if (item.type === 'note') return <NoteMarker key={key} node={item.node} context={context} />;
    const inner = renderInline(item.children, context, key);
    if (item.mark.type.name === 'xref') {
      // A reference reads with its provision's number in this text, whatever words were stored when it was typed.
      const target = String(item.mark.attrs['target']);
      const current = context.references.get(target);
      const stored = textOf(item.children);
      // Words that begin a sentence ("Article 7 applies") keep their capital.
      const capital = current !== undefined && stored.charAt(0) !== stored.charAt(0).toLowerCase();
      return (
        <span key={key} className="xref" data-target={target}>
          {current === undefined ? inner : capital ? current.charAt(0).toUpperCase() + current.slice(1) : current}
        </span>
      );
    }
    if (item.mark.type.name === 'bracket') {
      return (
        <span key={key} className="bracket">
          {inner}
        </span>
      );
    }
    const attrs = provenanceAttrs(item.mark);
    const display = context.provenance;
    if (attrs === null || display === null) return <span key={key}>{inner}</span>;
    const origin = originOf(attrs);
    const color = colorOf(display.colors, origin.key);
    const style = { '--origin-strong': color.strong, '--origin-tint': color.tint } as CSSProperties;
    const selected = display.selectedKey === origin.key;
    return (
      <span
        key={key}
        className={selected ? 'origin-span is-selected' : 'origin-span'}
        data-origin={origin.key}
        data-kind={attrs.kind}
        style={style}
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        onClick={() => display.onSelect(attrs)}
        onKeyDown={(event) => onActivate(event, () => display.onSelect(attrs))}
      >
        {inner}
      </span>
    );
  });
}

/** A footnote's marker: its number, a link to the note in the list after the text. */
function NoteMarker({ node, context }: { node: Node; context: RenderContext }) {
  const id = idOf(node) ?? '';
  const number = context.notes.get(id) ?? 0;
  return (
    <sup className="footnote-ref">
      <a
        id={`noteref-${id}`}
        href={`#note-${id}`}
        className="footnote-marker"
        role="doc-noteref"
        aria-label={context.t('footnote.marker', { n: formatNumber(number, context.textLanguage) })}
      >
        {formatNumber(number, context.textLanguage)}
      </a>
    </sup>
  );
}

/** The footnotes of the text, after it, each leading back to its marker. */
function NoteList({ doc, context }: { doc: Node; context: RenderContext }) {
  const notes: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'footnote') return true;
    notes.push(node);
    return false;
  });
  if (notes.length === 0) return null;
  return (
    <section className="footnote-list" aria-labelledby="reading-footnotes">
      <h3 id="reading-footnotes" lang={context.language}>
        {context.t('footnote.list')}
      </h3>
      <ol>
        {notes.map((note) => {
          const id = idOf(note) ?? '';
          const number = context.notes.get(id) ?? 0;
          return (
            <li key={id} id={`note-${id}`}>
              <a
                href={`#noteref-${id}`}
                className="footnote-back"
                role="doc-backlink"
                aria-label={context.t('footnote.back', { n: formatNumber(number, context.textLanguage) })}
              >
                {formatNumber(number, context.textLanguage)}
              </a>{' '}
              <Inline node={note} context={context} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Inline({ node, context }: { node: Node; context: RenderContext }) {
  return <>{renderInline(inlineTree(node), context, 'i')}</>;
}

function ProvisionNumber({ node, context }: { node: Node; context: RenderContext }) {
  const id = idOf(node);
  const label = id === null ? undefined : context.labels.get(id)?.label;
  if (label === undefined || label === '') return null;
  return <span className="provision-number">{label}</span>;
}

/** A paragraph or subparagraph: its number before its text (or before the options that stand for its text). */
function Provision({ node, context }: { node: Node; context: RenderContext }) {
  const [head, ...rest] = children(node);
  const status = statusOf(node);
  const showStatus = node.type.name === 'paragraph' && status !== 'open';
  return (
    <div data-node={node.type.name} {...structuralProps(node)}>
      {head?.type.name === 'text_block' ? (
        <p data-node="text-block" className={staleClass(node, context)}>
          <ProvisionNumber node={node} context={context} />
          <StaleMarker node={node} context={context} />
          <Inline node={head} context={context} />
          {showStatus && <StatusBadge status={status} context={context} />}
        </p>
      ) : (
        <>
          <ProvisionNumber node={node} context={context} />
          <StaleMarker node={node} context={context} />
          {head !== undefined && <Block node={head} context={context} />}
        </>
      )}
      {rest.map((child, index) => (
        <Block key={idOf(child) ?? index} node={child} context={context} />
      ))}
    </div>
  );
}

function OptionNode({ node, context }: { node: Node; context: RenderContext }) {
  const id = idOf(node);
  const label = id === null ? undefined : context.labels.get(id)?.label;
  const sponsors = node.attrs['sponsors'] as readonly string[];
  const isBase = node.attrs['isBase'] === true;
  const named = (node.attrs['attribution'] as Readonly<Record<string, string>> | undefined)?.[context.language];
  const attribution = isBase
    ? context.t('editor.baseOption')
    : named
      ? named
      : sponsors.length > 0
      ? context.t('editor.sponsors', { list: formatList(sponsors, context.language) })
      : null;
  return (
    <div data-node="option" data-base={isBase ? 'true' : undefined} {...structuralProps(node)}>
      <div className="node-label option-label">
        {label !== undefined && <span className="option-number">{label}</span>}
        <StaleMarker node={node} context={context} />
        {attribution !== null && (
          <span className="option-sponsors" lang={context.language}>
            {attribution}
          </span>
        )}
      </div>
      {children(node).map((child, index) => (
        <Block key={idOf(child) ?? index} node={child} context={context} />
      ))}
    </div>
  );
}

function Article({ node, context }: { node: Node; context: RenderContext }) {
  const id = idOf(node);
  const label = id === null ? undefined : context.labels.get(id)?.label;
  const [head, ...rest] = children(node);
  const body = head?.type.name === 'heading' ? rest : children(node);
  return (
    <section data-node="article" id={id === null ? undefined : `provision-${id}`} {...structuralProps(node)}>
      <div className="node-label article-label">
        {label !== undefined && <span className="article-number">{label}</span>}
        <StatusBadge status={statusOf(node)} context={context} />
        <StaleMarker node={node} context={context} />
      </div>
      {head?.type.name === 'heading' && (
        <h4 data-node="heading" className={staleClass(node, context, 'article-heading')}>
          <Inline node={head} context={context} />
        </h4>
      )}
      {body.map((child, index) => (
        <Block key={idOf(child) ?? index} node={child} context={context} />
      ))}
    </section>
  );
}

function Chapter({ node, context }: { node: Node; context: RenderContext }) {
  const id = idOf(node);
  const label = id === null ? undefined : context.labels.get(id)?.label;
  const [head, ...rest] = children(node);
  return (
    <section data-node="chapter" id={id === null ? undefined : `provision-${id}`} {...structuralProps(node)}>
      {label !== undefined && <div className="node-label chapter-label">{label}</div>}
      {head?.type.name === 'heading' ? (
        <h3 data-node="heading" className={staleClass(node, context, 'chapter-heading')}>
          <StaleMarker node={node} context={context} />
          <Inline node={head} context={context} />
        </h3>
      ) : (
        <StaleMarker node={node} context={context} />
      )}
      {rest.map((child, index) => (
        <Block key={idOf(child) ?? index} node={child} context={context} />
      ))}
    </section>
  );
}

function Block({ node, context }: { node: Node; context: RenderContext }): ReactNode {
  switch (node.type.name) {
    case 'title':
      return (
        <h2 data-node="title" className="document-title">
          <Inline node={node} context={context} />
        </h2>
      );
    case 'preamble':
      return (
        <section data-node="preamble">
          {children(node).map((recital, index) => (
            <p key={idOf(recital) ?? index} data-node="recital" {...structuralProps(recital)} className={staleClass(recital, context)}>
              <StaleMarker node={recital} context={context} />
              <Inline node={recital} context={context} />
            </p>
          ))}
        </section>
      );
    case 'chapter':
      return <Chapter node={node} context={context} />;
    case 'article':
      return <Article node={node} context={context} />;
    case 'paragraph':
    case 'subparagraph':
      return <Provision node={node} context={context} />;
    case 'option_group':
      return (
        <div data-node="option-group" {...structuralProps(node)}>
          {children(node).map((option, index) => (
            <OptionNode key={idOf(option) ?? index} node={option} context={context} />
          ))}
        </div>
      );
    case 'option':
      return <OptionNode node={node} context={context} />;
    case 'text_block':
      return (
        <p data-node="text-block">
          <Inline node={node} context={context} />
        </p>
      );
    default:
      return null;
  }
}

export interface TreatyDocumentProps {
  readonly doc: Node;
  /** The language of the text: its direction, fonts and the numbering printed in it. */
  readonly textLanguage: Language;
  /** Ids of nodes whose translation was stale when published. */
  readonly stale: ReadonlySet<string>;
  /** Provenance colours and clicks, or `null` to show the text plain. */
  readonly provenance: ProvenanceDisplay | null;
  /** The accessible name of the text. */
  readonly label: string;
}

/**
 * A published treaty text laid out as a UN document: numbered chapters, articles, paragraphs and subparagraphs
 * in the text's language (Arabic numbering and right-to-left in Arabic), status badges, unagreed text between
 * visible brackets, options labelled with their sponsors, footnotes numbered where they stand and listed after the
 * text, and, on request, every span coloured by origin.
 */
export function TreatyDocument({ doc, textLanguage, stale, provenance, label }: TreatyDocumentProps) {
  const { t, language } = useI18n();
  const labels = useMemo(() => numberDocument(doc, textLanguage), [doc, textLanguage]);
  const references = useMemo(() => referenceLabels(doc, textLanguage), [doc, textLanguage]);
  const notes = useMemo(() => {
    const numbers = new Map<string, number>();
    doc.descendants((node) => {
      if (node.type.name !== 'footnote') return true;
      numbers.set(idOf(node) ?? '', numbers.size + 1);
      return false;
    });
    return numbers;
  }, [doc]);
  const context: RenderContext = { labels, references, stale, provenance, language, textLanguage, notes, t };
  return (
    <article
      className={provenance === null ? 'treaty-text reading-text' : 'treaty-text reading-text shows-provenance'}
      lang={textLanguage}
      dir={isRightToLeft(textLanguage) ? 'rtl' : 'ltr'}
      aria-label={label}
    >
      {children(doc).map((node, index) => (
        <Block key={idOf(node) ?? index} node={node} context={context} />
      ))}
      <NoteList doc={doc} context={context} />
    </article>
  );
}
