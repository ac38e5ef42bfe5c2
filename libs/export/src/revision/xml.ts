/**
 * A tiny XML and HTML writer: escaping, and a tree of elements serialized with indentation where whitespace
 * cannot matter (elements holding only elements) and verbatim where it can (mixed content).
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Anything but the characters XML 1.0 allows (tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
// the supplementary planes): C0 controls, U+FFFE, U+FFFF and unpaired surrogates cannot be written even as
// references, so they are replaced by U+FFFD.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe for XML and HTML element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Text made safe for element content only: quotes are left as they are, which keeps prose readable. */
function escapeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** An element of a document being written. `null` attributes are left out. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string | null | undefined>>;
  readonly children: readonly XmlChild[];
}

/** A child of an element: an element, or text (escaped when written). */
export type XmlChild = XmlElement | string;

/** An element; children that are `null` or `false` are skipped, so optional parts can be written inline. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, children: readonly (XmlChild | null | false)[] = []): XmlElement {
  return { name, attrs, children: children.filter((child): child is XmlChild => child !== null && child !== false) };
}

function attributes(attrs: XmlElement['attrs']): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  return out;
}

/** Options of {@link serialize}. */
export interface SerializeOptions {
  /** Elements written `<name>` without an end tag and without children (HTML's `meta`, `br`); XML writes `<name/>`. */
  readonly voidElements?: ReadonlySet<string>;
  /** Whether empty non-void elements are written `<name/>` (XML) or `<name></name>` (HTML). */
  readonly selfClose?: boolean;
  /** Elements whose content is text (`p`, `num`, `span`, …): written on one line even when they hold only elements. */
  readonly inlineElements?: ReadonlySet<string>;
}

/**
 * Writes an element tree. Elements whose children are all elements are indented one level per depth; an element
 * with a text child, or named in `options.inlineElements`, is written on one line exactly as given, since
 * whitespace there is content.
 */
export function serialize(root: XmlElement, options: SerializeOptions = {}, depth = 0): string {
  const { voidElements = new Set<string>(), selfClose = true, inlineElements = new Set<string>() } = options;
  const indent = '  '.repeat(depth);
  const open = `<${root.name}${attributes(root.attrs)}`;
  if (voidElements.has(root.name)) return `${indent}${open}>`;
  if (root.children.length === 0) return selfClose ? `${indent}${open}/>` : `${indent}${open}></${root.name}>`;
  const mixed = inlineElements.has(root.name) || root.children.some((child) => typeof child === 'string');
  if (mixed) return `${indent}${open}>${root.children.map((child) => inline(child, options)).join('')}</${root.name}>`;
  const inner = root.children.map((child) => serialize(child as XmlElement, options, depth + 1)).join('\n');
  return `${indent}${open}>\n${inner}\n${indent}</${root.name}>`;
}

function inline(child: XmlChild, options: SerializeOptions): string {
  if (typeof child === 'string') return escapeText(child);
  const { voidElements = new Set<string>(), selfClose = true } = options;
  const open = `<${child.name}${attributes(child.attrs)}`;
  if (voidElements.has(child.name)) return `${open}>`;
  if (child.children.length === 0) return selfClose ? `${open}/>` : `${open}></${child.name}>`;
  return `${open}>${child.children.map((grandchild) => inline(grandchild, options)).join('')}</${child.name}>`;
}
