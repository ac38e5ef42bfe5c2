import type { Language } from '@concord/domain';
import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { formatAttribution } from './attribution';
import { compile } from './compile';
import { footnotes } from './footnotes';
import { proposal, revise } from './testing/proposals';
import type { DelegationInfo } from './types';

const { article, doc, p } = builders;

const delegations = new Map<string, DelegationInfo>([
  ['EGY', { names: { en: 'Egypt', fr: 'Égypte', ar: 'مصر', es: 'Egipto', ru: 'Египет', zh: '埃及' } }],
  ['BRA', { names: { en: 'Brazil', fr: 'Brésil', ar: 'البرازيل', es: 'Brasil', ru: 'Бразилия', zh: '巴西' } }],
  ['CHN', { names: { en: 'China', fr: 'Chine', ar: 'الصين', es: 'China', ru: 'Китай', zh: '中国' } }],
  [
    'EU',
    {
      names: {
        en: 'the European Union and its member States',
        fr: "l'Union européenne et ses États membres",
        ar: 'الاتحاد الأوروبي ودوله الأعضاء',
        es: 'la Unión Europea y sus Estados miembros',
        ru: 'Европейский союз и его государства-члены',
        zh: '欧洲联盟及其成员国',
      },
      members: ['AUT', 'BEL'],
    },
  ],
  ['AUT', { names: { en: 'Austria', fr: 'Autriche', ar: 'النمسا', es: 'Austria', ru: 'Австрия', zh: '奥地利' } }],
  ['BEL', { names: { en: 'Belgium', fr: 'Belgique', ar: 'بلجيكا', es: 'Bélgica', ru: 'Бельгия', zh: '比利时' } }],
]);

const base = doc(article({ id: 'a1' }, p({ id: 'p1' }, 'The States Parties shall adopt measures.'), p({ id: 'p2' }, 'Each State shall cooperate.')));
const proposals = [
  proposal('P1', 'EGY', base, revise(base, { text: { p1: 'The States Parties may adopt measures.' } }), { coSponsors: ['BRA', 'CHN'], supporters: ['EU'] }),
  proposal('P2', 'EU', base, revise(base, { text: { p2: 'Each State shall cooperate fully.' } })),
];
const compiled = compile({
  base: { doc: base, revisionId: 'rev1', label: 'A/AC.291/22' },
  proposals,
  decisions: new Map([
    ['P1', 'present-as-option'],
    ['P2', 'incorporate'],
  ]),
});

describe(footnotes.name, () => {
  it.each<[Language, string]>([
    ['en', 'Proposed by Egypt, co-sponsored by Brazil and China; supported by the European Union and its member States (Austria and Belgium)'],
    ['fr', "Proposé par : Égypte, coparrainé par : Brésil et Chine ; appuyé par : l'Union européenne et ses États membres (Autriche et Belgique)"],
    ['ar', 'مقترح من مصر، شاركت في تقديمه البرازيل والصين؛ أيدته الاتحاد الأوروبي ودوله الأعضاء (النمسا وبلجيكا)'],
    ['es', 'Propuesto por: Egipto, copatrocinado por: Brasil y China; apoyado por: la Unión Europea y sus Estados miembros (Austria y Bélgica)'],
    ['ru', 'Предложено: Египет, соавторы: Бразилия и Китай; поддержано: Европейский союз и его государства-члены (Австрия и Бельгия)'],
    ['zh', '提案方：埃及，共同提案方：巴西和中国；支持方：欧洲联盟及其成员国（奥地利和比利时）'],
  ])('names the sponsor, co-sponsors and supporters of an option in %s', (language, expected) => {
    expect(footnotes(compiled.doc, language, delegations, proposals)[0]?.text).toBe(expected);
  });

  it('gives one footnote per option or incorporated text, in order, with where it stands', () => {
    expect(footnotes(compiled.doc, 'en', delegations, proposals).map((note) => `${note.proposalIds.join('+')} @${note.nodeIds.join(',')}: ${note.text}`)).toEqual([
      'P1 @p1/options/P1: Proposed by Egypt, co-sponsored by Brazil and China; supported by the European Union and its member States (Austria and Belgium)',
      'P2 @p2: Proposed by the European Union and its member States (Austria and Belgium)',
    ]);
  });

  it('names the delegations recorded in the text when the proposals are not given', () => {
    expect(footnotes(compiled.doc, 'en', delegations).map((note) => note.text)[0]).toBe(
      'Proposed by Egypt, Brazil, China and the European Union and its member States (Austria and Belgium)',
    );
  });

  it('folds the sponsors of identical formulations into one footnote', () => {
    const same = revise(base, { text: { p1: 'The States Parties must adopt measures.' } });
    const folded = compile({
      base: { doc: base, revisionId: 'rev1', label: '' },
      proposals: [proposal('P3', 'EGY', base, same, { supporters: ['CHN'] }), proposal('P4', 'BRA', base, same, { coSponsors: ['EGY'] })],
      decisions: new Map([
        ['P3', 'present-as-option'],
        ['P4', 'present-as-option'],
      ]),
    });
    const known = [proposal('P3', 'EGY', base, same, { supporters: ['CHN'] }), proposal('P4', 'BRA', base, same, { coSponsors: ['EGY'] })];
    expect(footnotes(folded.doc, 'en', delegations, known).map((note) => note.text)).toEqual(['Proposed by Brazil and Egypt; supported by China']);
  });
});

describe(formatAttribution.name, () => {
  it.each<[string, Language, string]>([
    ['prints codes for unknown delegations', 'en', 'Proposed by XYZ'],
    ['lists three names with the conjunction before the last', 'fr', 'Proposé par : XYZ, Brésil et Chine'],
    ['joins every Arabic name with و', 'ar', 'مقترح من XYZ والبرازيل والصين'],
  ])('%s', (title, language, expected) => {
    const proposers = title.startsWith('prints') ? ['XYZ'] : ['XYZ', 'BRA', 'CHN'];
    expect(formatAttribution({ proposers, coSponsors: [], supporters: [] }, language, delegations)).toBe(expected);
  });
});
