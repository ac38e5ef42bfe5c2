import type { Disposition, Language } from '@concord/domain';

/** The fixed words of a compilation of comments and of a comments matrix in one language. */
export interface CommentsCaptions {
  readonly title: string;
  readonly on: (symbol: string) => string;
  readonly noPriority: string;
  readonly deadline: (date: string) => string;
  readonly general: string;
  readonly proposedWording: string;
  readonly late: string;
  readonly submittedIn: (language: string, date: string) => string;
  readonly disposition: string;
  readonly response: string;
  readonly addressedIn: string;
  readonly none: string;
  readonly dispositions: Readonly<Record<Disposition, string>>;
  readonly languages: Readonly<Record<Language, string>>;
  /** Column headings of the matrix. */
  readonly columns: readonly [number: string, provision: string, commenter: string, language: string, late: string, comment: string, proposedWording: string, disposition: string, response: string, addressedIn: string, period: string];
  readonly yes: string;
}

/** Working translations, to be confirmed by the language services; the comments themselves are never translated. */
export const COMMENTS_CAPTIONS: Readonly<Record<Language, CommentsCaptions>> = {
  en: {
    title: 'Compilation of comments received',
    on: (symbol) => `Written comments on ${symbol}`,
    noPriority: 'The comments are reproduced as received, in the language of submission, in no order of priority.',
    deadline: (date) => `Deadline for comments: ${date}`,
    general: 'General comments',
    proposedWording: 'Proposed wording',
    late: 'Received after the deadline',
    submittedIn: (language, date) => `Submitted in ${language} on ${date}`,
    disposition: 'Disposition',
    response: 'Response',
    addressedIn: 'Addressed in',
    none: 'No comments were received.',
    dispositions: { accepted: 'Accepted', 'accepted-in-part': 'Accepted in part', 'not-accepted': 'Not accepted', noted: 'Noted', 'to-be-discussed': 'To be discussed' },
    languages: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
    columns: ['No.', 'Provision', 'Commenter', 'Language', 'Late', 'Comment', 'Proposed wording', 'Disposition', 'Response', 'Addressed in', 'Comment period'],
    yes: 'yes',
  },
  fr: {
    title: 'Compilation des observations reçues',
    on: (symbol) => `Observations écrites sur le document ${symbol}`,
    noPriority: 'Les observations sont reproduites telles que reçues, dans la langue de présentation, sans ordre de priorité.',
    deadline: (date) => `Date limite de présentation des observations : ${date}`,
    general: 'Observations générales',
    proposedWording: 'Libellé proposé',
    late: 'Reçue après la date limite',
    submittedIn: (language, date) => `Présentée en ${language} le ${date}`,
    disposition: 'Suite donnée',
    response: 'Réponse',
    addressedIn: 'Prise en compte dans',
    none: 'Aucune observation n’a été reçue.',
    dispositions: { accepted: 'Acceptée', 'accepted-in-part': 'Acceptée en partie', 'not-accepted': 'Non acceptée', noted: 'Prise en note', 'to-be-discussed': 'À examiner' },
    languages: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
    columns: ['No', 'Disposition', 'Auteur', 'Langue', 'Tardive', 'Observation', 'Libellé proposé', 'Suite donnée', 'Réponse', 'Prise en compte dans', 'Période d’observations'],
    yes: 'oui',
  },
  es: {
    title: 'Recopilación de las observaciones recibidas',
    on: (symbol) => `Observaciones por escrito sobre el documento ${symbol}`,
    noPriority: 'Las observaciones se reproducen tal como se recibieron, en el idioma de presentación, sin orden de prioridad.',
    deadline: (date) => `Plazo para la presentación de observaciones: ${date}`,
    general: 'Observaciones generales',
    proposedWording: 'Redacción propuesta',
    late: 'Recibida después del plazo',
    submittedIn: (language, date) => `Presentada en ${language} el ${date}`,
    disposition: 'Tratamiento',
    response: 'Respuesta',
    addressedIn: 'Recogida en',
    none: 'No se recibieron observaciones.',
    dispositions: { accepted: 'Aceptada', 'accepted-in-part': 'Aceptada en parte', 'not-accepted': 'No aceptada', noted: 'Se toma nota', 'to-be-discussed': 'Pendiente de examen' },
    languages: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
    columns: ['N.º', 'Disposición', 'Autor', 'Idioma', 'Tardía', 'Observación', 'Redacción propuesta', 'Tratamiento', 'Respuesta', 'Recogida en', 'Período de observaciones'],
    yes: 'sí',
  },
  ru: {
    title: 'Подборка полученных замечаний',
    on: (symbol) => `Письменные замечания по документу ${symbol}`,
    noPriority: 'Замечания воспроизводятся в том виде, в каком они были получены, на языке представления, без какого-либо порядка очередности.',
    deadline: (date) => `Срок представления замечаний: ${date}`,
    general: 'Общие замечания',
    proposedWording: 'Предлагаемая формулировка',
    late: 'Получено после установленного срока',
    submittedIn: (language, date) => `Представлено на ${language} языке ${date}`,
    disposition: 'Решение',
    response: 'Ответ',
    addressedIn: 'Учтено в',
    none: 'Замечаний не поступало.',
    dispositions: { accepted: 'Принято', 'accepted-in-part': 'Принято частично', 'not-accepted': 'Не принято', noted: 'Принято к сведению', 'to-be-discussed': 'Подлежит обсуждению' },
    languages: { ar: 'арабском', zh: 'китайском', en: 'английском', fr: 'французском', ru: 'русском', es: 'испанском' },
    columns: ['№', 'Положение', 'Автор', 'Язык', 'С опозданием', 'Замечание', 'Предлагаемая формулировка', 'Решение', 'Ответ', 'Учтено в', 'Период замечаний'],
    yes: 'да',
  },
  zh: {
    title: '所收评论汇编',
    on: (symbol) => `关于${symbol}的书面评论`,
    noPriority: '评论按收到时的原文和提交语文转载，排列不分先后。',
    deadline: (date) => `评论截止日期：${date}`,
    general: '一般性评论',
    proposedWording: '拟议措辞',
    late: '截止日期后收到',
    submittedIn: (language, date) => `${date}以${language}提交`,
    disposition: '处理意见',
    response: '答复',
    addressedIn: '体现于',
    none: '未收到评论。',
    dispositions: { accepted: '接受', 'accepted-in-part': '部分接受', 'not-accepted': '不接受', noted: '注意到', 'to-be-discussed': '待讨论' },
    languages: { ar: '阿拉伯文', zh: '中文', en: '英文', fr: '法文', ru: '俄文', es: '西班牙文' },
    columns: ['编号', '条款', '评论方', '语文', '逾期', '评论', '拟议措辞', '处理意见', '答复', '体现于', '评论期'],
    yes: '是',
  },
  ar: {
    title: 'تجميع التعليقات الواردة',
    on: (symbol) => `التعليقات الكتابية على الوثيقة ${symbol}`,
    noPriority: 'التعليقات مستنسخة كما وردت، بلغة تقديمها، دون ترتيب حسب الأولوية.',
    deadline: (date) => `الموعد النهائي لتقديم التعليقات: ${date}`,
    general: 'تعليقات عامة',
    proposedWording: 'الصياغة المقترحة',
    late: 'ورد بعد انقضاء الموعد النهائي',
    submittedIn: (language, date) => `قُدِّم باللغة ${language} في ${date}`,
    disposition: 'البتّ',
    response: 'الرد',
    addressedIn: 'رُوعي في',
    none: 'لم ترد أي تعليقات.',
    dispositions: { accepted: 'مقبول', 'accepted-in-part': 'مقبول جزئياً', 'not-accepted': 'غير مقبول', noted: 'أُحيط به علماً', 'to-be-discussed': 'للمناقشة' },
    languages: { ar: 'العربية', zh: 'الصينية', en: 'الإنكليزية', fr: 'الفرنسية', ru: 'الروسية', es: 'الإسبانية' },
    columns: ['الرقم', 'الحكم', 'صاحب التعليق', 'اللغة', 'متأخر', 'التعليق', 'الصياغة المقترحة', 'البتّ', 'الرد', 'رُوعي في', 'فترة التعليقات'],
    yes: 'نعم',
  },
};
