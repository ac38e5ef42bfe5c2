import type { Language } from '@concord/domain';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** ` name="value"` for each attribute with a value, escaped; attributes whose value is `null` are left out. */
export function attributes(attrs: Readonly<Record<string, string | null>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== null) out += ` ${name}="${escapeHtml(value)}"`;
  return out;
}

/** The words the renderers print, per language. */
export interface Captions {
  readonly previousNumber: string;
  readonly newNumber: string;
  readonly changes: string;
  readonly previousText: string;
  readonly newText: string;
  readonly added: string;
  readonly deleted: string;
  readonly moved: string;
  readonly renumbered: string;
  readonly textChanged: string;
  readonly statusChanged: string;
  readonly unchanged: string;
  /** Separates the items of a list of changes. */
  readonly separator: string;
}

/** The captions of each official language: working translations, to be confirmed by the language services. */
export const CAPTIONS: Readonly<Record<Language, Captions>> = {
  en: {
    previousNumber: 'Previous number',
    newNumber: 'New number',
    changes: 'Changes',
    previousText: 'Previous text',
    newText: 'New text',
    added: 'added',
    deleted: 'deleted',
    moved: 'moved',
    renumbered: 'renumbered',
    textChanged: 'text changed',
    statusChanged: 'status changed',
    unchanged: 'unchanged',
    separator: ', ',
  },
  fr: {
    previousNumber: 'Numéro précédent',
    newNumber: 'Nouveau numéro',
    changes: 'Modifications',
    previousText: 'Texte précédent',
    newText: 'Nouveau texte',
    added: 'ajouté',
    deleted: 'supprimé',
    moved: 'déplacé',
    renumbered: 'renuméroté',
    textChanged: 'texte modifié',
    statusChanged: 'statut modifié',
    unchanged: 'inchangé',
    separator: ', ',
  },
  es: {
    previousNumber: 'Número anterior',
    newNumber: 'Nuevo número',
    changes: 'Cambios',
    previousText: 'Texto anterior',
    newText: 'Nuevo texto',
    added: 'añadido',
    deleted: 'suprimido',
    moved: 'trasladado',
    renumbered: 'renumerado',
    textChanged: 'texto modificado',
    statusChanged: 'estado modificado',
    unchanged: 'sin cambios',
    separator: ', ',
  },
  ru: {
    previousNumber: 'Прежний номер',
    newNumber: 'Новый номер',
    changes: 'Изменения',
    previousText: 'Прежний текст',
    newText: 'Новый текст',
    added: 'добавлено',
    deleted: 'исключено',
    moved: 'перенесено',
    renumbered: 'изменена нумерация',
    textChanged: 'изменён текст',
    statusChanged: 'изменён статус',
    unchanged: 'без изменений',
    separator: ', ',
  },
  zh: {
    previousNumber: '原编号',
    newNumber: '新编号',
    changes: '变动',
    previousText: '原案文',
    newText: '新案文',
    added: '新增',
    deleted: '删除',
    moved: '移动',
    renumbered: '重新编号',
    textChanged: '案文修改',
    statusChanged: '状态变更',
    unchanged: '未改动',
    separator: '、',
  },
  ar: {
    previousNumber: 'الرقم السابق',
    newNumber: 'الرقم الجديد',
    changes: 'التغييرات',
    previousText: 'النص السابق',
    newText: 'النص الجديد',
    added: 'أضيفت',
    deleted: 'حذفت',
    moved: 'نقلت',
    renumbered: 'أعيد ترقيمها',
    textChanged: 'عُدّل النص',
    statusChanged: 'تغيّر الوضع',
    unchanged: 'دون تغيير',
    separator: '، ',
  },
};
