import { builders, treatySchema } from '@concord/schema';
import type { Mark } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { revisionToAkomaNtoso } from './akoma-ntoso';
import { revisionInput } from './testing/fixtures';
import { aknSchemaErrors } from './testing/xmllint';

const { article, bracket, chapter, doc, footnote, heading, p, provenance, recital, preamble, xref } = builders;

/** Articles 6, 6 bis (stored) and 7, which refers to 6 bis in words written before it was renumbered, and to a provision since deleted. */
const withReferences = doc(
  article({ id: 'a6', number: '6' }, p({ id: 'a6p1' }, 'Six.')),
  article({ id: 'b', number: '6.1' }, p({ id: 'bp1' }, 'Bis.'), p({ id: 'bp2' }, 'Bis again.')),
  article({ id: 'a7', number: '7' }, p({ id: 'a7p1' }, xref('b', 'Article 6 ter'), ' applies, as does ', xref('bp2', 'the second paragraph'), ' but not ', xref('gone', 'article 9'), '.')),
);

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

function eIds(xml: string): string[] {
  return [...xml.matchAll(/ eId="([^"]*)"/g)].map((match) => match[1] as string);
}

// Each schema check compiles the 290 kB schema in WebAssembly: about half a second, more on a loaded machine.
describe(revisionToAkomaNtoso.name, { timeout: 30_000 }, () => {
  it.each(['en', 'ar'] as const)('validates against the Akoma Ntoso 3.0 schema in %s, with chapters, preamble, nested brackets, options and notes', async (language) => {
    const xml = revisionToAkomaNtoso(revisionInput(language));
    expect(xml).toContain('<chapter eId="chp_ch1"');
    expect(xml).toContain('<recitals eId="recs">');
    expect(xml).toContain('<inline name="bracket" eId="brk_b2"');
    expect(xml).toContain('class="option-group"');
    expect(xml).toContain('<noteRef');
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it.each([
    ['en', '<ref href="#art_b" class="xref">Article 6 bis</ref> applies, as does <ref href="#para_bp2" class="xref">article 6 bis, paragraph 2</ref> but not article 9.'],
    ['ar', '<ref href="#art_b" class="xref">المادة ٦ مكرراً</ref>'],
  ] as const)('writes a cross-reference as <ref> to its provision with its current number in %s, and validates', async (language, expected) => {
    const xml = revisionToAkomaNtoso({ ...revisionInput(language), doc: withReferences });
    expect(xml).toContain(expected);
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it('is refused by the schema check when the identification is incomplete, so the check is not vacuous', async () => {
    const xml = revisionToAkomaNtoso(revisionInput('en')).replace('<FRBRcountry value="un"/>', '');
    expect((await aknSchemaErrors(xml)).join('\n')).toMatch(/FRBRcountry/);
  });

  it('identifies the work by its symbol, the expression by its ISO 639-2 language and a translation by its original', () => {
    const english = revisionToAkomaNtoso(revisionInput('en'));
    const arabic = revisionToAkomaNtoso(revisionInput('ar'));
    expect(english).toContain('<FRBRuri value="/akn/un/bill/2024-05-08/A-AC.291-22-Rev.1"/>');
    expect(english).toContain('<FRBRcountry value="un"/>');
    expect(english).toContain('<FRBRname value="A/AC.291/22/Rev.1"/>');
    expect(english).toContain('<FRBRlanguage language="eng"/>');
    expect(english).not.toContain('FRBRtranslation');
    expect(arabic).toContain('<FRBRlanguage language="ara"/>');
    expect(arabic).toContain('<FRBRtranslation href="/akn/un/bill/2024-05-08/A-AC.291-22-Rev.1/eng@" fromLanguage="eng" by="#secretariat"/>');
    expect(arabic).toContain('contentHash="sha256:0f1e2d3c');
  });

  it('gives eIds that are unique NCNames, the same in two exports and in every language', () => {
    const first = eIds(revisionToAkomaNtoso(revisionInput('en')));
    const second = eIds(revisionToAkomaNtoso(revisionInput('en')));
    const arabic = eIds(revisionToAkomaNtoso(revisionInput('ar')));
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => NCNAME.test(id))).toBe(true);
    expect(second).toEqual(first);
    expect(arabic).toEqual(first);
    expect(first).toEqual(expect.arrayContaining(['art_a1', 'para_a2p1', 'point_a2b1', 'optgrp_g1', 'opt_o2', 'rec_r1', 'fn_1', 'EGY']));
  });

  it('derives eIds from the node ids, not from the numbers, so that renumbering keeps them', () => {
    const input = revisionInput('en');
    const reordered = doc(article({ id: 'late' }, heading('Inserted'), p({ id: 'late-p' }, 'New.')), article({ id: 'a1' }, p({ id: 'a1p1' }, 'Text.')));
    const xml = revisionToAkomaNtoso({ ...input, doc: reordered });
    expect(xml).toMatch(/<article eId="art_a1" wId="art_a1">\s*<num>Article 2<\/num>/);
  });

  it('writes parts and sections as their Akoma Ntoso elements and an annex as a named hcontainer, and stays valid', async () => {
    const divided = doc(
      chapter({ id: 'p1', kind: 'part' }, heading('General provisions')),
      chapter({ id: 's1', kind: 'section' }, heading('Scope'), article({ id: 'a1', number: '6' }, p({ id: 'a1p' }, 'Text.')), article({ id: 'a2', number: '6.1' }, p({ id: 'a2p' }, 'Inserted.'))),
      chapter({ id: 'x1', kind: 'annex' }, heading('Model form'), article({ id: 'a3', number: '7' }, p({ id: 'a3p' }, 'Form.'))),
    );
    const xml = revisionToAkomaNtoso({ ...revisionInput('en'), doc: divided });
    expect(xml).toMatch(/<part eId="part_p1" wId="part_p1">\s*<num>Part I<\/num>/);
    expect(xml).toMatch(/<section eId="sec_s1" wId="sec_s1">\s*<num>Section 1<\/num>/);
    expect(xml).toMatch(/<hcontainer eId="annex_x1" wId="annex_x1" name="annex">\s*<num>Annex<\/num>/);
    expect(xml).toMatch(/<num>Article 6 bis<\/num>/);
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it('sanitizes ids that are not NCNames and keeps the output valid', async () => {
    const odd = doc(article({ id: '1 article/ç' }, p({ id: '1 article/ç' }, bracket({ id: 'x y' }, 'Text'), '.')));
    const xml = revisionToAkomaNtoso({ ...revisionInput('en'), doc: odd });
    const ids = eIds(xml);
    expect(ids.every((id) => NCNAME.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it('splits crossing brackets into valid elements, the second piece marked continued', async () => {
    const [one, two] = [treatySchema.marks.bracket.create({ id: 'k1' }), treatySchema.marks.bracket.create({ id: 'k2' })];
    const text = (value: string, ...marks: Mark[]) => treatySchema.text(value, marks);
    const crossing = doc(article({ id: 'a1' }, p({ id: 'p1' }, text('x ', one), text('y', one, two), text(' z', two))));
    const xml = revisionToAkomaNtoso({ ...revisionInput('en'), doc: crossing });
    expect(xml).toContain('class="bracket bracket-continued"');
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it('numbers articles, paragraphs and subparagraphs in the language', () => {
    const xml = revisionToAkomaNtoso(revisionInput('ar'));
    expect(xml).toContain('<num>الفصل الأول</num>');
    expect(xml).toContain('<num>المادة ٣</num>');
    expect(xml).toContain('<num>١-</num>');
    expect(xml).toContain('<num>(ب)</num>');
    expect(xml).toContain('<num>الخيار ٢');
  });

  it('names every delegation of the text and its notes as a TLCOrganization, the members of a group included', () => {
    const xml = revisionToAkomaNtoso(revisionInput('en'));
    for (const [code, name] of [
      ['EGY', 'Egypt'],
      ['BRA', 'Brazil'],
      ['EU', 'European Union and its member States'],
      ['AUT', 'Austria'],
      ['RUS', 'Russian Federation'],
    ]) {
      expect(xml).toContain(`<TLCOrganization eId="${code}" href="/akn/ontology/organizations/un/delegation/${code}" showAs="${name}"/>`);
    }
  });

  it('puts provenance footnotes in meta notes, referred to by noteRef after the attributed text', () => {
    const xml = revisionToAkomaNtoso(revisionInput('en'));
    expect(xml).toContain('<note eId="fn_1" marker="1" placement="bottom" class="provenance" refersTo="#EGY #BRA #EU">');
    expect(xml).toContain('<p>Proposed by Egypt, co-sponsored by Brazil; supported by European Union and its member States (Austria and Belgium)</p>');
    expect(xml).toContain('<span class="provenance" refersTo="#EGY #BRA">"Service provider" means any entity</span><noteRef eId="fnref_1" href="#fn_1"');
  });

  it('gives each option its container, its label and its sponsors', () => {
    const xml = revisionToAkomaNtoso(revisionInput('en'));
    expect(xml).toContain('<blockContainer eId="opt_o2" wId="opt_o2" class="option" refersTo="#EU">');
    expect(xml).toContain('<hcontainer name="option" eId="opt_o4" wId="opt_o4" class="option" refersTo="#RUS">');
    expect(xml).toMatch(/<num>Option 2<noteRef eId="fnref_2" href="#fn_2"/);
  });

  it.each(['en', 'ar'] as const)('writes a footnote of the text as an authorialNote where it stands, beside provenance notes, valid in %s', async (language) => {
    const egypt = { kind: 'proposal' as const, ref: 'prop-1', delegations: ['EGY'] };
    const noted = doc(
      preamble(recital({ id: 'r1' }, 'Recalling', footnote({ id: 'n0' }, 'Resolution 74/247.'), ',')),
      article(
        { id: 'a1' },
        p({ id: 'p1' }, provenance(egypt, 'States shall act'), bracket({ id: 'b1' }, ' promptly', footnote({ id: 'n1' }, 'See ', bracket({ id: 'b2' }, 'annex I'), '.'), ' and fully'), '.'),
      ),
    );
    const xml = revisionToAkomaNtoso({ ...revisionInput(language), doc: noted });
    expect(xml).toContain('<authorialNote eId="fn_1" marker="1" placement="bottom" class="footnote"><p>Resolution 74/247.</p></authorialNote>');
    expect(xml).toContain('<inline name="bracket" eId="brk_b1" class="bracket"> promptly<authorialNote eId="fn_3" marker="3" placement="bottom" class="footnote"><p>See <inline name="bracket" eId="brk_b2" class="bracket">annex I</inline>.</p></authorialNote> and fully</inline>.</p>');
    expect(xml).toContain('<note eId="fn_2" marker="2" placement="bottom" class="provenance"');
    expect(xml).not.toContain('<note eId="fn_1"');
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });

  it('escapes markup in the text and stays valid', async () => {
    const hostile = doc(article({ id: 'a1' }, heading('<b>Scope</b>'), p({ id: 'p1' }, 'A <script>alert("x")</script> & B \u0007.')));
    const xml = revisionToAkomaNtoso({ ...revisionInput('en'), doc: hostile, title: 'T & <i>' });
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('A &lt;script&gt;alert("x")&lt;/script&gt; &amp; B \uFFFD.');
    expect(await aknSchemaErrors(xml)).toEqual([]);
  });
});
