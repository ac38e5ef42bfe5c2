import { describe, expect, it } from 'vitest';
import { countWordXml, WordXmlCounter, type WordXmlLimits } from './docx-limits';
import { ImportErrorCode } from './import-error';

const limits: WordXmlLimits = { maxElements: 20, maxParagraphs: 3, maxDepth: 4 };
const count = (xml: string) => countWordXml(xml, 'word/document.xml', limits);
const code = (xml: string): string | null => {
  try {
    count(xml);
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe(countWordXml.name, () => {
  it('counts start tags and paragraphs, whatever their prefix, and skips declarations, comments and CDATA', () => {
    expect(count('<?xml version="1.0"?><w:body><w:p><w:r><w:t>a > b</w:t></w:r></w:p><!-- <w:p> --><a:p/><p x="<w:p>"/><![CDATA[<w:p/>]]></w:body>')).toEqual({
      elements: 6,
      paragraphs: 3,
    });
  });

  it('does not count elements whose name merely ends in p as paragraphs', () => {
    expect(count('<w:body><w:tblGrp/><w:sdtp/><w:pPr/></w:body>').paragraphs).toBe(0);
  });

  it('adds to the counts of the parts before', () => {
    expect(countWordXml('<w:p/>', 'word/footnotes.xml', limits, { elements: 5, paragraphs: 2 })).toEqual({ elements: 6, paragraphs: 3 });
  });

  it.each([
    ['too many paragraphs', '<w:p/>'.repeat(4), ImportErrorCode.TooLarge],
    ['too many elements', '<w:r/>'.repeat(21), ImportErrorCode.TooLarge],
    ['nesting too deep', '<a><b><c><d><e/></d></c></b></a>', ImportErrorCode.TooLarge],
    ['a document type declaration', '<!DOCTYPE lol [<!ENTITY lol "lol">]><a>&lol;</a>', ImportErrorCode.UnsafeArchive],
    ['an unclosed tag', '<w:p', ImportErrorCode.NotDocx],
    ['an unclosed comment', '<a><!-- ', ImportErrorCode.NotDocx],
  ])('refuses %s', (_, xml, expected) => {
    expect(code(xml)).toBe(expected);
  });

  it('accepts nesting up to the limit, closing tags bringing the depth back down', () => {
    expect(code('<a><b><c><d/></c></b></a><a><b><c><d/></c></b></a>')).toBeNull();
  });

  it('counts the same when the text comes in pieces cut anywhere, even inside tags, comments and quotes', () => {
    const xml = '<?xml version="1.0"?><w:body><!-- a > b --><w:p w:x="1>2"><w:r><w:t>x</w:t></w:r></w:p><![CDATA[<w:p/>]]><a:p/></w:body>';
    const whole = count(xml);
    for (let cut = 1; cut < xml.length; cut++) {
      const counter = new WordXmlCounter(limits);
      const part = counter.part('word/document.xml');
      part.write(xml.slice(0, cut));
      part.write(xml.slice(cut));
      part.end();
      expect(counter.count).toEqual(whole);
    }
  });

  it('refuses a document type declaration that comes in pieces', () => {
    const part = new WordXmlCounter(limits).part('word/document.xml');
    part.write('<a><!D');
    expect(() => part.write('OCTYPE a []>')).toThrow(/document type/);
  });
});
