import { describe, expect, it } from 'vitest';
import { article, doc, p } from './builders';
import { consolidatedDraft } from './fixtures';
import { docFromJSON, docFromJSONText, docToJSON, docToJSONText } from './json';
import { SchemaError, SchemaErrorCode } from './schema-error';

const valid = { type: 'doc', content: [{ type: 'article', attrs: { id: 'a' }, content: [{ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text_block', content: [{ type: 'text', text: 'x' }] }] }] }] };

/** `valid` with its paragraph replaced. */
function withParagraph(paragraph: unknown): unknown {
  return { type: 'doc', content: [{ type: 'article', attrs: { id: 'a' }, content: [paragraph] }] };
}

describe(docFromJSON.name, () => {
  it('reads a document and fills in default attributes', () => {
    expect(docToJSON(docFromJSON(valid))).toEqual({
      type: 'doc',
      content: [
        {
          type: 'article',
          attrs: { id: 'a', status: 'open', number: null },
          content: [{ type: 'paragraph', attrs: { id: 'p', status: 'open' }, content: [{ type: 'text_block', content: [{ type: 'text', text: 'x' }] }] }],
        },
      ],
    });
  });

  it('reads back what docToJSON wrote', () => {
    const draft = consolidatedDraft();
    expect(docFromJSON(docToJSON(draft)).eq(draft)).toBe(true);
  });

  it('survives a trip through a JSON string', () => {
    const json = docToJSON(consolidatedDraft());
    expect(docToJSON(docFromJSON(JSON.parse(JSON.stringify(json))))).toEqual(json);
  });

  it.each<[string, unknown, SchemaErrorCode, RegExp]>([
    ['null', null, SchemaErrorCode.InvalidJson, /Expected a treaty document as JSON/],
    ['a string', '{"type":"doc"}', SchemaErrorCode.InvalidJson, /got a string/],
    ['an array', [], SchemaErrorCode.InvalidJson, /got an array/],
    ['an object without type', { content: [] }, SchemaErrorCode.InvalidJson, /without a string "type"/],
    ['another top node', { type: 'article' }, SchemaErrorCode.InvalidDocument, /top node .* "doc", got "article"/],
    ['an empty document', { type: 'doc', content: [] }, SchemaErrorCode.InvalidDocument, /Invalid content for node doc/],
    ['an unknown node type', withParagraph({ type: 'table' }), SchemaErrorCode.InvalidDocument, /Unknown node type: table/],
    ['content that is not an array', withParagraph({ type: 'paragraph', attrs: { id: 'p' }, content: 'x' }), SchemaErrorCode.InvalidDocument, /Invalid input for Fragment.fromJSON/],
    ['a paragraph without text', withParagraph({ type: 'paragraph', attrs: { id: 'p' } }), SchemaErrorCode.InvalidDocument, /Invalid content for node paragraph/],
    ['a bad status', withParagraph({ ...valid.content[0]?.content[0], attrs: { id: 'p', status: 'closed' } }), SchemaErrorCode.InvalidDocument, /provision status .* "closed"/],
    ['an unknown attribute', withParagraph({ ...valid.content[0]?.content[0], attrs: { id: 'p', colour: 'red' } }), SchemaErrorCode.InvalidDocument, /Unsupported attribute colour on paragraph/],
    [
      'an option group with one option',
      withParagraph({ type: 'option_group', attrs: { id: 'g' }, content: [{ type: 'option', attrs: { id: 'o' }, content: [valid.content[0]?.content[0]] }] }),
      SchemaErrorCode.InvalidDocument,
      /Invalid content for node option_group/,
    ],
    [
      'sponsors that are not a list of codes',
      withParagraph({
        type: 'option_group',
        attrs: { id: 'g' },
        content: ['o1', 'o2'].map((id) => ({ type: 'option', attrs: { id, sponsors: 'BRA' }, content: [{ type: 'paragraph', attrs: { id: `${id}p` }, content: [{ type: 'text_block' }] }] })),
      }),
      SchemaErrorCode.InvalidDocument,
      /array of strings for attribute sponsors/,
    ],
    [
      'a bracket without an id',
      withParagraph({ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text_block', content: [{ type: 'text', text: 'x', marks: [{ type: 'bracket' }] }] }] }),
      SchemaErrorCode.InvalidDocument,
      /attribute id on type bracket/,
    ],
    [
      'a provenance of an unknown kind',
      withParagraph({ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text_block', content: [{ type: 'text', text: 'x', marks: [{ type: 'provenance', attrs: { kind: 'rumour', ref: 'r' } }] }] }] }),
      SchemaErrorCode.InvalidDocument,
      /base, proposal, edit, translation for attribute kind/,
    ],
    [
      'an empty text node',
      withParagraph({ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text_block', content: [{ type: 'text', text: '' }] }] }),
      SchemaErrorCode.InvalidDocument,
      /Empty text nodes are not allowed/,
    ],
    ['a paragraph without id', withParagraph({ ...valid.content[0]?.content[0], attrs: {} }), SchemaErrorCode.MissingId, /paragraph at position 1 has no id/],
    [
      'two nodes with one id',
      { type: 'doc', content: [valid.content[0], { ...valid.content[0], attrs: { id: 'b' } }] },
      SchemaErrorCode.DuplicateId,
      /repeats the id "p"/,
    ],
  ])('rejects %s with a SchemaError', (_, json, code, message) => {
    const attempt = (): unknown => docFromJSON(json);
    expect(attempt).toThrow(SchemaError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as SchemaError).code).toBe(code);
    }
  });

  it('accepts missing ids when asked to', () => {
    const json = withParagraph({ ...valid.content[0]?.content[0], attrs: {} });
    expect(docFromJSON(json, { requireIds: false }).firstChild?.firstChild?.attrs['id']).toBeNull();
  });
});

describe(docToJSON.name, () => {
  it('writes the JSON form ProseMirror reads', () => {
    const built = doc(article({ id: 'a' }, p({ id: 'p' }, 'Text')));
    expect(docToJSON(built)).toEqual(built.toJSON());
  });
});

describe(docFromJSONText.name, () => {
  it('reads back what docToJSONText wrote', () => {
    const draft = consolidatedDraft();
    expect(docFromJSONText(docToJSONText(draft)).eq(draft)).toBe(true);
  });

  it.each([
    ['a string that is not JSON', '{"type": "doc", ', SchemaErrorCode.InvalidJson],
    ['JSON that is not a document', '[1, 2]', SchemaErrorCode.InvalidJson],
    ['a document the schema refuses', JSON.stringify(withParagraph({ type: 'script' })), SchemaErrorCode.InvalidDocument],
  ])('refuses %s with a SchemaError', (_what, text, code) => {
    const attempt = () => docFromJSONText(text);
    expect(attempt).toThrow(SchemaError);
    expect(() => {
      try {
        attempt();
      } catch (error) {
        throw new Error(error instanceof SchemaError ? error.code : 'not a SchemaError');
      }
    }).toThrow(code);
  });
});
