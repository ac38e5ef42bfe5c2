import type { ProvisionStatus } from '@concord/domain';
import { treatySchema } from '@concord/schema';
import { Fragment, type Node } from 'prosemirror-model';

/** An edit a delegation makes in its drafting space: words replaced, or a paragraph added at an article's end. */
export type DemoEdit =
  | { readonly kind: 'replace'; readonly find: string; readonly replacement: string }
  | { readonly kind: 'add-paragraph'; readonly article: string; readonly text: string };

/** A proposal of the demo: drafted by a member, submitted by the head, with co-sponsors and supporters (codes). */
export interface DemoProposal {
  readonly key: string;
  readonly drafter: string;
  readonly head: string;
  readonly title: string;
  /** Headings of the articles the drafting space holds. */
  readonly articles: readonly string[];
  readonly edits: readonly DemoEdit[];
  readonly justification: string;
  readonly coSponsors?: readonly string[];
  readonly supporters?: readonly string[];
}

/** A round of the negotiation: proposals, the secretariat's decisions on them, and the statuses set afterwards. */
export interface DemoRound {
  readonly proposals: readonly DemoProposal[];
  readonly decisions: Readonly<Record<string, 'incorporate' | 'present-as-option' | 'not-retain'>>;
  readonly statuses: readonly { readonly article: string; readonly status: ProvisionStatus; readonly by: string }[];
}

const replace = (find: string, replacement: string): DemoEdit => ({ kind: 'replace', find, replacement });

/** Round 1 (compiled into Rev.1), round 2 (compiled into Rev.2), and proposals received since, not yet decided. */
export const ROUNDS: readonly [DemoRound, DemoRound, DemoRound] = [
  {
    proposals: [
      {
        key: 'non-interference',
        drafter: 'egypt.delegate',
        head: 'egypt.head',
        title: 'Article 4: non-interference in internal affairs',
        articles: ['Protection of sovereignty'],
        edits: [{ kind: 'add-paragraph', article: 'Protection of sovereignty', text: 'States Parties shall not use information and communications technologies to interfere in the internal affairs of other States.' }],
        justification: 'Resolution 74/247 recalls the principles of the Charter; the Convention should state them for the use of these technologies.',
        coSponsors: ['BRA'],
        supporters: ['CHN'],
      },
      {
        key: 'programs',
        drafter: 'eu.head',
        head: 'eu.head',
        title: 'Article 2: programs as electronic data',
        articles: ['Use of terms'],
        edits: [replace('in a form suitable for processing in an information and communications technology system;', 'in a form suitable for processing in an information and communications technology system, including a program suitable to cause an information and communications technology system to perform a function;')],
        justification: 'Existing instruments treat programs as data; the definition should not leave malicious software outside it.',
        supporters: ['EGY'],
      },
      {
        key: 'security-measures',
        drafter: 'eu.head',
        head: 'eu.head',
        title: 'Article 5: infringement of security measures',
        articles: ['Illegal access'],
        edits: [replace('without right.', 'without right, by infringing security measures.')],
        justification: 'Keeps conduct without harm outside criminal law, as States may require under existing instruments.',
      },
      {
        key: 'dishonest-intent',
        drafter: 'brazil.delegate',
        head: 'brazil.head',
        title: 'Article 5: dishonest intent',
        articles: ['Illegal access'],
        edits: [replace('without right.', 'without right and with dishonest intent.')],
        justification: 'The intent of the offender, not the protection of the system, should define the offence.',
        supporters: ['CHN'],
      },
      {
        key: 'within-systems',
        drafter: 'china.head',
        head: 'china.head',
        title: 'Article 6: transmissions within systems',
        articles: ['Illegal interception'],
        edits: [replace('of non-public transmissions of electronic data.', 'of non-public transmissions of electronic data to, from or within an information and communications technology system.')],
        justification: 'Interception inside a system is as harmful as interception between systems.',
      },
    ],
    decisions: {
      'non-interference': 'present-as-option',
      programs: 'incorporate',
      'security-measures': 'incorporate',
      'dishonest-intent': 'incorporate',
      'within-systems': 'not-retain',
    },
    statuses: [{ article: 'Scope of application', status: 'informally-agreed', by: 'secretariat' }],
  },
  {
    proposals: [
      {
        key: 'good-practices',
        drafter: 'egypt.delegate',
        head: 'egypt.head',
        title: 'Article 1: exchange of good practices',
        articles: ['Statement of purpose'],
        edits: [replace('capacity-building.', 'capacity-building, as well as the exchange of information and good practices.')],
        justification: 'Developing countries need the exchange of practices as much as technical assistance.',
        supporters: ['EU'],
      },
      {
        key: 'emissions',
        drafter: 'brazil.delegate',
        head: 'brazil.head',
        title: 'Article 6: electromagnetic emissions',
        articles: ['Illegal interception'],
        edits: [replace('of non-public transmissions of electronic data.', 'of non-public transmissions of electronic data, including electromagnetic emissions from an information and communications technology system carrying such data.')],
        justification: 'Answers the written comments received on Rev.1.',
        coSponsors: ['EGY'],
        supporters: ['EU'],
      },
      {
        key: 'storage-providers',
        drafter: 'china.head',
        head: 'china.head',
        title: 'Article 2: providers of storage services',
        articles: ['Use of terms'],
        edits: [replace('any public or private entity that provides', 'any public or private entity, including a provider of data processing or storage services, that provides')],
        justification: 'Cloud services hold most electronic evidence today.',
      },
    ],
    decisions: { 'good-practices': 'incorporate', emissions: 'incorporate', 'storage-providers': 'present-as-option' },
    statuses: [
      { article: 'Statement of purpose', status: 'agreed-ad-referendum', by: 'chair' },
      { article: 'Scope of application', status: 'agreed-ad-referendum', by: 'chair' },
      { article: 'Illegal interception', status: 'informally-agreed', by: 'secretariat' },
    ],
  },
  {
    proposals: [
      {
        key: 'internal-affairs',
        drafter: 'eu.head',
        head: 'eu.head',
        title: 'Article 4: wording of the Charter',
        articles: ['Protection of sovereignty'],
        edits: [replace('in the domestic affairs of other States', 'in matters which are essentially within the domestic jurisdiction of any State')],
        justification: 'Article 2, paragraph 7, of the Charter of the United Nations uses these words.',
        supporters: ['BRA'],
      },
    ],
    decisions: {},
    statuses: [],
  },
];

/**
 * The secretariat's Arabic translation of every span of the English draft the demo produces, span by span, so
 * that each translated span keeps the brackets, option and provenance marks of the words it renders.
 */
const ARABIC: Readonly<Record<string, string>> = {
  // The base text (A/AC.291/22).
  'Draft United Nations convention on countering the use of information and communications technologies for criminal purposes':
    'مشروع اتفاقية الأمم المتحدة بشأن مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية',
  'The States Parties to this Convention,': 'إنّ الدول الأطراف في هذه الاتفاقية،',
  'Noting that information and communications technologies, while having enormous potential for the development of States, create new opportunities for perpetrators and may contribute to a rise in crime,':
    'إذ تلاحظ أنّ تكنولوجيات المعلومات والاتصالات، وإن كانت تنطوي على إمكانات هائلة لتنمية الدول، تتيح فرصاً جديدة لمرتكبي الجرائم وقد تسهم في ارتفاع معدلات الجريمة،',
  'Convinced of the need to pursue, as a matter of priority, a common criminal policy aimed at the protection of society against the criminal use of such technologies,':
    'واقتناعاً منها بضرورة أن تنتهج، على سبيل الأولوية، سياسة جنائية مشتركة تهدف إلى حماية المجتمع من استخدام هذه التكنولوجيات للأغراض الإجرامية،',
  'Have agreed as follows:': 'قد اتفقت على ما يلي:',
  'General provisions': 'أحكام عامة',
  'Statement of purpose': 'بيان الأغراض',
  'The purposes of this Convention are:': 'أغراض هذه الاتفاقية هي:',
  'To promote and strengthen measures to prevent and combat the criminal use of information and communications technologies more efficiently and effectively;':
    'ترويج وتدعيم التدابير الرامية إلى منع ومكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية بمزيد من الكفاءة والفعالية؛',
  'To promote, facilitate and strengthen international cooperation in preventing and combating such crimes;':
    'ترويج وتيسير ودعم التعاون الدولي في منع ومكافحة هذه الجرائم؛',
  'To promote, facilitate and support technical assistance and capacity-building.': 'ترويج وتيسير ودعم المساعدة التقنية وبناء القدرات.',
  'Use of terms': 'المصطلحات المستخدمة',
  'For the purposes of this Convention:': 'لأغراض هذه الاتفاقية:',
  '"Information and communications technology system" shall mean any device or group of interconnected devices that processes electronic data;':
    'يقصد بتعبير "نظام تكنولوجيا المعلومات والاتصالات" أيّ جهاز أو مجموعة من الأجهزة المترابطة تعالج البيانات الإلكترونية؛',
  '"Electronic data" shall mean any representation of facts, information or concepts in a form suitable for processing in an information and communications technology system;':
    'يقصد بتعبير "البيانات الإلكترونية" أيّ تمثيل للوقائع أو المعلومات أو المفاهيم في شكل صالح للمعالجة في نظام لتكنولوجيا المعلومات والاتصالات؛',
  '"Service provider" shall mean any public or private entity that provides to users of its service the ability to communicate by means of an information and communications technology system.':
    'يقصد بتعبير "مقدّم الخدمة" أيّ كيان عام أو خاص يتيح لمستخدمي خدمته القدرة على الاتصال بواسطة نظام لتكنولوجيا المعلومات والاتصالات.',
  'Scope of application': 'نطاق الانطباق',
  'This Convention shall apply, except as otherwise stated herein, to the prevention, investigation and prosecution of the offences established in accordance with this Convention.':
    'تنطبق هذه الاتفاقية، باستثناء ما ينص عليه خلافاً لذلك، على منع الجرائم المقرّرة وفقاً لهذه الاتفاقية والتحري عنها وملاحقة مرتكبيها.',
  'For the purposes of implementing this Convention, it shall not be necessary, except as otherwise stated herein, for the offences set forth in it to result in damage or harm to property.':
    'لأغراض تنفيذ هذه الاتفاقية، ليس من الضروري، باستثناء ما ينص عليه خلافاً لذلك، أن تكون الجرائم المبيّنة فيها قد ألحقت ضرراً أو أذى بالممتلكات.',
  'Protection of sovereignty': 'صون السيادة',
  'States Parties shall carry out their obligations under this Convention in a manner consistent with the principles of sovereign equality and territorial integrity of States and that of non-intervention in the domestic affairs of other States.':
    'تؤدي الدول الأطراف التزاماتها بمقتضى هذه الاتفاقية على نحو يتّسق مع مبدأي المساواة في السيادة والسلامة الإقليمية للدول ومع مبدأ عدم التدخل في الشؤون الداخلية للدول الأخرى.',
  'Nothing in this Convention shall entitle a State Party to undertake in the territory of another State the exercise of jurisdiction and performance of functions that are reserved exclusively for the authorities of that other State by its domestic law.':
    'ليس في هذه الاتفاقية ما يبيح للدولة الطرف أن تقوم في إقليم دولة أخرى بممارسة الولاية القضائية وأداء الوظائف التي يناط أداؤها حصراً بسلطات تلك الدولة الأخرى بمقتضى قانونها الداخلي.',
  Criminalization: 'التجريم',
  'Illegal access': 'الوصول غير المشروع',
  'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right.':
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عندما يرتكب عمداً، الوصول إلى نظام لتكنولوجيا المعلومات والاتصالات أو إلى أيّ جزء منه دون وجه حق.',
  'Illegal interception': 'الاعتراض غير المشروع',
  'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the interception without right, made by technical means, of non-public transmissions of electronic data.':
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عندما يرتكب عمداً، الاعتراض دون وجه حق، بوسائل تقنية، لعمليات الإرسال غير العمومية للبيانات الإلكترونية.',
  // Runs of the compiled drafts: the words of proposals, and the base text around them.
  '.': '.',
  ',': '،',
  ';': '؛',
  'To promote, facilitate and support technical assistance and capacity-building': 'ترويج وتيسير ودعم المساعدة التقنية وبناء القدرات',
  ', as well as the exchange of information and good practices': '، وكذلك تبادل المعلومات والممارسات الجيدة',
  '"Electronic data" shall mean any representation of facts, information or concepts in a form suitable for processing in an information and communications technology system':
    'يقصد بتعبير "البيانات الإلكترونية" أيّ تمثيل للوقائع أو المعلومات أو المفاهيم في شكل صالح للمعالجة في نظام لتكنولوجيا المعلومات والاتصالات',
  ', including a program suitable to cause an information and communications technology system to perform a function':
    '، بما في ذلك أيّ برنامج صالح لجعل نظام لتكنولوجيا المعلومات والاتصالات يؤدي وظيفة ما',
  '"Service provider" shall mean any public or private entity': 'يقصد بتعبير "مقدّم الخدمة" أيّ كيان عام أو خاص',
  ', including a provider of data processing or storage services,': '، بما في ذلك مقدّمو خدمات معالجة البيانات أو تخزينها،',
  'that provides to users of its service the ability to communicate by means of an information and communications technology system.':
    'يتيح لمستخدمي خدمته القدرة على الاتصال بواسطة نظام لتكنولوجيا المعلومات والاتصالات.',
  'States Parties shall not use information and communications technologies to interfere in the internal affairs of other States.':
    'لا تستخدم الدول الأطراف تكنولوجيات المعلومات والاتصالات للتدخل في الشؤون الداخلية للدول الأخرى.',
  'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right':
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عندما يرتكب عمداً، الوصول إلى نظام لتكنولوجيا المعلومات والاتصالات أو إلى أيّ جزء منه دون وجه حق',
  'and with dishonest intent': 'وبنيّة غير نزيهة',
  ', by infringing security measures': '، بانتهاك تدابير الأمن',
  'Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the interception without right, made by technical means, of non-public transmissions of electronic data':
    'تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرّم في قانونها الداخلي، عندما يرتكب عمداً، الاعتراض دون وجه حق، بوسائل تقنية، لعمليات الإرسال غير العمومية للبيانات الإلكترونية',
  ', including electromagnetic emissions from an information and communications technology system carrying such data':
    '، بما في ذلك الانبعاثات الكهرومغناطيسية الصادرة عن نظام لتكنولوجيا المعلومات والاتصالات يحمل تلك البيانات',
};

/**
 * The Arabic version of an English draft: the same nodes (ids, statuses, options), each run of text translated
 * under the same marks. Throws, naming them, when a run has no translation, so that a change to the demo's
 * English shows at once.
 */
export function translateToArabic(english: Node): Node {
  const missing: string[] = [];
  const translate = (node: Node): Node => {
    if (node.isText) {
      const text = node.text ?? '';
      if (text.trim() === '') return node;
      const arabic = ARABIC[text.trim()];
      if (arabic === undefined) {
        missing.push(text);
        return node;
      }
      const lead = /^\s*/.exec(text)?.[0] ?? '';
      const trail = /\s*$/.exec(text)?.[0] ?? '';
      return treatySchema.text(`${lead}${arabic}${trail}`, node.marks);
    }
    const children: Node[] = [];
    node.forEach((child) => children.push(translate(child)));
    return node.copy(Fragment.from(children));
  };
  const arabic = translate(english);
  if (missing.length) throw new Error(`the demo's Arabic lacks ${missing.length} spans:\n${missing.map((m) => JSON.stringify(m)).join('\n')}`);
  return arabic;
}
