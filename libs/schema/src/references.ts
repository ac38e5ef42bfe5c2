import type { Language } from '@concord/domain';
import type { Node } from 'prosemirror-model';
import { numberDocument, type NumberingOptions } from './numbering';
import { toArabicIndic } from './numerals';

/** "article 7" in running text: the article's label with a small initial where the language has cases. */
function articleInText(label: string, language: Language): string {
  return language === 'zh' || language === 'ar' ? label : label.charAt(0).toLocaleLowerCase(language) + label.slice(1);
}

function paragraphInText(article: string, ordinal: number, language: Language, options: NumberingOptions): string {
  switch (language) {
    case 'en':
      return `${article}, paragraph ${ordinal}`;
    case 'fr':
      return `${article}, paragraphe ${ordinal}`;
    case 'es':
      return `${article}, párrafo ${ordinal}`;
    case 'ru':
      return `${article}, пункт ${ordinal}`;
    case 'zh':
      return `${article}第${ordinal}款`;
    case 'ar':
      return `${article}، الفقرة ${options.arabicDigits === 'western' ? String(ordinal) : toArabicIndic(ordinal)}`;
  }
}

/**
 * How running text refers to each article, paragraph and subparagraph of a document in a language, by id, with
 * their current numbers: "article 7 bis", "article 7, paragraph 2", "article 7, paragraph 2 (b)"; "第七条第2款";
 * "المادة ٧، الفقرة ٢". A lone (unnumbered) paragraph is referred to as its article.
 */
export function referenceLabels(doc: Node, language: Language, options: NumberingOptions = {}): ReadonlyMap<string, string> {
  const labels = numberDocument(doc, language, options);
  const references = new Map<string, string>();
  const visit = (node: Node, context: string | null): void => {
    const id: unknown = node.attrs['id'];
    const label = typeof id === 'string' ? labels.get(id) : undefined;
    let own = context;
    if (label && typeof id === 'string') {
      if (node.type.name === 'article') own = articleInText(label.label, language);
      else if (node.type.name === 'paragraph' && context !== null) own = label.label === '' ? context : paragraphInText(context, label.ordinal, language, options);
      else if (node.type.name === 'subparagraph' && context !== null) own = `${context} ${label.label}`;
      if (own !== null && node.type.name !== 'chapter' && node.type.name !== 'option') references.set(id, own);
    }
    node.forEach((child) => {
      if (!child.isTextblock) visit(child, own);
    });
  };
  visit(doc, null);
  return references;
}
