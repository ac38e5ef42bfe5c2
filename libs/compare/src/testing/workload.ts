import { builders, type Child } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { seededRandom } from '@concord/domain';

const { article, chapter, doc, heading, p, provenance, sub, title } = builders;

/** Options of {@link revisionWorkload}. */
export interface WorkloadOptions {
  /** Words of treaty text in the older revision (headings aside). */
  readonly words: number;
  /** The fraction of words the newer revision replaces, deletes or inserts, spread evenly through the text. */
  readonly changed: number;
  readonly seed: number;
  /** The vocabulary: English or Arabic words. */
  readonly language?: 'en' | 'ar';
}

/** Two revisions of one convention and how much differs between them. */
export interface Workload {
  readonly older: Node;
  readonly newer: Node;
  /** Words of paragraph text in the older revision. */
  readonly words: number;
  /** Words replaced, deleted or inserted by the newer revision. */
  readonly changedWords: number;
}

const VOCABULARY = {
  en: (
    'each State Party shall adopt such legislative and other measures as may be necessary to establish criminal ' +
    'offences under its domestic law when committed intentionally the access to whole or any part of a computer ' +
    'system without right including by infringing security measures with intent obtaining data dishonest ' +
    'cooperation mutual legal assistance extradition jurisdiction investigation prosecution proceedings ' +
    'competent authorities electronic evidence preservation disclosure traffic content subscriber information ' +
    'service provider in accordance with the principles of sovereign equality territorial integrity States ' +
    'non-intervention domestic affairs other promote facilitate support international technical assistance'
  ).split(' '),
  ar: (
    'تتخذ كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرم في إطار قانونها الداخلي الأفعال التالية ' +
    'عندما ترتكب عمدا الوصول إلى كامل نظام حاسوبي أو أي جزء منه دون وجه حق بما في ذلك عن طريق انتهاك التدابير ' +
    'الأمنية بقصد الحصول على بيانات التعاون المساعدة القانونية المتبادلة تسليم المجرمين الولاية القضائية التحقيق ' +
    'الملاحقة القضائية السلطات المختصة الأدلة الإلكترونية حفظ الكشف عن بيانات الحركة المحتوى معلومات المشترك ' +
    'مقدم الخدمة وفقا لمبادئ المساواة في السيادة والسلامة الإقليمية للدول وعدم التدخل في الشؤون الداخلية'
  ).split(' '),
} as const;

const ARTICLES_PER_CHAPTER = 10;
const PARAGRAPHS_PER_ARTICLE = 5;
const WORDS_PER_PARAGRAPH = 100;
const WORDS_PER_SUBPARAGRAPH = 20;

/** A run of words, some marked as coming from a proposal. */
interface Run {
  readonly words: readonly string[];
  readonly proposed: boolean;
}

function inline(runs: readonly Run[]): Child[] {
  const children: Child[] = [];
  runs.forEach((run, index) => {
    const text = (index > 0 ? ' ' : '') + run.words.join(' ');
    children.push(run.proposed ? provenance({ kind: 'proposal', ref: 'prop-1', delegations: ['BRA', 'ZAF'], label: 'Brazil, South Africa' }, text) : text);
  });
  return children;
}

/**
 * Two revisions of a generated convention for benchmarks: chapters of ten articles, each with five
 * paragraphs of a hundred words (sixty of text and two subparagraphs of twenty). The newer revision changes
 * the given fraction of words at random places (half replaced, a quarter deleted, a quarter preceded by a new
 * word; new words attributed to a proposal) and, on top of that, inserts an article of one hundred proposed
 * words, deletes one and moves one. Edits spread this evenly touch most paragraphs, the costly case.
 */
export function revisionWorkload(options: WorkloadOptions): Workload {
  const next = seededRandom(options.seed);
  const vocabulary = VOCABULARY[options.language ?? 'en'];
  const word = (): string => vocabulary[Math.floor(next() * vocabulary.length)] ?? '';
  const words = (count: number): string[] => Array.from({ length: count }, word);
  let changedWords = 0;

  /** The newer version of a run of words: each word kept, replaced, deleted or preceded by a new one. */
  const revise = (original: readonly string[]): Run[] => {
    const runs: { words: string[]; proposed: boolean }[] = [];
    const push = (text: string, proposed: boolean): void => {
      const last = runs[runs.length - 1];
      if (last && last.proposed === proposed) last.words.push(text);
      else runs.push({ words: [text], proposed });
    };
    for (const text of original) {
      if (next() >= options.changed) {
        push(text, false);
        continue;
      }
      changedWords++;
      const roll = next();
      if (roll < 0.5) push(word(), true);
      else if (roll < 0.75) continue;
      else {
        push(word(), true);
        push(text, false);
      }
    }
    return runs.length > 0 ? runs : [{ words: [word()], proposed: true }];
  };

  const unchanged = (list: readonly string[]): Run[] => [{ words: list, proposed: false }];
  const attributed = (list: readonly string[]): Run[] => [{ words: list, proposed: true }];

  const articleCount = Math.max(3, Math.round(options.words / (PARAGRAPHS_PER_ARTICLE * WORDS_PER_PARAGRAPH)));
  const texts = Array.from({ length: articleCount }, () => ({
    heading: words(2).join(' '),
    paragraphs: Array.from({ length: PARAGRAPHS_PER_ARTICLE }, () => ({
      lead: words(WORDS_PER_PARAGRAPH - 2 * WORDS_PER_SUBPARAGRAPH),
      subs: [words(WORDS_PER_SUBPARAGRAPH), words(WORDS_PER_SUBPARAGRAPH)],
    })),
  }));

  const build = (order: readonly number[], revised: boolean): Node => {
    const articles = order.map((index) => {
      const id = `art-${index}`;
      const text = texts[index];
      const version = !revised ? unchanged : index < articleCount ? revise : attributed;
      const paragraphs = (text?.paragraphs ?? []).map((paragraph, n) =>
        p(
          { id: `${id}-p${n}` },
          ...inline(version(paragraph.lead)),
          ...paragraph.subs.map((subWords, s) => sub({ id: `${id}-p${n}-${s}` }, ...inline(version(subWords)))),
        ),
      );
      return article({ id }, heading(text?.heading ?? ''), ...paragraphs);
    });
    const chapters: Node[] = [];
    for (let start = 0; start < articles.length; start += ARTICLES_PER_CHAPTER) {
      chapters.push(chapter({ id: `ch-${start / ARTICLES_PER_CHAPTER}` }, heading(`Chapter ${start}`), ...articles.slice(start, start + ARTICLES_PER_CHAPTER)));
    }
    return doc(title('Draft convention'), ...chapters);
  };

  const original = Array.from({ length: articleCount }, (_, index) => index);
  const older = build(original, false);

  const revisedOrder = [...original];
  if (options.changed > 0) {
    const [moved] = revisedOrder.splice(Math.floor((articleCount * 4) / 5), 1);
    revisedOrder.splice(Math.floor(articleCount / 5), 0, moved ?? 0);
    revisedOrder.splice(Math.floor(articleCount / 2), 1);
    texts.push({ heading: words(2).join(' '), paragraphs: [{ lead: words(WORDS_PER_PARAGRAPH), subs: [] }] });
    revisedOrder.splice(Math.floor(articleCount / 10), 0, articleCount);
  }
  const newer = build(revisedOrder, options.changed > 0);
  return { older, newer, words: articleCount * PARAGRAPHS_PER_ARTICLE * WORDS_PER_PARAGRAPH, changedWords };
}
