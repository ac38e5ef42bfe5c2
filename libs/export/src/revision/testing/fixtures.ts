import type { DelegationInfo, ProposalAttribution } from '@concord/compile';
import type { Language } from '@concord/domain';
import { builders } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { RevisionExportInput } from '../revision-input';

const { article, bracket, chapter, doc, heading, option, options, p, preamble, provenance, recital, sub, title } = builders;

/** Egypt proposed, Brazil co-sponsored and the EU (a group of two members) supported prop-1; Russia prop-2. */
export const DELEGATIONS: ReadonlyMap<string, DelegationInfo> = new Map<string, DelegationInfo>([
  ['EGY', { names: { en: 'Egypt', ar: 'مصر', fr: 'Égypte' } }],
  ['BRA', { names: { en: 'Brazil', ar: 'البرازيل' } }],
  ['RUS', { names: { en: 'Russian Federation', ar: 'الاتحاد الروسي' } }],
  ['EU', { names: { en: 'European Union and its member States', ar: 'الاتحاد الأوروبي والدول الأعضاء فيه' }, members: ['AUT', 'BEL'] }],
  ['AUT', { names: { en: 'Austria', ar: 'النمسا' } }],
  ['BEL', { names: { en: 'Belgium', ar: 'بلجيكا' } }],
]);

/** The proposals the fixture's text cites. */
export const PROPOSALS: readonly ProposalAttribution[] = [
  { id: 'prop-1', sponsor: 'EGY', coSponsors: ['BRA'], supporters: ['EU'] },
  { id: 'prop-2', sponsor: 'RUS', coSponsors: [], supporters: [] },
];

/** The words of the fixture in English and Arabic. */
const WORDS = {
  en: {
    title: 'Draft United Nations convention against cybercrime',
    recitals: ['The States Parties to this Convention,', 'Concerned by the seriousness of the problems,'],
    chapter: 'General provisions',
    purpose: 'Statement of purpose',
    purposeText: ['The purposes of this Convention are to ', 'promote ', 'and strengthen', ' cooperation.'],
    terms: 'Use of terms',
    lead: 'For the purposes of this Convention:',
    system: '"Computer system" means any device;',
    provider: '"Service provider" means any entity',
    providerTail: ':',
    communication: 'that provides communication;',
    optionOne: 'Each State Party shall act.',
    optionTwo: 'States Parties may act.',
    crime: 'Criminalization',
    crimeText: 'Each State Party shall adopt ',
    crimeInserted: 'such legislative measures',
    crimeEnd: ' as may be necessary.',
    paraOptionOne: 'Option text one.',
    paraOptionTwo: 'Option text two.',
    more: 'More text.',
  },
  ar: {
    title: 'مشروع اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية',
    recitals: ['إنَّ الدول الأطراف في هذه الاتفاقية،', 'إذ يساورها القلق إزاء خطورة المشاكل،'],
    chapter: 'أحكام عامة',
    purpose: 'بيان الأغراض',
    purposeText: ['أغراض هذه الاتفاقية هي ', 'تعزيز ', 'وتدعيم', ' التعاون.'],
    terms: 'المصطلحات المستخدمة',
    lead: 'لأغراض هذه الاتفاقية:',
    system: 'يقصد بتعبير "النظام الحاسوبي" أي جهاز؛',
    provider: 'يقصد بتعبير "مقدم الخدمات" أي كيان',
    providerTail: ':',
    communication: 'يقدم خدمات الاتصال؛',
    optionOne: 'تتخذ كل دولة طرف إجراءات.',
    optionTwo: 'يجوز للدول الأطراف أن تتخذ إجراءات.',
    crime: 'التجريم',
    crimeText: 'تعتمد كل دولة طرف ',
    crimeInserted: 'ما قد يلزم من تدابير تشريعية',
    crimeEnd: ' حسب الاقتضاء.',
    paraOptionOne: 'نص الخيار الأول.',
    paraOptionTwo: 'نص الخيار الثاني.',
    more: 'نص إضافي.',
  },
} as const;

/**
 * A consolidated draft with a title, a preamble, a chapter and a top-level article, nested brackets, provenance
 * from two proposals and from an edit, and option groups standing for a paragraph's text and among paragraphs.
 * The same ids in every language, as aligned language versions have.
 */
export function draft(language: 'en' | 'ar'): Node {
  const w = WORDS[language];
  const [purposeStart, promote, strengthen, purposeEnd] = w.purposeText;
  return doc(
    title(w.title),
    preamble(recital({ id: 'r1' }, w.recitals[0]), recital({ id: 'r2' }, bracket({ id: 'b0' }, w.recitals[1]))),
    chapter(
      { id: 'ch1' },
      heading(w.chapter),
      article(
        { id: 'a1', status: 'agreed-ad-referendum' },
        heading(w.purpose),
        p({ id: 'a1p1', status: 'agreed-ad-referendum' }, purposeStart, bracket({ id: 'b1' }, promote, bracket({ id: 'b2' }, strengthen)), purposeEnd),
      ),
      article(
        { id: 'a2' },
        heading(w.terms),
        p(
          { id: 'a2p1', status: 'informally-agreed' },
          w.lead,
          sub({ id: 'a2a' }, w.system),
          sub(
            { id: 'a2b' },
            provenance({ kind: 'proposal', ref: 'prop-1', delegations: ['EGY', 'BRA'], label: 'Egypt, Brazil' }, w.provider),
            w.providerTail,
            sub({ id: 'a2b1' }, w.communication),
          ),
        ),
        p({ id: 'a2p2' }, options({ id: 'g1' }, option({ id: 'o1', isBase: true }, w.optionOne), option({ id: 'o2', sponsors: ['EU'] }, w.optionTwo))),
      ),
    ),
    article(
      { id: 'a3' },
      heading(w.crime),
      p(
        { id: 'a3p1' },
        w.crimeText,
        bracket({ id: 'b3' }, provenance({ kind: 'proposal', ref: 'prop-2', delegations: ['RUS'] }, w.crimeInserted)),
        provenance({ kind: 'edit', ref: 'user-1', label: 'Secretariat' }, w.crimeEnd),
      ),
      options(
        { id: 'g2' },
        option({ id: 'o3', sponsors: ['EGY'], proposalIds: ['prop-1'] }, p({ id: 'o3p' }, w.paraOptionOne)),
        option({ id: 'o4', sponsors: ['RUS'], proposalIds: ['prop-2'] }, p({ id: 'o4p' }, w.paraOptionTwo), p({ id: 'o4q' }, w.more)),
      ),
    ),
  );
}

/** The export input of the fixture revision in a language, English being the original. */
export function revisionInput(language: 'en' | 'ar', overrides: Partial<RevisionExportInput> = {}): RevisionExportInput {
  return {
    symbol: 'A/AC.291/22/Rev.1',
    date: '2024-05-08',
    distribution: 'General',
    originalLanguage: 'en' satisfies Language,
    language,
    committee: {
      name:
        language === 'en'
          ? 'Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of Information and Communications Technologies for Criminal Purposes'
          : 'اللجنة المخصصة لوضع اتفاقية دولية شاملة بشأن مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية',
      symbolPrefix: 'A/AC.291',
    },
    title: WORDS[language].title,
    doc: draft(language),
    delegations: DELEGATIONS,
    proposals: PROPOSALS,
    contentHash: 'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    ...overrides,
  };
}
