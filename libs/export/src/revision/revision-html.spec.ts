import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { revisionToAkomaNtoso } from './akoma-ntoso';
import { revisionToHtml } from './revision-html';
import { DELEGATIONS, revisionInput } from './testing/fixtures';

const { article, bracket, doc, footnote, heading, p, provenance, xref } = builders;

describe(revisionToHtml.name, () => {
  it('writes a complete standalone HTML5 document with lang and dir', () => {
    const english = revisionToHtml(revisionInput('en'));
    const arabic = revisionToHtml(revisionInput('ar'));
    expect(english.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(arabic.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')).toBe(true);
    expect(english).toContain('<meta charset="utf-8">');
    expect(english).toContain('<title>A/AC.291/22/Rev.1 – Draft United Nations convention against cybercrime</title>');
    expect(english.trimEnd().endsWith('</html>')).toBe(true);
    expect(english).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('shows the masthead in the language of the document', () => {
    const arabic = revisionToHtml(revisionInput('ar'));
    expect(arabic).toContain('<p class="symbol"><bdi>A/AC.291/22/Rev.1</bdi></p>');
    expect(arabic).toContain('<p class="distribution">التوزيع: عام</p>');
    expect(arabic).toContain('<time datetime="2024-05-08">8 أيار/مايو 2024</time>');
    expect(arabic).toContain('<p class="original">الأصل: بالإنكليزية</p>');
  });

  it('links a cross-reference to its provision, with the number the provision has now', () => {
    const document = doc(article({ id: 'a1', number: '1' }, p({ id: 'a1p1' }, 'One.')), article({ id: 'n', number: '1.2' }, p({ id: 'np' }, 'Ter.')), article({ id: 'a2', number: '2' }, p({ id: 'a2p' }, 'See ', xref('n', 'article 1 bis'), '.')));
    expect(revisionToHtml({ ...revisionInput('en'), doc: document })).toContain('See <a class="xref" href="#art_n">article 1 ter</a>.');
    expect(revisionToHtml({ ...revisionInput('ar'), doc: document })).toContain('<a class="xref" href="#art_n">المادة ١ مكرراً ثانياً</a>');
  });

  it('numbers provisions, prints nested brackets and labels options', () => {
    const html = revisionToHtml(revisionInput('en'));
    expect(html).toContain('<span class="num">Article 2</span> <span class="heading">Use of terms</span>');
    expect(html).toContain('<span class="bracket" data-bracket="b1">[promote <span class="bracket" data-bracket="b2">[and strengthen]</span>]</span>');
    expect(html).toContain('<p class="option-label">Option 2<sup class="note-ref"><a id="fnref_2" href="#fn_2" role="doc-noteref">2</a></sup></p>');
  });

  it('lists a footnote of the text with the attribution notes, its marker where it stands and its brackets', () => {
    const egypt = { kind: 'proposal' as const, ref: 'prop-1', delegations: ['EGY'] };
    const noted = doc(article({ id: 'a1' }, p({ id: 'p1' }, provenance(egypt, 'States shall act'), footnote({ id: 'n1' }, 'See ', bracket({ id: 'b9' }, 'annex I'), '.'), '.')));
    const html = revisionToHtml({ ...revisionInput('ar'), doc: noted });
    expect(html).toContain('<sup class="note-ref"><a id="fnref_1" href="#fn_1" role="doc-noteref">١</a></sup><sup class="note-ref"><a id="fnref_2" href="#fn_2" role="doc-noteref">٢</a></sup>.');
    expect(html).toMatch(/<li id="fn_2" class="authorial-note">See <span class="bracket" data-bracket="b9">\[annex I\]<\/span>. <a href="#fnref_2" class="note-back" role="doc-backlink">↩<\/a><\/li>/);
  });

  it('lists the footnotes in an ordered list, linked to and from their references', () => {
    const html = revisionToHtml(revisionInput('en'));
    expect(html).toMatch(/<ol>\s*<li id="fn_1"[^>]*>Proposed by Egypt, co-sponsored by Brazil; supported by European Union and its member States \(Austria and Belgium\) <a href="#fnref_1"/);
    expect(html).toContain('<a href="#fnref_1_2" class="note-back" role="doc-backlink">↩</a>');
    expect(html).toContain('<a id="fnref_1" href="#fn_1" role="doc-noteref">1</a>');
  });

  it('uses the Akoma Ntoso eIds as element ids', () => {
    const input = revisionInput('en');
    const html = revisionToHtml(input);
    const akn = revisionToAkomaNtoso(input);
    for (const id of ['art_a2', 'para_a2p1', 'point_a2b', 'optgrp_g2', 'opt_o3', 'fn_3']) {
      expect(html).toContain(`id="${id}"`);
      expect(akn).toContain(`eId="${id}"`);
    }
  });

  it('escapes <script> and markup everywhere: text, title, names in notes, committee', () => {
    const hostile = doc(
      article(
        { id: 'a1' },
        heading('<script>alert(1)</script>'),
        p({ id: 'p1' }, provenance({ kind: 'proposal', ref: 'x', delegations: ['BAD'] }, 'Text "quoted" & <img src=x onerror=alert(1)>')),
      ),
    );
    const delegations = new Map([...DELEGATIONS, ['BAD', { names: { en: '<script>steal()</script>' } }]]);
    const html = revisionToHtml({
      ...revisionInput('en'),
      doc: hostile,
      delegations,
      proposals: [],
      title: '</title><script>x()</script>',
      committee: { name: '<b onclick="x()">C</b>', symbolPrefix: 'A/AC.291' },
    });
    expect(html).not.toMatch(/<script|<img|<b |<[^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Text "quoted" &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Proposed by &lt;script&gt;steal()&lt;/script&gt;');
  });
});
