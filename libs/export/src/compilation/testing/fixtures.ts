import { changeSet } from '@concord/compile';
import { builders } from '@concord/schema';
import type { CompilationInput, CompilationProposal } from '../compilation-input';

const { article, doc, heading, p, sub } = builders;

const WORDS = {
  en: {
    committee: 'Ad Hoc Committee on Cybercrime',
    session: 'Second session',
    instrument: 'Draft United Nations convention against cybercrime',
    heading: 'Criminalization',
    base: 'Each State Party shall adopt measures to establish criminal offences.',
    proposed: 'Each State Party shall adopt such legislative measures as may be necessary to establish criminal offences.',
    added: 'The offences shall be punishable.',
    sponsors: ['Egypt', 'Russian Federation'],
    coSponsors: ['Brazil', 'China'],
    supporters: ['European Union and its member States'],
    justification: 'Aligns with <script>alert("x")</script> existing conventions & practice.',
    second: 'Each State Party may adopt measures.',
    other: 'Use of terms',
  },
  ar: {
    committee: 'اللجنة المخصصة المعنية بالجريمة السيبرانية',
    session: 'الدورة الثانية',
    instrument: 'مشروع اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية',
    heading: 'التجريم',
    base: 'تعتمد كل دولة طرف تدابير لتجريم الأفعال.',
    proposed: 'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية لتجريم الأفعال.',
    added: 'يعاقب على هذه الجرائم.',
    sponsors: ['مصر', 'الاتحاد الروسي'],
    coSponsors: ['البرازيل', 'الصين'],
    supporters: ['الاتحاد الأوروبي والدول الأعضاء فيه'],
    justification: 'يتسق مع <script>alert("x")</script> الاتفاقيات القائمة.',
    second: 'يجوز لكل دولة طرف أن تعتمد تدابير.',
    other: 'المصطلحات المستخدمة',
  },
} as const;

/**
 * A compilation for two articles of a draft in English or Arabic: article 3 received a timely proposal (text
 * changed, a paragraph added, co-sponsors and supporters) and a late one with a U+202E in its text; article 2
 * received none. Changes come from `changeSet`, as proposal records store them.
 */
export function compilationInput(language: 'en' | 'ar'): CompilationInput {
  const w = WORDS[language];
  const base = doc(article({ id: 'a3' }, heading(w.heading), p({ id: 'a3p1' }, w.base)));
  const first = doc(article({ id: 'a3' }, heading(w.heading), p({ id: 'a3p1' }, w.proposed), p({ id: 'a3p2' }, w.added)));
  const second = doc(article({ id: 'a3' }, heading(w.heading), p({ id: 'a3p1' }, w.second, sub({ id: 'a3p1a' }, 'x'))));
  const proposals: CompilationProposal[] = [
    {
      id: 'prop-1',
      sponsor: w.sponsors[0],
      coSponsors: w.coSponsors,
      supporters: w.supporters,
      late: false,
      submittedAt: '2024-04-30T17:00:00Z',
      proposedText: `${language === 'en' ? '1.' : '١-'} ${w.proposed}\n\n${language === 'en' ? '2.' : '٢-'} ${w.added}`,
      changes: changeSet(base, first),
      justification: w.justification,
    },
    {
      id: 'prop-2',
      sponsor: w.sponsors[1],
      coSponsors: [],
      supporters: [],
      late: true,
      submittedAt: '2024-05-03T09:30:00Z',
      proposedText: `${w.second}\u202E`,
      changes: changeSet(base, second),
      justification: '',
    },
  ];
  return {
    committee: { name: w.committee, symbolPrefix: 'A/AC.291' },
    instrumentTitle: w.instrument,
    session: { number: 2, title: w.session },
    language,
    provisions: [
      { id: 'a2', label: language === 'en' ? 'Article 2' : 'المادة ٢', heading: w.other, baseText: '…', proposals: [] },
      { id: 'a3', label: language === 'en' ? 'Article 3' : 'المادة ٣', heading: w.heading, baseText: w.base, proposals },
    ],
  };
}
