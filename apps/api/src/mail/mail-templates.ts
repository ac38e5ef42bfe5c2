import type { Language } from '@concord/domain';

/** An e-mail's subject and plain-text body. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
}

interface InvitationFacts {
  readonly committee: string;
  readonly inviter: string;
  readonly url: string;
  readonly hours: number;
}

type Templates = {
  readonly invitation: (facts: InvitationFacts) => MailContent;
  readonly digest: (count: number) => { readonly subject: string; readonly intro: string };
  readonly footer: (settingsUrl: string) => string;
};

/** The messages Concord sends, in the six languages; each reads as written by a person, not translated word for word. */
export const MAIL_TEMPLATES: Readonly<Record<Language, Templates>> = {
  en: {
    invitation: (f) => ({
      subject: `Invitation to ${f.committee} on Concord`,
      text: `${f.inviter} has invited you to take part in the work of ${f.committee} on Concord.\n\nChoose your password with this link within ${f.hours} hours:\n${f.url}\n\nIf you did not expect this invitation, you can ignore this message.`,
    }),
    digest: (n) => ({ subject: `Concord: ${n} new item${n === 1 ? '' : 's'} in your inbox`, intro: `Since your last summary, ${n} item${n === 1 ? '' : 's'} arrived in your Concord inbox:` }),
    footer: (url) => `\n\n--\nYou receive this because of your e-mail settings in Concord: ${url}`,
  },
  fr: {
    invitation: (f) => ({
      subject: `Invitation à ${f.committee} sur Concord`,
      text: `${f.inviter} vous invite à participer aux travaux de ${f.committee} sur Concord.\n\nChoisissez votre mot de passe au moyen de ce lien dans un délai de ${f.hours} heures :\n${f.url}\n\nSi vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.`,
    }),
    digest: (n) => ({ subject: `Concord : ${n} nouvel${n === 1 ? '' : 's'} élément${n === 1 ? '' : 's'} dans votre boîte`, intro: `Depuis votre dernier récapitulatif, ${n} élément${n === 1 ? ' est arrivé' : 's sont arrivés'} dans votre boîte Concord :` }),
    footer: (url) => `\n\n--\nVous recevez ce message en raison de vos paramètres de courriel dans Concord : ${url}`,
  },
  es: {
    invitation: (f) => ({
      subject: `Invitación a ${f.committee} en Concord`,
      text: `${f.inviter} le invita a participar en los trabajos de ${f.committee} en Concord.\n\nElija su contraseña con este enlace en un plazo de ${f.hours} horas:\n${f.url}\n\nSi no esperaba esta invitación, puede ignorar este mensaje.`,
    }),
    digest: (n) => ({ subject: `Concord: ${n} elemento${n === 1 ? '' : 's'} nuevo${n === 1 ? '' : 's'} en su bandeja`, intro: `Desde su último resumen, han llegado ${n} elemento${n === 1 ? '' : 's'} a su bandeja de Concord:` }),
    footer: (url) => `\n\n--\nRecibe este mensaje por su configuración de correo en Concord: ${url}`,
  },
  ru: {
    invitation: (f) => ({
      subject: `Приглашение в ${f.committee} в системе Concord`,
      text: `${f.inviter} приглашает вас принять участие в работе: ${f.committee}, в системе Concord.\n\nЗадайте пароль по этой ссылке в течение ${f.hours} ч.:\n${f.url}\n\nЕсли вы не ожидали этого приглашения, просто не отвечайте на это сообщение.`,
    }),
    digest: (n) => ({ subject: `Concord: новых элементов во входящих — ${n}`, intro: `Со времени последней сводки во входящие Concord поступило элементов: ${n}.` }),
    footer: (url) => `\n\n--\nВы получаете это сообщение в соответствии с настройками почты в Concord: ${url}`,
  },
  zh: {
    invitation: (f) => ({
      subject: `邀请您参加 Concord 上的${f.committee}`,
      text: `${f.inviter}邀请您在 Concord 上参与${f.committee}的工作。\n\n请在 ${f.hours} 小时内通过以下链接设置密码：\n${f.url}\n\n如果您并未期待此邀请，可忽略本邮件。`,
    }),
    digest: (n) => ({ subject: `Concord：收件箱中有 ${n} 项新内容`, intro: `自上次摘要以来，您的 Concord 收件箱中新到 ${n} 项内容：` }),
    footer: (url) => `\n\n--\n您收到本邮件是因为您在 Concord 中的邮件设置：${url}`,
  },
  ar: {
    invitation: (f) => ({
      subject: `دعوة إلى ${f.committee} على منصة Concord`,
      text: `يدعوك ${f.inviter} إلى المشاركة في أعمال ${f.committee} على منصة Concord.\n\nاختر كلمة المرور عبر هذا الرابط في غضون ${f.hours} ساعة:\n${f.url}\n\nإذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.`,
    }),
    digest: (n) => ({ subject: `Concord: عناصر جديدة في صندوقك (${n})`, intro: `منذ الموجز الأخير، وصل إلى صندوق Concord الخاص بك ${n} من العناصر:` }),
    footer: (url) => `\n\n--\nتصلك هذه الرسالة وفقاً لإعدادات البريد الإلكتروني في Concord: ${url}`,
  },
};
