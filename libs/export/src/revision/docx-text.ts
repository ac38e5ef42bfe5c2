import { isRightToLeft, type Language } from '@concord/domain';
import { AlignmentType, Paragraph, TextRun, type IStylesOptions, type ParagraphChild } from 'docx';
import { WORD_LANGUAGE } from './locale';

/** Half-points: UN documents are set in 10-point type, footnotes in 8. */
export const BODY_SIZE = 20;
/** Half-points of footnote text. */
export const NOTE_SIZE = 16;
/** Twips of one level of indentation (1 cm). */
export const INDENT = 567;

/** How a run of text looks. */
export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  /** Half-points. */
  readonly size?: number;
  readonly highlight?: boolean;
}

/** Where a paragraph stands: alignment (logical, so it mirrors in Arabic), indentation and spacing. */
export interface ParagraphLayout {
  readonly align?: 'start' | 'center' | 'end' | 'both';
  /** Indentation of the paragraph's lines from the leading edge, in levels of {@link INDENT}. */
  readonly level?: number;
  /** Whether the first line hangs one level out (for a number followed by a tab). */
  readonly hanging?: boolean;
  /** Twips before and after. */
  readonly before?: number;
  readonly after?: number;
  readonly keepNext?: boolean;
}

const ALIGNMENT = { start: AlignmentType.START, center: AlignmentType.CENTER, end: AlignmentType.END, both: AlignmentType.BOTH } as const;

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * Paragraphs and runs for Word in one language. Arabic paragraphs are bidirectional and their runs right to
 * left, except runs of Latin text such as a document symbol, which stay left to right so that Word does not
 * reorder `A/AC.291/22` around its slashes.
 */
export class DocxText {
  readonly rtl: boolean;

  constructor(readonly language: Language) {
    this.rtl = isRightToLeft(language);
  }

  /** A run of text. */
  run(text: string, style: RunStyle = {}): TextRun {
    const rightToLeft = this.rtl && (ARABIC_LETTER.test(text) || !LATIN_LETTER.test(text));
    return new TextRun({
      text,
      bold: style.bold,
      boldComplexScript: style.bold,
      italics: style.italics,
      italicsComplexScript: style.italics,
      underline: style.underline ? { type: 'single' } : undefined,
      strike: style.strike,
      size: style.size,
      sizeComplexScript: style.size,
      highlight: style.highlight ? 'yellow' : undefined,
      rightToLeft: rightToLeft || undefined,
    });
  }

  /** A paragraph laid out as given, bidirectional in Arabic. */
  paragraph(children: readonly ParagraphChild[], layout: ParagraphLayout = {}): Paragraph {
    const level = layout.level ?? 0;
    const indent =
      level > 0 || layout.hanging
        ? { start: INDENT * (level + (layout.hanging ? 1 : 0)), hanging: layout.hanging ? INDENT : undefined }
        : undefined;
    return new Paragraph({
      children: [...children],
      alignment: ALIGNMENT[layout.align ?? 'start'],
      bidirectional: this.rtl || undefined,
      indent,
      spacing: layout.before !== undefined || layout.after !== undefined ? { before: layout.before, after: layout.after } : undefined,
      keepNext: layout.keepNext,
    });
  }

  /** A footnote's paragraph. */
  note(text: string): Paragraph {
    return this.paragraph([this.run(text, { size: NOTE_SIZE })], { after: 0 });
  }

  /** Document defaults: Times New Roman 10 pt, the language for spelling, 6 pt after each paragraph. */
  styles(): IStylesOptions {
    const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
    return {
      default: {
        document: {
          run: {
            font,
            size: BODY_SIZE,
            sizeComplexScript: BODY_SIZE,
            language: { value: WORD_LANGUAGE[this.language], eastAsia: WORD_LANGUAGE.zh, bidirectional: WORD_LANGUAGE.ar },
          },
          paragraph: { spacing: { after: 120 } },
        },
      },
    };
  }
}
