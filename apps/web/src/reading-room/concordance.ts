import type { ConcordanceRow, ProvisionKind } from '@concord/compare';
import type { Language } from '@concord/domain';
import { formatList } from '../i18n/format';
import type { Translate } from '../i18n/strings';

/** What the concordance table says about a provision, in the order it says it. */
export const CONCORDANCE_CHANGES = [
  'added',
  'deleted',
  'moved',
  'renumbered',
  'textChanged',
  'statusChanged',
  'unchanged',
] as const satisfies readonly (keyof ConcordanceRow)[];

/** One kind of change the concordance table reports. */
export type ConcordanceChange = (typeof CONCORDANCE_CHANGES)[number];

/** The changes a row reports, in table order: "moved, renumbered", or just "unchanged". */
export function rowChanges(row: ConcordanceRow): readonly ConcordanceChange[] {
  return CONCORDANCE_CHANGES.filter((change) => row[change]);
}

/** How many provisions of each kind the table reports for each change. */
export type ConcordanceSummary = { readonly [C in ConcordanceChange]: number };

/** Counts the rows by change; a provision both moved and renumbered counts under both. */
export function summarizeConcordance(rows: readonly ConcordanceRow[], kinds?: readonly ProvisionKind[]): ConcordanceSummary {
  const counts: Record<ConcordanceChange, number> = {
    added: 0,
    deleted: 0,
    moved: 0,
    renumbered: 0,
    textChanged: 0,
    statusChanged: 0,
    unchanged: 0,
  };
  for (const row of rows) {
    if (kinds !== undefined && !kinds.includes(row.kind)) continue;
    for (const change of rowChanges(row)) counts[change] += 1;
  }
  return counts;
}

/** A paragraph's number without the punctuation that follows it in the text: "2." → "2", "٢-" → "٢". */
export function bareParagraphNumber(label: string): string {
  return label.replace(/[.-]$/u, '');
}

/**
 * How the table cites a provision on one side: "Article 7"; a paragraph as "Article 7, paragraph 2" (the lone
 * paragraph of an article as the article itself); `null` where the provision is absent from that side.
 */
export function provisionCitation(
  kind: ProvisionKind,
  number: string | null,
  parent: string | null,
  t: Translate,
): string | null {
  if (number === null) return null;
  if (kind !== 'paragraph' || parent === null) return number;
  if (number === '') return parent;
  return t('room.paragraphCitation', { article: parent, number: bareParagraphNumber(number) });
}

/** The words for a row's changes in the interface language: "moved and renumbered". */
export function rowChangeLabel(row: ConcordanceRow, t: Translate, language: Language): string {
  return formatList(
    rowChanges(row).map((change) => t(`room.change.${change}`)),
    language,
  );
}

/**
 * One line that says what happened to a provision, for a screen reader or a title: "Article 3 → Article 4:
 * renumbered", "Article 5: added", "Article 2: deleted".
 */
export function concordanceRowLabel(row: ConcordanceRow, t: Translate, language: Language): string {
  const older = provisionCitation(row.kind, row.oldNumber, row.oldParentNumber, t);
  const newer = provisionCitation(row.kind, row.newNumber, row.newParentNumber, t);
  const changes = rowChangeLabel(row, t, language);
  if (older !== null && newer !== null && older !== newer) return t('room.rowRenumbered', { older, newer, changes });
  return t('room.rowSame', { provision: newer ?? older ?? '', changes });
}
