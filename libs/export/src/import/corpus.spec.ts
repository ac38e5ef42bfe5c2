import { readFileSync } from 'node:fs';
import type { Language } from '@concord/domain';
import { docFromJSON, docToText, inlineToText, numberDocument, type DocJSON } from '@concord/schema';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { importDocx } from './import-docx';
import { importText } from './import-text';
import type { ImportResult } from './structure';

/**
 * The import suite over real published UN treaty texts (corpus/README.md lists them and their sources). Each text
 * is imported as it is pasted (plain text), as Markdown and, where the source is plain text, as a Word document
 * with one paragraph per line; every form must give the same divisions, articles, paragraphs and subparagraphs,
 * and every word of the source must appear in the imported document, in order.
 */

interface CorpusText {
  readonly file: string;
  readonly language: Language;
  /**
   * The structure expected: a division as its label and heading, an article (indented under its division) as its
   * label and heading, then after a colon the number of subparagraphs (all levels) of each of its paragraphs.
   */
  readonly structure: readonly string[];
  /** The warnings of the plain-text (or Markdown, for a .md source) import, each naming its line. */
  readonly warnings: readonly string[];
}

const CORPUS: readonly CorpusText[] = [
  {
    file: 'vclt.en.txt',
    language: 'en',
    structure: [
      'Part I INTRODUCTION',
      '  Article 1 Scope of the present Convention: 0',
      '  Article 2 Use of terms: 9 0',
      '  Article 3 International agreements not within the scope of the present Convention: 3',
      '  Article 4 Non-retroactivity of the present Convention: 0',
      '  Article 5 Treaties constituting international organizations and treaties adopted within an international organization: 0',
      'Part II CONCLUSION AND ENTRY INTO FORCE OF TREATIES',
      'Section 1 CONCLUSION OF TREATIES',
      '  Article 6 Capacity of States to conclude treaties: 0',
      '  Article 7 Full powers: 2 3',
    ],
    warnings: [],
  },
  {
    file: 'untoc.en.txt',
    language: 'en',
    structure: ['Article 1 Statement of purpose: 0', 'Article 2 Scope of application: 2 4', 'Article 3 Protection of sovereignty: 0 0'],
    warnings: [
      'line 9: the article numbered 3 in the source is article 2 here, as numbers follow order',
      'line 19: unnumbered text after a subparagraph continues it (a paragraph of its own would renumber those after it): "where the offence is transnational in na…"',
      'line 31: the article numbered 4 in the source is article 3 here, as numbers follow order',
    ],
  },
  {
    file: 'rome-8bis.en.txt',
    language: 'en',
    structure: ['Article 8 bis Crime of aggression: 0 7'],
    warnings: [],
  },
  {
    file: 'crc.en.txt',
    language: 'en',
    structure: ['Part I', '  Article 1: 0', '  Article 2: 0 0', '  Article 3: 0 0 0', '  Article 4: 0', '  Article 5: 0', '  Article 6: 0 0', '  Article 7: 0 0'],
    warnings: [],
  },
  {
    file: 'crc.fr.txt',
    language: 'fr',
    structure: ['Partie I', '  Article premier: 0', '  Article 2: 0 0', '  Article 3: 0 0 0'],
    warnings: [],
  },
  {
    file: 'crc.es.txt',
    language: 'es',
    structure: ['Parte I', '  Artículo 1: 0', '  Artículo 2: 0 0', '  Artículo 3: 0 0 0'],
    warnings: [],
  },
  {
    file: 'crc.ru.txt',
    language: 'ru',
    structure: ['Часть I', '  Статья 1: 0', '  Статья 2: 0 0', '  Статья 3: 0 0 0'],
    warnings: [],
  },
  {
    file: 'crc.zh.txt',
    language: 'zh',
    structure: ['第一部分', '  第一条: 0', '  第二条: 0 0', '  第三条: 0 0 0'],
    warnings: [],
  },
  {
    file: 'crc.ar.txt',
    language: 'ar',
    structure: ['الجزء الأول', '  المادة ١: 0', '  المادة ٢: 0 0', '  المادة ٣: 0 0 0'],
    warnings: [],
  },
  {
    file: 'uncac.en.txt',
    language: 'en',
    structure: [
      'Chapter I General provisions',
      '  Article 1 Statement of purpose: 3',
      '  Article 2 Scope of application: 0 0',
      '  Article 3 Protection of sovereignty: 0 0',
      'Chapter II Preventive measures',
      '  Article 4 Preventive anti-corruption policies and practices: 0 0 0 0',
    ],
    warnings: [
      'line 19: the article numbered 3 in the source is article 2 here, as numbers follow order',
      'line 27: the article numbered 4 in the source is article 3 here, as numbers follow order',
      'line 39: the article numbered 5 in the source is article 4 here, as numbers follow order',
    ],
  },
  { file: 'uncac.fr.txt', language: 'fr', structure: ['Chapitre I Dispositions générales', '  Article premier Objet: 3'], warnings: [] },
  { file: 'uncac.es.txt', language: 'es', structure: ['Capítulo I Disposiciones generales', '  Artículo 1 Finalidad: 3'], warnings: [] },
  { file: 'uncac.ru.txt', language: 'ru', structure: ['Глава I Общие положения', '  Статья 1 Цели: 3'], warnings: [] },
  { file: 'uncac.zh.txt', language: 'zh', structure: ['第一章 总则', '  第一条 宗旨声明: 3'], warnings: [] },
  { file: 'uncac.ar.txt', language: 'ar', structure: ['الفصل الأول أحكام عامة', '  المادة ١ بيان الأغراض: 3'], warnings: [] },
  {
    file: 'seed-002.ar.md',
    language: 'ar',
    structure: ['المادة ١: 4 0 0 0 0 0', 'المادة ٢: 0 11'],
    warnings: [
      'line 23: the paragraph numbered 20 in the source is paragraph 1 here',
      'line 25: the paragraph numbered 21 in the source is paragraph 2 here',
      'line 29: unnumbered text after a subparagraph continues it (a paragraph of its own would renumber those after it): "أوجه التأزر مع مختلف أصحاب المصلحة، بما …"',
    ],
  },
];

function source(file: string): string {
  return readFileSync(new URL(`corpus/${file}`, import.meta.url), 'utf8');
}

function children(node: Node): Node[] {
  const result: Node[] = [];
  node.forEach((child) => result.push(child));
  return result;
}

/** How many subparagraphs a node holds, at every level. */
function subparagraphs(node: Node): number {
  let count = 0;
  node.descendants((child) => {
    if (child.type.name === 'subparagraph') count++;
    return true;
  });
  return count;
}

/** The imported document's structure, in the form of {@link CorpusText.structure}. */
function structure(json: DocJSON, language: Language): string[] {
  const doc = docFromJSON(json);
  const labels = numberDocument(doc, language);
  const headed = (node: Node): string => {
    const label = labels.get(String(node.attrs['id']))?.label ?? '?';
    const first = node.firstChild;
    const heading = first?.type.name === 'heading' ? inlineToText(first) : '';
    return heading ? `${label} ${heading}` : label;
  };
  const article = (node: Node, indent: string): string =>
    `${indent}${headed(node)}: ${children(node)
      .filter((child) => child.type.name === 'paragraph')
      .map(subparagraphs)
      .join(' ')}`;
  return children(doc).flatMap((node) => {
    if (node.type.name === 'article') return [article(node, '')];
    if (node.type.name !== 'chapter') return [];
    return [headed(node), ...children(node).filter((child) => child.type.name === 'article').map((child) => article(child, '  '))];
  });
}

/**
 * The words of a text for the no-loss check: letters and digits, case folded, Arabic-Indic digits as Western ones,
 * each Chinese character a word of its own.
 */
function words(text: string): string[] {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/ـ/g, '')
    .replace(/(\p{Script=Han})/gu, ' $1 ');
  return normal.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * Numbers and labels are derived on import, not kept: a source's "3" may be "2" in the document, its "a)" may be
 * "(a)" or "а)", its "Première partie" "Partie I". Those words alone may be missing from the document.
 */
function isLabelWord(word: string): boolean {
  return /^\p{N}+$/u.test(word) || /^[ivxlcdm]{1,4}$/.test(word) || [...word].length === 1 || ['premier', 'première'].includes(word);
}

/** The words of `source` (labels aside) that are not found, in order, in `imported`; empty when no text is lost. */
function lostWords(original: string, imported: string): string[] {
  const target = words(imported);
  const lost: string[] = [];
  let at = 0;
  for (const word of words(original).filter((candidate) => !isLabelWord(candidate))) {
    const found = target.indexOf(word, at);
    if (found >= 0) at = found + 1;
    else lost.push(word);
  }
  return lost;
}

/** A Word document with one plain paragraph per non-empty line, as a secretariat's copy into Word gives. */
async function docx(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ children: [new TextRun(line.trim())] }));
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

/** A warning without the place it names, which differs between forms ("line 9", "paragraph 5"). */
function reason(warning: string): string {
  return warning.replace(/^(line|paragraph) \d+: /, '');
}

function check(result: ImportResult, text: CorpusText, original: string): void {
  expect(structure(result.doc, text.language)).toEqual(text.structure);
  expect(lostWords(original, docToText(docFromJSON(result.doc), text.language))).toEqual([]);
}

describe('the corpus of published UN treaty texts', { timeout: 30_000 }, () => {
  it.each(CORPUS)('imports $file as pasted, with its structure, its warnings and no text lost', (text) => {
    const original = source(text.file);
    const result = importText(original, { language: text.language, format: text.file.endsWith('.md') ? 'markdown' : 'text' });
    check(result, text, original);
    expect(result.warnings).toEqual(text.warnings);
  });

  it.each(CORPUS.filter((text) => text.file.endsWith('.txt')))('imports $file as Markdown, its title a # heading, alike', (text) => {
    const original = source(text.file);
    const [title = '', ...rest] = original.split('\n');
    const result = importText([`# ${title}`, ...rest].join('\n'), { language: text.language, format: 'markdown' });
    check(result, text, original);
    expect(result.warnings.map(reason)).toEqual(text.warnings.map(reason));
  });

  it.each(CORPUS.filter((text) => text.file.endsWith('.txt')))('imports $file as a Word document, one paragraph per line, alike', async (text) => {
    const original = source(text.file);
    const result = await importDocx(await docx(original), { language: text.language });
    check(result, text, original);
    expect(result.warnings.map(reason)).toEqual(text.warnings.map(reason));
  });

  it('finds lost words, so that the no-loss check is not vacuous', () => {
    expect(lostWords('States Parties shall act promptly.', 'States Parties shall act.')).toEqual(['promptly']);
    expect(lostWords('Article 3 (a) first; b) second', 'Article 2 (a) first; (b) second')).toEqual([]);
    expect(lostWords('one two', 'two one')).toEqual(['two']);
  });
});
