import type { Language } from '@concord/domain';
import { builders, docFromJSON, docToText } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { CONVENTION_SHAPE, CONVENTIONS } from './conventions';
import { ImportError, ImportErrorCode } from './import-error';
import { importText } from './import-text';
import { outline, shape } from './test-outline';

const { article, bracket, chapter, doc, heading, p, preamble, sub, title } = builders;

/** Imports English plain text. */
function en(source: string) {
  return importText(source, { language: 'en', format: 'text' });
}

describe(importText.name, () => {
  describe('in the six official languages', () => {
    it.each<Language>(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('recognises title, preamble, chapters, articles, paragraphs and subparagraphs (%s)', (language) => {
      const { source, format } = CONVENTIONS[language];
      const { doc: imported, warnings } = importText(source, { language, format });
      expect(shape(imported)).toEqual(CONVENTION_SHAPE);
      expect(warnings).toEqual([]);
    });

    it.each<[Language, string[]]>([
      [
        'en',
        [
          'title Draft United Nations convention against cybercrime',
          'recital The States Parties to this Convention,',
          'chapter General provisions',
          '  article Statement of purpose',
          '    paragraph The purposes of this Convention are:',
          '      subparagraph To promote measures;',
          '        subparagraph first;',
          '  article Use of terms',
          '    paragraph States Parties [may] adopt measures.',
          'chapter Criminalization',
          '  article Illegal access',
        ],
      ],
      ['fr', ['chapter Dispositions générales', '  article Objet', '      subparagraph De promouvoir des mesures ;', '  article Terminologie', '    paragraph Les États Parties [peuvent] adopter des mesures.']],
      ['es', ['title Proyecto de convención de las Naciones Unidas contra la ciberdelincuencia', 'chapter Disposiciones generales', '    paragraph La finalidad de la presente Convención es:', '        subparagraph segundo.', '  article Definiciones', 'chapter Penalización']],
      ['ru', ['recital будучи обеспокоены серьезностью проблем,', 'chapter Общие положения', '  article Цели', '      subparagraph содействие принятию мер;', '        subparagraph второе.', '  article Термины', '    paragraph Государства-участники [могут] принимать меры.']],
      ['zh', ['title 联合国打击网络犯罪公约草案', 'chapter 总则', '  article 宗旨', '      subparagraph 促进措施；', '        subparagraph 第一；', '  article 术语的使用', '    paragraph 缔约国可以[采取]措施。', 'chapter 定为刑事犯罪', '  article 非法访问']],
      ['ar', ['chapter أحكام عامة', '  article بيان الغرض', '      subparagraph تعزيز التدابير؛', '        subparagraph الثاني.', '  article المصطلحات المستخدمة', '    paragraph يجوز للدول الأطراف [اعتماد] تدابير.', 'chapter التجريم']],
    ])('keeps the texts and drops the source numbers (%s)', (language, expected) => {
      const { source, format } = CONVENTIONS[language];
      const lines = outline(importText(source, { language, format }).doc);
      for (const line of expected) expect(lines).toContain(line);
    });

    it.each<Language>(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('reads back what docToText writes (%s)', (language) => {
      const original = doc(
        title('Convention'),
        preamble('The States Parties,', 'Have agreed as follows:'),
        chapter(
          heading('General provisions'),
          article(heading('Purpose'), p('The purposes are:', sub('to ', bracket('promote'), ' cooperation;'), sub('to assist:', sub('first;'), sub('second:', sub('deepest.'))))),
          article(heading('Terms'), p('One.'), p('Two [', bracket('nested ', bracket('deeper')), '].')),
        ),
        chapter(heading('Final clauses'), article(heading('Languages'), p('Done in six languages.'))),
      );
      const text = docToText(original, language);
      const imported = importText(text, { language, format: 'text' });
      expect(imported.warnings).toEqual([]);
      expect(outline(imported.doc)).toEqual(outline(original.toJSON() as never));
    });
  });

  describe('headings', () => {
    it.each([
      ['Article 1', 'article'],
      ['ARTICLE 12', 'article'],
      ['Article premier', 'article'],
      ['Article 1er', 'article'],
      ['Artículo 3', 'article'],
      ['Articulo 3', 'article'],
      ['Статья 7', 'article'],
      ['第7条', 'article'],
      ['第十一条', 'article'],
      ['المادة 7', 'article'],
      ['المادة ٧', 'article'],
      ['المادة الأولى', 'article'],
    ])('recognises "%s" as an article heading', (line) => {
      expect(shape(en(`${line}\n\nText.`).doc)).toEqual(['article', '  paragraph']);
    });

    it.each([
      ['Article 1 - Scope', 'Scope'],
      ['Article 1: Scope', 'Scope'],
      ['Article 1. Scope of application', 'Scope of application'],
      ['Article 1 — Scope', 'Scope'],
      ['Article 1 Scope of application', 'Scope of application'],
      ['第一条 适用范围', '适用范围'],
      ['المادة ١ - نطاق الانطباق', 'نطاق الانطباق'],
    ])('reads the title after the number in "%s"', (line, expected) => {
      expect(outline(en(`${line}\n\nThis Convention applies.`).doc)[0]).toBe(`article ${expected}`);
    });

    it('reads the title from the next line when more text follows', () => {
      expect(outline(en('Article 1\nScope\nThis Convention applies.').doc)).toEqual(['article Scope', '  paragraph This Convention applies.']);
    });

    it('takes a short line alone under a heading as the text, not the title', () => {
      expect(outline(en('Article 1\n[Deleted]\n\nArticle 2\nText.').doc)).toEqual(['article', '  paragraph [Deleted]', 'article', '  paragraph Text.']);
    });

    it('reads a sentence after "Article 5." as the first paragraph', () => {
      expect(outline(en('Article 5. Each State Party shall take the measures needed.').doc)).toEqual(['article', '  paragraph Each State Party shall take the measures needed.']);
    });

    it('does not take a sentence that begins with "Article 5" for a heading', () => {
      expect(outline(en('Article 1\n\nArticle 5 shall not apply to data.').doc)).toEqual(['article', '  paragraph Article 5 shall not apply to data.']);
    });

    it('nests articles under chapters, and allows articles before the first chapter', () => {
      expect(shape(en('Article 1\nText.\nChapter II\nFinal provisions\nArticle 2\nText.').doc)).toEqual(['article', '  paragraph', 'chapter', '  article', '    paragraph']);
    });

    it('warns when source article numbers do not follow order', () => {
      expect(en('Article 1\nText.\n\nArticle 3\nText.').warnings).toEqual(['line 4: the article numbered 3 in the source is article 2 here, as numbers follow order']);
    });
  });

  describe('title and preamble', () => {
    it('takes the first line as the title and the rest before the first article as recitals', () => {
      expect(outline(en('Convention\n\nRecalling its resolution,\nNoting the report,\n\nArticle 1\nText.').doc)).toEqual([
        'title Convention',
        'recital Recalling its resolution,',
        'recital Noting the report,',
        'article',
        '  paragraph Text.',
      ]);
    });

    it('joins a title wrapped over two lines', () => {
      expect(outline(en('Draft convention\nagainst cybercrime\n\nArticle 1\nText.').doc)[0]).toBe('title Draft convention against cybercrime');
    });

    it('has no title when the text opens with a recital', () => {
      expect(shape(en('The States Parties to this Convention,\nHave agreed as follows:\nArticle 1\nText.').doc)).toEqual(['recital', 'recital', 'article', '  paragraph']);
    });

    it.each(['Preamble', 'Préambule', 'Preámbulo', 'Преамбула', '序言', 'الديباجة'])('skips the label "%s"', (label) => {
      expect(shape(en(`Convention\n${label}\nConsidering,\nArticle 1\nText.`).doc)).toEqual(['title', 'recital', 'article', '  paragraph']);
    });
  });

  describe('paragraphs and subparagraphs', () => {
    it.each(['1. Text.', '1) Text.', '(1) Text.', '١- Text.', '١ - Text.', '一、Text.'])('recognises the paragraph number in "%s" and drops it', (line) => {
      expect(outline(en(`Article 1\n${line}\n2. Other.`).doc)).toEqual(['article', '  paragraph Text.', '  paragraph Other.']);
    });

    it.each(['(a) Text;', 'a) Text;', '(أ) Text;', 'а) Text;', '（一）Text;', '(一) Text;'])('recognises the subparagraph label in "%s" and drops it', (line) => {
      expect(outline(en(`Article 1\nChapeau:\n${line}`).doc)).toEqual(['article', '  paragraph Chapeau:', '    subparagraph Text;']);
    });

    it('continues letters past (h) with (i) unless (h) announces a list', () => {
      const letters = 'abcdefgh'.split('').map((letter) => `(${letter}) item;`).join('\n');
      expect(shape(en(`Article 1\nChapeau:\n${letters}\n(i) ninth;\n(j) tenth.`).doc).filter((line) => line.trim() === 'subparagraph')).toHaveLength(10);
      expect(shape(en(`Article 1\nChapeau:\n${letters.replace(/item;$/, 'list:')}\n(i) first;\n(ii) second.`).doc).slice(-2)).toEqual(['      subparagraph', '      subparagraph']);
    });

    it('reads doubled letters after (z)', () => {
      const letters = Array.from({ length: 26 }, (_, i) => `(${String.fromCharCode(97 + i)}) item;`).join('\n');
      expect(shape(en(`Article 1\nChapeau:\n${letters}\n(aa) more;\n(bb) last.`).doc).filter((line) => line === '    subparagraph')).toHaveLength(28);
    });

    it('joins lines hard-wrapped inside a paragraph', () => {
      expect(outline(en('Article 1\n1. Each State Party shall adopt\nsuch measures as may be necessary.\n2. Other.').doc)).toEqual([
        'article',
        '  paragraph Each State Party shall adopt such measures as may be necessary.',
        '  paragraph Other.',
      ]);
    });

    it('takes the text of a label that stands alone on its line from the next line', () => {
      expect(outline(en('Article 1\n1.\nText of one.\n(a)\nText of a.').doc)).toEqual(['article', '  paragraph Text of one.', '    subparagraph Text of a.']);
    });

    it('gives a subparagraph without a paragraph an empty one, and says so', () => {
      const { doc: imported, warnings } = en('Article 1\n(a) Text.');
      expect(outline(imported)).toEqual(['article', '  paragraph', '    subparagraph Text.']);
      expect(warnings).toEqual(['line 2: subparagraph without a paragraph to belong to; it was given a paragraph without text']);
    });

    it('gives an article without text an empty paragraph, and says so', () => {
      const { doc: imported, warnings } = en('Article 1\n\nArticle 2\nText.');
      expect(shape(imported)).toEqual(['article', '  paragraph', 'article', '  paragraph']);
      expect(warnings).toEqual(['line 1: the article has no text; an empty paragraph was added']);
    });
  });

  describe('brackets', () => {
    it('turns square brackets into bracket marks, nested ones too', () => {
      const { doc: imported } = en('Article 1\nStates [shall [promptly]] act.');
      const text = docFromJSON(imported).firstChild?.firstChild?.firstChild;
      const marks: string[] = [];
      text?.forEach((node) => marks.push(`${node.text}:${node.marks.length}`));
      expect(marks).toEqual(['States :0', 'shall :1', 'promptly:2', ' act.:0']);
    });

    it('pairs brackets across paragraphs and article headings', () => {
      expect(outline(en('Article 1\n[1. First.\n2. Second.]\n[Article 2\nWhole article.]').doc)).toEqual([
        'article',
        '  paragraph [First.]',
        '  paragraph [Second.]',
        'article',
        '  paragraph [Whole article.]',
      ]);
    });

    it('keeps an unmatched bracket as text, with a warning', () => {
      const { doc: imported, warnings } = en('Article 1\nStates shall] act [now.');
      expect(outline(imported)).toEqual(['article', '  paragraph States shall] act [now.']);
      expect(warnings).toEqual([
        'line 2: "]" without an opening bracket in "States shall] act [now."; kept as text',
        'line 2: "[" is never closed in "States shall] act [now."; kept as text',
      ]);
    });
  });

  describe('Markdown', () => {
    const md = (source: string) => importText(source, { language: 'en', format: 'markdown' });

    it('reads # headings, nested bullet lists and CommonMark paragraphs', () => {
      expect(outline(md('# Convention\n\nThe States,\n\n## Article 1: Scope\n\nThis Convention\napplies to:\n\n- data;\n- systems:\n  - public;\n  - private.\n\n## Article 2\n\n### Definitions\n\n1. One.\n2. Two.').doc)).toEqual([
        'title Convention',
        'recital The States,',
        'article Scope',
        '  paragraph This Convention applies to:',
        '    subparagraph data;',
        '    subparagraph systems:',
        '      subparagraph public;',
        '      subparagraph private.',
        'article Definitions',
        '  paragraph One.',
        '  paragraph Two.',
      ]);
    });

    it('drops emphasis and links and keeps escaped brackets as text', () => {
      expect(outline(md('## Article 1\n\nStates **shall** act *promptly* under [the protocol](https://example.org) \\[sic\\] [now].').doc)).toEqual([
        'article',
        '  paragraph States shall act promptly under the protocol [sic] [now].',
      ]);
      const paragraph = docFromJSON(md('## Article 1\n\n\\[sic\\] [now]').doc).firstChild?.firstChild?.firstChild;
      expect(paragraph?.childCount).toBe(2);
      expect(paragraph?.lastChild?.marks.map((mark) => mark.type.name)).toEqual(['bracket']);
    });
  });

  it('gives every structural node a fresh id', () => {
    const first = en('Article 1\nText.').doc;
    const second = en('Article 1\nText.').doc;
    expect(first.content?.[0]?.attrs?.['id']).toEqual(expect.any(String));
    expect(first.content?.[0]?.attrs?.['id']).not.toBe(second.content?.[0]?.attrs?.['id']);
    expect(() => docFromJSON(first)).not.toThrow();
  });

  describe('errors', () => {
    it.each<[string, string, ImportErrorCode, string]>([
      ['an empty source', '', ImportErrorCode.EmptySource, 'The source is empty: there is no text to import'],
      ['blank lines only', ' \n\t\n ', ImportErrorCode.EmptySource, 'The source is empty: there is no text to import'],
      ['binary data', `PK\u0003\u0004\u0014\u0000\u0006\u0000Article 1`, ImportErrorCode.BinarySource, 'The source looks like binary data, not text: import a plain-text, Markdown or DOCX file'],
      ['garbage decoded as text', '\uFFFD\uFFFD\u0001\u0002\uFFFD\u0003\u0004\u0005 Article 1', ImportErrorCode.BinarySource, 'The source looks like binary data, not text: import a plain-text, Markdown or DOCX file'],
      ['text without articles', 'Convention\n\nSome text.\nMore text.', ImportErrorCode.NoArticle, 'No article found: expected a line such as "Article 1"'],
      ['chapters without articles', 'Chapter I\nGeneral', ImportErrorCode.NoArticle, 'No article found: expected a line such as "Article 1"'],
    ])('rejects %s with an ImportError', (_, source, code, message) => {
      expect(() => en(source)).toThrow(new ImportError(code, message));
      expect(() => en(source)).toThrow(expect.objectContaining({ code }));
    });

    it.each<[Language, string]>([
      ['fr', 'Article premier'],
      ['es', 'Artículo 1'],
      ['ru', 'Статья 1'],
      ['zh', '第一条'],
      ['ar', 'المادة 1'],
    ])('names the heading expected in the language of the source (%s)', (language, example) => {
      expect(() => importText('Texte.', { language, format: 'text' })).toThrow(`No article found: expected a line such as "${example}"`);
    });

    it('rejects an unknown language or format', () => {
      expect(() => importText('Article 1', { language: 'de' as Language, format: 'text' })).toThrow('Unknown language "de": expected one of ar, zh, en, fr, ru, es');
      expect(() => importText('Article 1', { language: 'en', format: 'html' as 'text' })).toThrow('Unknown format "html": expected "text" or "markdown"');
    });
  });
});
