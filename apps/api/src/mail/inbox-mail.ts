import type { InboxItemView, Language } from '@concord/domain';
import type { MailContent } from './mail-templates';

/**
 * An inbox item as an e-mail, in the recipient's language. The message names what happened and links to it; it
 * never carries the text under negotiation or a comment's words (those stay behind the sign-in), only titles,
 * numbers and decisions that the inbox itself shows.
 */
type Words = {
  readonly subjects: Readonly<Record<InboxItemView['kind'], (f: Readonly<Record<string, string>>) => string>>;
  readonly open: (url: string) => string;
  readonly deadline: (date: string) => string;
  readonly by: (name: string) => string;
  readonly words: Readonly<Record<string, string>>;
};

const WORDS: Readonly<Record<Language, Words>> = {
  en: {
    subjects: {
      'co-sponsor-invitation': (f) => `Invitation to co-sponsor "${f.title}"${f.from ? ` from ${f.from}` : ''}`,
      'comment-period-opened': (f) => `Call for comments opened: ${f.title}`,
      'comment-period-closing': (f) => `Call for comments closing soon: ${f.title}`,
      'thread-reply': () => 'A reply in a thread you take part in',
      'comment-disposition': (f) => `Disposition of comment ${f.number} (${f.period}): ${word('en', f.disposition)}`,
      'proposal-decision': (f) => `Decision on "${f.title}": ${word('en', f.status)}`,
    },
    open: (url) => `Open it in Concord:\n${url}`,
    deadline: (d) => `Deadline: ${d} (UTC)`,
    by: (n) => `From: ${n}`,
    words: {
      accepted: 'accepted',
      'accepted-in-part': 'accepted in part',
      'not-accepted': 'not accepted',
      noted: 'noted',
      'to-be-discussed': 'to be discussed',
      incorporated: 'incorporated',
      'partially-incorporated': 'partially incorporated',
      'presented-as-option': 'presented as an option',
      'not-retained': 'not retained',
    },
  },
  fr: {
    subjects: {
      'co-sponsor-invitation': (f) => `Invitation à coparrainer « ${f.title} »${f.from ? ` de ${f.from}` : ''}`,
      'comment-period-opened': (f) => `Appel à observations ouvert : ${f.title}`,
      'comment-period-closing': (f) => `Appel à observations bientôt clos : ${f.title}`,
      'thread-reply': () => 'Une réponse dans une discussion à laquelle vous participez',
      'comment-disposition': (f) => `Suite donnée à l’observation ${f.number} (${f.period}) : ${word('fr', f.disposition)}`,
      'proposal-decision': (f) => `Décision sur « ${f.title} » : ${word('fr', f.status)}`,
    },
    open: (url) => `Pour l’ouvrir dans Concord :\n${url}`,
    deadline: (d) => `Date limite : ${d} (UTC)`,
    by: (n) => `De : ${n}`,
    words: {
      accepted: 'acceptée',
      'accepted-in-part': 'acceptée en partie',
      'not-accepted': 'non acceptée',
      noted: 'prise en note',
      'to-be-discussed': 'à examiner',
      incorporated: 'incorporée',
      'partially-incorporated': 'partiellement incorporée',
      'presented-as-option': 'présentée comme option',
      'not-retained': 'non retenue',
    },
  },
  es: {
    subjects: {
      'co-sponsor-invitation': (f) => `Invitación a copatrocinar «${f.title}»${f.from ? ` de ${f.from}` : ''}`,
      'comment-period-opened': (f) => `Convocatoria de observaciones abierta: ${f.title}`,
      'comment-period-closing': (f) => `La convocatoria de observaciones cierra pronto: ${f.title}`,
      'thread-reply': () => 'Una respuesta en un debate en el que participa',
      'comment-disposition': (f) => `Curso dado a la observación ${f.number} (${f.period}): ${word('es', f.disposition)}`,
      'proposal-decision': (f) => `Decisión sobre «${f.title}»: ${word('es', f.status)}`,
    },
    open: (url) => `Ábralo en Concord:\n${url}`,
    deadline: (d) => `Plazo: ${d} (UTC)`,
    by: (n) => `De: ${n}`,
    words: {
      accepted: 'aceptada',
      'accepted-in-part': 'aceptada en parte',
      'not-accepted': 'no aceptada',
      noted: 'se toma nota',
      'to-be-discussed': 'por debatir',
      incorporated: 'incorporada',
      'partially-incorporated': 'incorporada en parte',
      'presented-as-option': 'presentada como opción',
      'not-retained': 'no retenida',
    },
  },
  ru: {
    subjects: {
      'co-sponsor-invitation': (f) => `Приглашение стать соавтором «${f.title}»${f.from ? ` от ${f.from}` : ''}`,
      'comment-period-opened': (f) => `Открыт сбор замечаний: ${f.title}`,
      'comment-period-closing': (f) => `Сбор замечаний скоро закроется: ${f.title}`,
      'thread-reply': () => 'Ответ в обсуждении, в котором вы участвуете',
      'comment-disposition': (f) => `Решение по замечанию ${f.number} (${f.period}): ${word('ru', f.disposition)}`,
      'proposal-decision': (f) => `Решение по предложению «${f.title}»: ${word('ru', f.status)}`,
    },
    open: (url) => `Открыть в Concord:\n${url}`,
    deadline: (d) => `Срок: ${d} (UTC)`,
    by: (n) => `От: ${n}`,
    words: {
      accepted: 'принято',
      'accepted-in-part': 'принято частично',
      'not-accepted': 'не принято',
      noted: 'принято к сведению',
      'to-be-discussed': 'подлежит обсуждению',
      incorporated: 'включено',
      'partially-incorporated': 'включено частично',
      'presented-as-option': 'представлено как вариант',
      'not-retained': 'не сохранено',
    },
  },
  zh: {
    subjects: {
      'co-sponsor-invitation': (f) => `邀请您共同提案“${f.title}”${f.from ? `（来自${f.from}）` : ''}`,
      'comment-period-opened': (f) => `征求意见已开始：${f.title}`,
      'comment-period-closing': (f) => `征求意见即将截止：${f.title}`,
      'thread-reply': () => '您参与的讨论中有新回复',
      'comment-disposition': (f) => `意见 ${f.number}（${f.period}）的处理结果：${word('zh', f.disposition)}`,
      'proposal-decision': (f) => `关于“${f.title}”的决定：${word('zh', f.status)}`,
    },
    open: (url) => `在 Concord 中打开：\n${url}`,
    deadline: (d) => `截止时间：${d}（UTC）`,
    by: (n) => `发件人：${n}`,
    words: {
      accepted: '接受',
      'accepted-in-part': '部分接受',
      'not-accepted': '不接受',
      noted: '已注意到',
      'to-be-discussed': '待讨论',
      incorporated: '已纳入',
      'partially-incorporated': '部分纳入',
      'presented-as-option': '作为备选案文提出',
      'not-retained': '未保留',
    },
  },
  ar: {
    subjects: {
      'co-sponsor-invitation': (f) => `دعوة إلى المشاركة في تقديم «${f.title}»${f.from ? ` من ${f.from}` : ''}`,
      'comment-period-opened': (f) => `فُتح باب تقديم التعليقات: ${f.title}`,
      'comment-period-closing': (f) => `يقترب إغلاق باب تقديم التعليقات: ${f.title}`,
      'thread-reply': () => 'رد في نقاش تشارك فيه',
      'comment-disposition': (f) => `البت في التعليق ${f.number} (${f.period}): ${word('ar', f.disposition)}`,
      'proposal-decision': (f) => `قرار بشأن «${f.title}»: ${word('ar', f.status)}`,
    },
    open: (url) => `افتحه في Concord:\n${url}`,
    deadline: (d) => `الموعد النهائي: ${d} (بالتوقيت العالمي)`,
    by: (n) => `من: ${n}`,
    words: {
      accepted: 'مقبول',
      'accepted-in-part': 'مقبول جزئياً',
      'not-accepted': 'غير مقبول',
      noted: 'أُحيط علماً به',
      'to-be-discussed': 'للمناقشة',
      incorporated: 'أُدرج',
      'partially-incorporated': 'أُدرج جزئياً',
      'presented-as-option': 'قُدّم كخيار',
      'not-retained': 'لم يُعتمد',
    },
  },
};

function word(language: Language, value: string | undefined): string {
  return (value && WORDS[language].words[value]) ?? value ?? '';
}

/** The e-mail for one inbox item; `publicUrl` is the server's address as users reach it. */
export function inboxMail(item: InboxItemView, language: Language, publicUrl: string): MailContent {
  const words = WORDS[language];
  const subject = words.subjects[item.kind](item.facts).replace(/\s+/g, ' ').slice(0, 250);
  const lines = [subject];
  if (item.facts.deadline) lines.push(words.deadline(item.facts.deadline.slice(0, 16).replace('T', ' ')));
  if (item.facts.by) lines.push(words.by(item.facts.by));
  lines.push('', words.open(`${publicUrl}${item.link}`));
  return { subject, text: lines.join('\n') };
}
