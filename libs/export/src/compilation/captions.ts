import type { Language } from '@concord/domain';

/** The fixed words of a compilation of proposals in one language. */
export interface CompilationCaptions {
  readonly title: string;
  /** The Rapporteur's caveat, printed near the top. */
  readonly noPriority: string;
  readonly session: (number: string, title: string) => string;
  readonly baseText: string;
  readonly proposedText: string;
  readonly changes: string;
  readonly justification: string;
  readonly submitted: (date: string) => string;
  readonly late: string;
  /** Before the text of new provisions. */
  readonly added: string;
  /** Before the text of deleted provisions. */
  readonly deleted: string;
  readonly noProposals: string;
  /** Before the list of bidirectional controls and invisible characters found in a proposal. */
  readonly suspicious: string;
}

/** The captions of each official language: working translations, to be confirmed by the language services. */
export const COMPILATION_CAPTIONS: Readonly<Record<Language, CompilationCaptions>> = {
  en: {
    title: 'Compilation of proposals',
    noPriority: 'The proposals are listed in no order of priority.',
    session: (number, title) => `Session ${number}: ${title}`,
    baseText: 'Base text',
    proposedText: 'Proposed text',
    changes: 'Changes',
    justification: 'Justification',
    submitted: (date) => `Submitted on ${date}`,
    late: 'Submitted after the deadline',
    added: 'Addition:',
    deleted: 'Deletion:',
    noProposals: 'No proposals were received for this provision.',
    suspicious: 'Warning: this proposal contains characters that can make its text display differently from what was submitted:',
  },
  fr: {
    title: 'Compilation des propositions',
    noPriority: 'Les propositions sont présentées sans ordre de priorité.',
    session: (number, title) => `Session ${number} : ${title}`,
    baseText: 'Texte de base',
    proposedText: 'Texte proposé',
    changes: 'Modifications',
    justification: 'Justification',
    submitted: (date) => `Soumise le ${date}`,
    late: 'Soumise après la date limite',
    added: 'Ajout :',
    deleted: 'Suppression :',
    noProposals: 'Aucune proposition n’a été reçue pour cette disposition.',
    suspicious: 'Attention : cette proposition contient des caractères qui peuvent faire apparaître son texte autrement qu’il a été soumis :',
  },
  es: {
    title: 'Compilación de propuestas',
    noPriority: 'Las propuestas se enumeran sin orden de prioridad.',
    session: (number, title) => `Período de sesiones ${number}: ${title}`,
    baseText: 'Texto de base',
    proposedText: 'Texto propuesto',
    changes: 'Cambios',
    justification: 'Justificación',
    submitted: (date) => `Presentada el ${date}`,
    late: 'Presentada después del plazo',
    added: 'Adición:',
    deleted: 'Supresión:',
    noProposals: 'No se recibieron propuestas para esta disposición.',
    suspicious: 'Advertencia: esta propuesta contiene caracteres que pueden hacer que su texto se muestre de forma distinta a como se presentó:',
  },
  ru: {
    title: 'Подборка предложений',
    noPriority: 'Предложения приводятся без какого-либо порядка очередности.',
    session: (number, title) => `Сессия ${number}: ${title}`,
    baseText: 'Базовый текст',
    proposedText: 'Предлагаемый текст',
    changes: 'Изменения',
    justification: 'Обоснование',
    submitted: (date) => `Представлено ${date}`,
    late: 'Представлено после установленного срока',
    added: 'Добавление:',
    deleted: 'Исключение:',
    noProposals: 'Предложений по этому положению не поступало.',
    suspicious: 'Внимание: это предложение содержит символы, из-за которых его текст может отображаться не так, как он был представлен:',
  },
  zh: {
    title: '提案汇编',
    noPriority: '以下提案的排列不分先后。',
    session: (number, title) => `第${number}届会议：${title}`,
    baseText: '基础案文',
    proposedText: '拟议案文',
    changes: '修改',
    justification: '理由',
    submitted: (date) => `提交日期：${date}`,
    late: '逾期提交',
    added: '增补：',
    deleted: '删除：',
    noProposals: '未收到关于本条款的提案。',
    suspicious: '警告：本提案包含可能使其文本显示与提交内容不同的字符：',
  },
  ar: {
    title: 'تجميع المقترحات',
    noPriority: 'المقترحات مدرجة دون ترتيب حسب الأولوية.',
    session: (number, title) => `الدورة ${number}: ${title}`,
    baseText: 'النص الأساسي',
    proposedText: 'النص المقترح',
    changes: 'التغييرات',
    justification: 'المبررات',
    submitted: (date) => `تاريخ التقديم: ${date}`,
    late: 'قُدِّم بعد انقضاء الموعد النهائي',
    added: 'إضافة:',
    deleted: 'حذف:',
    noProposals: 'لم ترد أي مقترحات بشأن هذا الحكم.',
    suspicious: 'تنبيه: يتضمن هذا المقترح رموزاً قد تجعل نصه يظهر على نحو مختلف عما قُدِّم:',
  },
};
