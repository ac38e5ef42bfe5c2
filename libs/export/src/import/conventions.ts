import type { Language } from '@concord/domain';

/**
 * The same short convention in the six official languages, for the importer's specs: a title, two recitals,
 * two chapters, an article whose lone paragraph has subparagraphs (a), (b) and, under (b), (i), (ii); an
 * article with its heading on the heading line and two numbered paragraphs, one bracketed word; and an
 * article with a lone paragraph.
 */
export const CONVENTIONS: Record<Language, { readonly format: 'text' | 'markdown'; readonly source: string }> = {
  en: {
    format: 'text',
    source: `Draft United Nations convention
against cybercrime

Preamble

The States Parties to this Convention,

Concerned by the seriousness of the problems,

Chapter I
General provisions

Article 1
Statement of purpose

The purposes of this Convention are:

(a) To promote measures;

(b) To promote cooperation:

(i) first;

(ii) second.

Article 2 - Use of terms

1. For the purposes of this Convention, "computer system" means any device.

2. States Parties [may] adopt measures.

CHAPTER II
Criminalization

Article 3
Illegal access

Each State Party shall adopt the necessary measures.
`,
  },
  fr: {
    format: 'text',
    source: `Projet de convention des Nations Unies contre la cybercriminalité

Préambule

Les États Parties à la présente Convention,

Préoccupés par la gravité des problèmes,

Chapitre premier
Dispositions générales

Article premier
Objet

La présente Convention a pour objet :

a) De promouvoir des mesures ;

b) De promouvoir la coopération :

i) premier ;

ii) second.

Article 2 – Terminologie

1. Aux fins de la présente Convention, « système informatique » désigne tout dispositif.

2. Les États Parties [peuvent] adopter des mesures.

Chapitre II
Incrimination

Article 3
Accès illicite

Chaque État Partie adopte les mesures nécessaires.
`,
  },
  es: {
    format: 'markdown',
    source: `# Proyecto de convención de las Naciones Unidas contra la ciberdelincuencia

Los Estados partes en la presente Convención,

Preocupados por la gravedad de los problemas,

## Capítulo I: Disposiciones generales

### Artículo 1
Finalidad

La finalidad de la presente **Convención** es:

(a) Promover medidas;

(b) Promover la cooperación:

    (i) primero;

    (ii) segundo.

### Artículo 2 – Definiciones

1. A los efectos de la presente Convención, por «sistema» se entenderá todo dispositivo.

2. Los Estados partes [podrán] adoptar medidas.

## Capítulo II
Penalización

### Artículo 3
Acceso ilícito

Cada Estado parte adoptará las medidas necesarias.
`,
  },
  ru: {
    format: 'text',
    source: `Проект конвенции Организации Объединенных Наций против киберпреступности

Государства — участники настоящей Конвенции,

будучи обеспокоены серьезностью проблем,

Глава I
Общие положения

Статья 1
Цели

Цели настоящей Конвенции заключаются в следующем:

а) содействие принятию мер;

б) содействие сотрудничеству:

i) первое;

ii) второе.

Статья 2. Термины

1. Для целей настоящей Конвенции «компьютерная система» означает любое устройство.

2. Государства-участники [могут] принимать меры.

Глава II
Криминализация

Статья 3
Незаконный доступ

Каждое Государство-участник принимает необходимые меры.
`,
  },
  zh: {
    format: 'text',
    source: `联合国打击网络犯罪公约草案

本公约缔约国，

关切问题的严重性，

第一章\u3000总则

第一条\u3000宗旨

本公约的宗旨是：

（一）促进措施；

（二）促进合作：

(i) 第一；

(ii) 第二。

第二条：术语的使用

一、为本公约的目的，“计算机系统”系指任何装置。

二、缔约国可以[采取]措施。

第二章
定为刑事犯罪

第三条
非法访问

各缔约国均应采取必要措施。
`,
  },
  ar: {
    format: 'text',
    source: `مشروع اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية

إن الدول الأطراف في هذه الاتفاقية،

إذ يساورها القلق إزاء خطورة المشاكل،

الفصل الأول
أحكام عامة

المادة ١
بيان الغرض

أغراض هذه الاتفاقية هي:

(أ) تعزيز التدابير؛

(ب) تعزيز التعاون:

'١' الأول؛

'٢' الثاني.

المادة 2 - المصطلحات المستخدمة

١- لأغراض هذه الاتفاقية، يقصد بتعبير "نظام حاسوبي" أي جهاز.

٢- يجوز للدول الأطراف [اعتماد] تدابير.

الفصل الثاني
التجريم

المادة ٣
الوصول غير المشروع

تعتمد كل دولة طرف ما يلزم من تدابير.
`,
  },
};

/** The structure every convention of {@link CONVENTIONS} has. */
export const CONVENTION_SHAPE = [
  'title',
  'recital',
  'recital',
  'chapter',
  '  article',
  '    paragraph',
  '      subparagraph',
  '      subparagraph',
  '        subparagraph',
  '        subparagraph',
  '  article',
  '    paragraph',
  '    paragraph',
  'chapter',
  '  article',
  '    paragraph',
];
