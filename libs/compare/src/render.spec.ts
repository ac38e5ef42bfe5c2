import { builders } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import type { Comparison } from './comparison';
import { escapeHtml } from './html';
import { renderConcordanceHtml, renderInlineHtml, renderSideBySideHtml } from './render';

const { article, doc, p, provenance } = builders;

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const renderers = [renderInlineHtml, renderSideBySideHtml, renderConcordanceHtml] as const;

function art(id: string, ...paragraphs: Node[]): Node {
  return article({ id }, ...paragraphs);
}

/** A revision that inserts an article before `a2` and amends its text with a Brazilian proposal. */
function revision(language: 'en' | 'ar', older: string, inserted: string, newer: readonly [string, string, string]): Comparison {
  const [before, proposed, after] = newer;
  return compare(
    doc(art('a1', p({ id: 'x' }, 'First.')), art('a2', p({ id: 'y' }, older))),
    doc(
      art('a1', p({ id: 'x' }, 'First.')),
      art('n', p({ id: 'z' }, inserted)),
      art('a2', p({ id: 'y' }, before, provenance({ kind: 'proposal', ref: 'prop-7', delegations: ['BRA'], label: 'Brazil' }, proposed), after)),
    ),
    { language },
  );
}

const english = revision('en', 'Each State Party shall act.', 'New.', ['Each State Party shall ', 'promptly', ' act.']);
const arabic = revision('ar', 'تتخذ كل دولة طرف التدابير اللازمة.', 'جديد.', ['تتخذ كل دولة طرف التدابير ', 'التشريعية', ' اللازمة.']);

describe(renderInlineHtml.name, () => {
  it('writes insertions and deletions of numbers and words in place, with provenance', () => {
    const html = renderInlineHtml(english);
    expect(html).toContain('<h3 class="block heading article unchanged" data-key="a2#heading"><span class="number"><del>Article 2</del><ins>Article 3</ins></span></h3>');
    expect(html).toContain('Each State Party shall <ins><span class="provenance" data-kind="proposal" data-ref="prop-7" data-delegations="BRA" title="Brazil">promptly</span> </ins>act.');
  });

  it('strikes out the number of a deleted paragraph with its text', () => {
    const comparison = compare(doc(art('a', p({ id: 'x' }, 'X.'), p({ id: 'y' }, 'Y.'))), doc(art('a', p({ id: 'x' }, 'X.'))), { language: 'en' });
    expect(renderInlineHtml(comparison)).toContain('<p class="block text paragraph deleted" data-key="y#0"><span class="number"><del>2.</del></span> <del>Y.</del></p>');
  });

  it('sets lang and dir on its root', () => {
    expect([renderInlineHtml(english), renderInlineHtml(arabic)].map((html) => html.slice(0, html.indexOf('>') + 1))).toEqual([
      '<div class="concord-comparison concord-inline" lang="en" dir="ltr">',
      '<div class="concord-comparison concord-inline" lang="ar" dir="rtl">',
    ]);
  });
});

describe(renderSideBySideHtml.name, () => {
  it('puts the older text in the first column and the newer in the second, right to left in Arabic', () => {
    const html = renderSideBySideHtml(arabic);
    expect(html.slice(0, html.indexOf('>') + 1)).toBe('<table class="concord-comparison concord-side-by-side" lang="ar" dir="rtl">');
    expect(html).toContain(
      '<td class="old"><span class="number renumbered">المادة ٢</span></td><td class="new"><span class="number renumbered">المادة ٣</span></td>',
    );
    expect(html).toContain('<td class="new">تتخذ كل دولة طرف التدابير <ins><span class="provenance" data-kind="proposal" data-ref="prop-7" data-delegations="BRA" title="Brazil">التشريعية</span> </ins>اللازمة.</td>');
  });
});

describe(renderConcordanceHtml.name, () => {
  it('lists old and new numbers with what changed', () => {
    expect(renderConcordanceHtml(english, { kinds: ['article'] })).toContain(
      '<tr class="article added" data-id="n"><td class="absent">—</td><td><span class="number">Article 2</span></td><td>added</td></tr>\n' +
        '<tr class="article renumbered text-changed" data-id="a2"><td><span class="number">Article 2</span></td><td><span class="number">Article 3</span></td><td>renumbered, text changed</td></tr>',
    );
  });

  it('writes its captions in the language of the comparison', () => {
    expect(renderConcordanceHtml(arabic, { kinds: ['article'] })).toContain('<td>أعيد ترقيمها، عُدّل النص</td>');
  });
});

describe('HTML renderers', () => {
  const hostile = '<script>alert("x")</script> & \'quotes\'';
  const attack = compare(
    doc(art('a1', p({ id: 'x' }, 'Safe.'))),
    doc(art('a1', p({ id: 'x' }, 'Safe. ', provenance({ kind: 'edit', ref: '"><script>', label: hostile }, hostile))), art('"><img src=x onerror=alert(1)>', p(hostile))),
    { language: 'en' },
  );

  it.each(renderers.map((render) => [render.name, render] as const))('%s escapes every piece of document text and every attribute', (_name, render) => {
    const html = render(attack);
    expect({ script: /<script|<img/i.test(html), escaped: html.includes(escapeHtml('"><img src=x onerror=alert(1)>')) }).toEqual({ script: false, escaped: true });
  });

  it.each(renderers.map((render) => [render.name, render] as const))('%s writes no bidirectional control characters', (_name, render) => {
    expect(BIDI_CONTROLS.test(render(arabic))).toBe(false);
  });

  it.each(renderers.map((render) => [render.name, render] as const))('%s gives the same HTML every time', (_name, render) => {
    expect(render(english)).toBe(render(revision('en', 'Each State Party shall act.', 'New.', ['Each State Party shall ', 'promptly', ' act.'])));
  });
});

describe(escapeHtml.name, () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
