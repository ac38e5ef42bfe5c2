import { consolidatedDocument } from '@concord/domain';
import { builders, docFromYFragment, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, relayed, synced } from '../support/collab';
import { frames, RawClient } from '../support/collab-protocol';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { editTreaty } from '../support/treaty-edit';

/*
 * Attacks on what issues 15–17 added, from callers who should not get through and from clients that send what the
 * web app never would: the translate and confirm endpoints asked for nodes that are not provisions, for another
 * instrument's nodes, with control characters or megabytes (each refusal leaves the language version's live text
 * and its stale queue as they were); a secretariat client forging footnotes, options, numbers and divisions, or
 * editing an agreed paragraph of a language version; a delegation forging negotiation attributes in its drafting
 * space; and another delegation asking for the provenance of a drafting space not its own.
 */

type Json = Record<string, unknown>;

/** An update made directly on the shared types of a copy, for what the ProseMirror schema would not even build. */
function rawUpdateFrom(source: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(treatyFragment(copy)));
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

/** The element with the given id attribute under a shared element, depth first. */
function elementById(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute('id') === id) return child;
    const inside = elementById(child, id);
    if (inside) return inside;
  }
  return null;
}

/** The first shared element of a type, depth first. */
function firstElement(parent: Y.XmlFragment | Y.XmlElement, type: string): Y.XmlElement {
  const search = (under: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of under.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === type) return child;
      const inside = search(child);
      if (inside) return inside;
    }
    return null;
  };
  const found = search(parent);
  if (!found) throw new Error(`no ${type} element`);
  return found;
}

/** The first node of a type in document order, with its position. */
function first(doc: Node, type: string): { node: Node; pos: number } {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (!found && node.type.name === type) found = { node, pos };
    return !found;
  });
  if (!found) throw new Error(`no ${type} in the document`);
  return found;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip !== null)(`Attacks on footnotes, options, numbers, translation and proposals on ${backend.name}${backend.skip ? ` (${backend.skip})` : ''}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    let instrumentId: string;
    let otherInstrumentId: string;
    let otherNodeId: string;
    let noteId: string;
    let optionId: string;
    let groupId: string;
    const as = (who: string) => client(server, who === 'anonymous' ? undefined : tokens[who]);
    const translate = (who: string, nodeId: string, texts: unknown) => as(who).post(`/api/instruments/${instrumentId}/languages/translate?lang=fr`, { nodeId, texts });

    /** A live draft as a client that connects now receives it (what the server holds and stored). */
    const liveJson = async (language: 'en' | 'fr'): Promise<string> => {
      const reader = provider(server, consolidatedDocument(instrumentId, language), tokens.secretariat);
      try {
        await synced(reader);
        return JSON.stringify(docFromYFragment(treatyFragment(reader.doc)).toJSON());
      } finally {
        reader.destroy();
      }
    };

    /** What a refusal must not change: the French version's live text and its stale queue. */
    const frenchState = async (): Promise<string> => {
      const stale = (await as('secretariat').get(`/api/instruments/${instrumentId}/languages/stale?lang=fr`)).body;
      return JSON.stringify({ live: await liveJson('fr'), stale });
    };

    beforeAll(async () => {
      // A smaller message limit than the default 4 MiB, so that an oversized update is refused on its frame's header.
      server = await startServer(await backend.create(), { COLLAB_MAX_MESSAGE_BYTES: '262144' });
      for (const who of ['secretariat', 'chair', 'egypt.head', 'egypt.delegate', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const committeeId = String(((await client(server).get('/api/committees')).body.items as Json[])[0].id);
      const instruments = (await as('secretariat').get(`/api/committees/${committeeId}/instruments`)).body.items as Json[];
      instrumentId = String(instruments[0].id);
      const content = 'Other treaty\n\nArticle 1\nScope\n\n1. Words of another instrument.';
      const other = await as('secretariat').post(`/api/committees/${committeeId}/instruments/import`, { titles: { en: 'Other treaty' }, originalLanguage: 'en', format: 'text', content });
      expect(other.status).toBe(201);
      otherInstrumentId = String(other.body.id);
      const otherEditor = provider(server, consolidatedDocument(otherInstrumentId, 'en'), tokens.secretariat);
      providers.push(otherEditor);
      await synced(otherEditor);
      otherNodeId = String(first(docFromYFragment(treatyFragment(otherEditor.doc)), 'paragraph').node.attrs['id']);

      // The original gets a footnote in its first paragraph and an option group, then a French version is made.
      const editor = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat);
      providers.push(editor);
      await synced(editor);
      const note = builders.footnote({ id: 'attack-note' }, 'A note of the original.');
      noteId = 'attack-note';
      editTreaty(editor.doc, (state) => {
        const block = first(state.doc, 'text_block');
        return state.tr.insert(block.pos + 1 + block.node.content.size, note).doc;
      });
      editTreaty(editor.doc, (state) => {
        // The last paragraph of the first article becomes an option group of itself and a reworded copy.
        const paragraph = first(state.doc, 'paragraph');
        const { option, options, p } = builders;
        const group = options({ id: 'attack-group' }, option({ id: 'attack-option-a' }, paragraph.node), option({ id: 'attack-option-b' }, p({ id: 'attack-copy' }, 'Another way to say it.')));
        return state.tr.replaceWith(paragraph.pos, paragraph.pos + paragraph.node.nodeSize, group).doc;
      });
      optionId = 'attack-option-a';
      groupId = 'attack-group';
      await relayed(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat, (doc) => docFromYFragment(treatyFragment(doc)).textContent.includes('Another way to say it.'));
      expect((await as('secretariat').post(`/api/instruments/${instrumentId}/languages`, { language: 'fr' })).status).toBe(201);
    });

    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.stop();
    });

    describe('modified clients of the secretariat', () => {
      const sendAs = async (document: string, update: Uint8Array): Promise<{ code: number; reason: string }> => {
        const raw = new RawClient(server, document, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(update));
        return raw.closed;
      };
      let french: WebsocketProvider;
      let english: WebsocketProvider;
      beforeAll(async () => {
        french = provider(server, consolidatedDocument(instrumentId, 'fr'), tokens.secretariat);
        english = provider(server, consolidatedDocument(instrumentId, 'en'), tokens.secretariat);
        providers.push(french, english);
        await Promise.all([synced(french), synced(english)]);
      });

      it("refuses, in an agreed paragraph of a language version, a footnote, the removal of its words and a status change, and stores nothing", async () => {
        const frenchName = consolidatedDocument(instrumentId, 'fr');
        const set = await as('chair').put(`/api/instruments/${instrumentId}/provisions/attack-copy/status`, { language: 'fr', status: 'informally-agreed' });
        expect(set.status).toBe(200);
        await relayed(server, frenchName, tokens.secretariat, (doc) => elementById(treatyFragment(doc), 'attack-copy')?.getAttribute('status') === 'informally-agreed');
        await new Promise((resolve) => setTimeout(resolve, 200));
        const before = await frenchState();
        const note = rawUpdateFrom(french.doc, (fragment) => {
          const paragraph = elementById(fragment, 'attack-copy');
          const block = paragraph?.get(0) as Y.XmlElement;
          const element = new Y.XmlElement('footnote');
          element.setAttribute('id', 'sneaked-note');
          element.insert(0, [new Y.XmlText('Sneaked.')]);
          block.insert(block.length, [element]);
        });
        expect(await sendAs(frenchName, note)).toEqual({ code: 4423, reason: 'agreed' });
        const unword = rawUpdateFrom(french.doc, (fragment) => {
          const words = (elementById(fragment, 'attack-copy')?.get(0) as Y.XmlElement).get(0) as Y.XmlText;
          words.delete(0, words.length);
        });
        expect(await sendAs(frenchName, unword)).toEqual({ code: 4423, reason: 'agreed' });
        const reopen = rawUpdateFrom(french.doc, (fragment) => elementById(fragment, 'attack-copy')?.setAttribute('status', 'open'));
        expect(await sendAs(frenchName, reopen)).toEqual({ code: 4423, reason: 'agreed' });
        expect(await frenchState()).toBe(before);
        expect(treatyFragment(french.doc).toString()).not.toContain('Sneaked');
      });

      it("accepts a number that doubles another article's, which is harmless: only the secretariat writes the draft, the reader sees both, and renumbering makes them distinct", async () => {
        const name = consolidatedDocument(instrumentId, 'en');
        const numbers = async () => (await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).body.items as Json[];
        const [firstArticle, secondArticle] = await numbers();
        const raw = new RawClient(server, name, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(rawUpdateFrom(english.doc, (f) => elementById(f, String(secondArticle.provisionId))?.setAttribute('number', String(firstArticle.number)))));
        expect(await raw.roundTrip()).toBe(true);
        raw.close();
        let doubled: Json[] = [];
        for (let i = 0; i < 50 && doubled[1]?.number !== firstArticle.number; i++) doubled = await numbers();
        expect(doubled[1]).toMatchObject({ provisionId: secondArticle.provisionId, number: firstArticle.number, label: firstArticle.label });
        const renumbered = await as('secretariat').post(`/api/instruments/${instrumentId}/renumber`);
        expect(renumbered.status, JSON.stringify(renumbered.body)).toBe(200);
        const after = await numbers();
        expect(new Set(after.map((n) => n.label)).size).toBe(after.length);
      });

      it("accepts options that both claim to be the base and name any delegation codes, which is harmless: the options' attribution is the secretariat's own record in the draft it alone writes, and codes are public country codes, not another committee's records", async () => {
        const name = consolidatedDocument(instrumentId, 'en');
        const raw = new RawClient(server, name, tokens.secretariat);
        expect(await raw.opened).toBe(true);
        raw.send(frames.update(rawUpdateFrom(english.doc, (f) => {
          for (const id of ['attack-option-a', 'attack-option-b']) {
            elementById(f, id)?.setAttribute('isBase', true as unknown as string);
            elementById(f, id)?.setAttribute('sponsors', ['ZZZ'] as unknown as string);
          }
        })));
        expect(await raw.roundTrip()).toBe(true);
        raw.close();
        await relayed(server, name, tokens.secretariat, (doc) => elementById(treatyFragment(doc), 'attack-option-b')?.getAttribute('isBase') === (true as unknown as string));
        // The draft still reads, numbers and serves both options' words.
        expect(await liveJson('en')).toContain('Another way to say it.');
        expect((await as('egypt.delegate').get(`/api/instruments/${instrumentId}/numbers?lang=en`)).status).toBe(200);
      });

      it('closes the connection of a client that sends a footnote larger than a message may be, and stores nothing of it', async () => {
        const name = consolidatedDocument(instrumentId, 'en');
        const huge = rawUpdateFrom(english.doc, (f) => {
          const block = firstElement(f, 'text_block');
          const note = new Y.XmlElement('footnote');
          note.setAttribute('id', 'huge-note');
          note.insert(0, [new Y.XmlText('long '.repeat(60_000))]);
          block.insert(block.length, [note]);
        });
        expect(huge.byteLength).toBeGreaterThan(262_144);
        expect((await sendAs(name, huge)).code).toBe(1009);
        expect(await liveJson('en')).not.toContain('long long');
      });

      it.each([
        ['an option group with one option', (f: Y.XmlFragment) => {
          const group = elementById(f, 'attack-group') as Y.XmlElement;
          group.delete(1, 1);
        }],
        ['an article numbered "x"', (f: Y.XmlFragment) => firstElement(f, 'article').setAttribute('number', 'x')],
        ['a division of a kind that does not exist', (f: Y.XmlFragment) => {
          const chapter = new Y.XmlElement('chapter');
          chapter.setAttribute('kind', 'appendix');
          const heading = new Y.XmlElement('heading');
          heading.insert(0, [new Y.XmlText('Appendix')]);
          chapter.insert(0, [heading]);
          f.insert(f.length, [chapter]);
        }],
        ['a footnote in the title', (f: Y.XmlFragment) => {
          const title = f.get(0) as Y.XmlElement;
          const note = new Y.XmlElement('footnote');
          note.insert(0, [new Y.XmlText('In the title.')]);
          title.insert(title.length, [note]);
        }],
        ['an option whose isBase is not a boolean', (f: Y.XmlFragment) => (elementById(f, 'attack-option-a') as Y.XmlElement).setAttribute('isBase', 'yes' as unknown as string)],
        ['an option whose sponsors are not a list of codes', (f: Y.XmlFragment) => (elementById(f, 'attack-option-a') as Y.XmlElement).setAttribute('sponsors', { FRA: true } as unknown as string)],
      ])('refuses %s in the original with the schema close code, and stores nothing', async (_what, change) => {
        const name = consolidatedDocument(instrumentId, 'en');
        const before = await liveJson('en');
        const closed = await sendAs(name, rawUpdateFrom(english.doc, change));
        expect(closed.code).toBe(4422);
        expect(await liveJson('en')).toBe(before);
      });
    });

    it("keeps a delegation's forged negotiation attributes (another delegation's sponsorship, agreed status, a number) out of its proposal", async () => {
      const text = await as('secretariat').get(`/api/instruments/${instrumentId}/text?lang=en`);
      const articles = ((text.body.doc as Json).content as Json[]).flatMap((n) => (n.type === 'chapter' ? (n.content as Json[]) : [n])).filter((n) => n.type === 'article');
      const target = String((articles[articles.length - 1].attrs as Json).id);
      for (const who of ['egypt.head', 'egypt.delegate']) tokens[who] ??= await login(server, `${who}@concord.test`);
      const created = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Forged', language: 'en', provisionIds: [target] });
      expect(created.status).toBe(201);
      const writer = provider(server, String(created.body.document), tokens['egypt.delegate']);
      providers.push(writer);
      await synced(writer);
      const { article, option, options, p, provenance } = builders;
      const forged = { sponsors: ['FRA'], proposalIds: ['00000000-0000-4000-8000-000000000000'], isBase: true, attribution: { en: 'Proposed by France' } };
      editTreaty(writer.doc, (state) => {
        const last = first(state.doc, 'article');
        const inserted = article(
          { id: 'forged-article', status: 'agreed-ad-referendum', number: '1' },
          p({ id: 'forged-paragraph', status: 'informally-agreed' }, 'Forged words ', provenance({ kind: 'proposal', ref: 'france', delegations: ['FRA'], label: 'France wrote this' }, 'from France'), '.'),
          options({ id: 'forged-group' }, option({ id: 'forged-a', ...forged }, p({ id: 'forged-pa' }, 'Option one.')), option({ id: 'forged-b', ...forged }, p({ id: 'forged-pb' }, 'Option two.'))),
        );
        const tr = state.tr.insert(last.pos + last.node.nodeSize, inserted);
        // The space's own article is marked agreed too: a status changed in the space alone is not a proposal.
        return tr.setNodeMarkup(last.pos, undefined, { ...last.node.attrs, status: 'agreed-ad-referendum' }).doc;
      });
      await relayed(server, String(created.body.document), tokens['egypt.head'], (doc) => treatyFragment(doc).toString().includes('Option two.'));
      const submitted = await as('egypt.head').post(`/api/drafting-spaces/${String(created.body.id)}/submit`, { justification: 'Forgery.' });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      const stored = JSON.stringify(submitted.body.changes);
      expect(stored).toContain('Option two.');
      expect(submitted.body.provisionIds).toEqual(['forged-article']);
      for (const forgery of ['"sponsors":["FRA"]', 'Proposed by France', 'agreed', '00000000-0000-4000-8000-000000000000', '"isBase":true', '"number":"1"']) expect(stored, forgery).not.toContain(forgery);
      // A provenance mark in the words (typing inside another proposal's words inherits one) is not the proposal's
      // claim: compiling marks every word a proposal puts forward with that proposal's own provenance.
      expect(stored).toContain('France wrote this');
    });

    it('confirms only what the stale queue can list: a footnote, an option group or an option is refused, a repeated id counts once', async () => {
      const confirm = (nodeIds: string[]) => as('secretariat').post(`/api/instruments/${instrumentId}/languages/confirm?lang=fr`, { nodeIds });
      const before = await frenchState();
      for (const id of [noteId, groupId, optionId]) {
        const refused = await confirm([id]);
        expect([refused.status, refused.body.error?.code], id).toEqual([400, 'validation-failed']);
        expect(String(refused.body.error?.message)).toMatch(/no words of its own|footnote/);
      }
      expect(await frenchState()).toBe(before);
      const twice = await confirm(['attack-copy', 'attack-copy']);
      expect(twice.status, JSON.stringify(twice.body)).toBe(201);
      expect(twice.body.confirmed).toBe(1);
    });

    it("refuses the provenance of another delegation's drafting space, and of a document that does not exist", async () => {
      tokens['france.delegate'] ??= await login(server, 'france.delegate@concord.test');
      const created = await as('egypt.head').post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Private', language: 'en', provisionIds: [] });
      expect(created.status).toBe(201);
      const path = `/api/documents/${encodeURIComponent(String(created.body.document))}/provenance?from=0&to=10`;
      expect((await as('egypt.delegate').get(path)).status).toBe(200);
      for (const who of ['france.delegate', 'secretariat', 'observer']) expect((await as(who).get(path)).status, who).toBe(404);
      expect((await as('anonymous').get(path)).status).toBe(401);
      expect((await as('secretariat').get(`/api/documents/${encodeURIComponent(consolidatedDocument(otherNodeId, 'en'))}/provenance?from=0&to=10`)).status).toBe(404);
    });

    it('refuses anonymous callers, observers, delegations and the Chair, and writes nothing', async () => {
      const before = await frenchState();
      const paragraphId = 'attack-copy';
      const answers: Record<string, number> = {};
      for (const who of ['anonymous', 'observer', 'egypt.head', 'egypt.delegate', 'chair']) answers[who] = (await translate(who, paragraphId, ['Autrement dit.'])).status;
      // An observer does not see the committee's instruments at all, so the instrument is unknown to it.
      expect(answers).toEqual({ anonymous: 401, observer: 404, 'egypt.head': 403, 'egypt.delegate': 403, chair: 403 });
      expect(await frenchState()).toBe(before);
    });

    it("refuses another instrument's node id, an unknown id and an empty one, and writes nothing", async () => {
      const before = await frenchState();
      const other = await translate('secretariat', otherNodeId, ['Mots.']);
      expect([other.status, other.body.error?.code]).toEqual([404, 'provision-not-found']);
      expect((await translate('secretariat', 'no-such-node', ['Mots.'])).status).toBe(404);
      const empty = await translate('secretariat', '', ['Mots.']);
      expect([empty.status, String(empty.body.error?.message)]).toEqual([400, expect.stringMatching(/nodeId is empty/)]);
      // The other instrument's own French version does not exist either: the language check answers first.
      const otherFrench = await as('secretariat').post(`/api/instruments/${otherInstrumentId}/languages/translate?lang=fr`, { nodeId: otherNodeId, texts: ['Mots.'] });
      expect(otherFrench.body.error?.code).toBe('language-not-available');
      expect(await frenchState()).toBe(before);
    });

    it('refuses control characters in a translation with a sentence that says so, and writes nothing', async () => {
      const before = await frenchState();
      for (const bad of ['Mots\u0001cachés.', 'Mots\u001b[31m rouges.', 'Mots\u007f.', 'Mots\u0085.', 'Mots\u0000.']) {
        const refused = await translate('secretariat', 'attack-copy', [bad]);
        expect(refused.status, JSON.stringify(bad)).toBe(400);
        expect(String(refused.body.error?.message)).toMatch(/control character|NUL/);
      }
      expect(await frenchState()).toBe(before);
    });

    it('refuses megabytes of translation before reading them, and writes nothing', async () => {
      const before = await frenchState();
      const huge = await translate('secretariat', 'attack-copy', ['x'.repeat(3_000_000)]);
      expect([400, 413]).toContain(huge.status);
      const many = await translate('secretariat', 'attack-copy', Array.from({ length: 200 }, () => 'y'.repeat(19_000)));
      expect([400, 413]).toContain(many.status);
      const notStrings = await translate('secretariat', 'attack-copy', [{ text: 'Mots.' }]);
      expect(notStrings.status).toBe(400);
      expect(await frenchState()).toBe(before);
    });

    it('refuses an option group or an option as the node to translate (structure without words of its own), and writes nothing', async () => {
      const before = await frenchState();
      for (const id of [groupId, optionId]) {
        const refused = await translate('secretariat', id, []);
        expect(refused.status, id).toBe(400);
        expect(String(refused.body.error?.message)).toMatch(/words of its own|no words/);
      }
      expect(await frenchState()).toBe(before);
    });

    it("refuses a footnote's id: a note is translated with the words of the provision it stands in", async () => {
      const before = await frenchState();
      const refused = await translate('secretariat', noteId, ['Une note.']);
      expect(refused.status).toBe(400);
      expect(String(refused.body.error?.message)).toMatch(/footnote/);
      expect(await frenchState()).toBe(before);
    });
  });
}
