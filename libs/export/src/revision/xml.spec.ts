import { describe, expect, it } from 'vitest';
import { el, escapeXml, serialize } from './xml';

describe(escapeXml.name, () => {
  it('escapes markup and replaces characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\uFFFF\uD800`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD\uFFFD\uFFFD');
  });
});

describe(serialize.name, () => {
  it('indents element-only content and keeps mixed content on one line', () => {
    const tree = el('body', {}, [el('p', { class: 'a"b' }, ['x ', el('b', {}, ['<y>']), ' z']), el('hr')]);
    expect(serialize(tree)).toBe('<body>\n  <p class="a&quot;b">x <b>&lt;y&gt;</b> z</p>\n  <hr/>\n</body>');
  });

  it('writes inline elements on one line even when they hold only elements', () => {
    const tree = el('div', {}, [el('p', {}, [el('b', {}, ['one']), el('i', {}, ['two'])])]);
    expect(serialize(tree, { inlineElements: new Set(['p']) })).toBe('<div>\n  <p><b>one</b><i>two</i></p>\n</div>');
  });

  it('writes HTML void elements without end tags and empty elements with them', () => {
    const tree = el('head', {}, [el('meta', { charset: 'utf-8' }), el('title')]);
    expect(serialize(tree, { voidElements: new Set(['meta']), selfClose: false })).toBe('<head>\n  <meta charset="utf-8">\n  <title></title>\n</head>');
  });
});
