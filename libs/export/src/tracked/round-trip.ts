/**
 * What a drafting space's download records about itself so that its upload knows what changed in Word: the
 * space, and for every block (in the order of the hidden bookmarks `_cc<n>` around the blocks' text) its key
 * and the text it had when downloaded, the base of the three-way merge.
 */
export interface RoundTripRecord {
  /** The drafting space the file was downloaded from. */
  readonly space: string;
  readonly blocks: readonly { readonly k: string; readonly t: string }[];
}

/** The prefix of the hidden bookmark around each block's text (Word hides bookmarks whose name starts with `_`). */
export const ROUND_TRIP_BOOKMARK = '_cc';

const SPACE = 'ConcordSpace';
const COUNT = 'ConcordBaseParts';
const PART = 'ConcordBase';
/** Word edits custom property values of at most 255 characters; longer ones are cut into parts. */
const PART_LENGTH = 240;

/** The record as custom document properties (docProps/custom.xml), which Word and LibreOffice keep on saving. */
export function encodeRoundTrip(record: RoundTripRecord): Array<{ name: string; value: string }> {
  const characters = Array.from(JSON.stringify(record.blocks));
  const parts: string[] = [];
  for (let i = 0; i < characters.length; i += PART_LENGTH) parts.push(characters.slice(i, i + PART_LENGTH).join(''));
  return [
    { name: SPACE, value: record.space },
    { name: COUNT, value: String(parts.length) },
    ...parts.map((value, i) => ({ name: `${PART}${String(i).padStart(5, '0')}`, value })),
  ];
}

/** The record read back from custom properties; `null` when the file carries none or it was damaged. */
export function decodeRoundTrip(properties: ReadonlyMap<string, string>): RoundTripRecord | null {
  const space = properties.get(SPACE);
  const count = Number(properties.get(COUNT));
  if (!space || !Number.isInteger(count) || count < 0) return null;
  let json = '';
  for (let i = 0; i < count; i++) {
    const part = properties.get(`${PART}${String(i).padStart(5, '0')}`);
    if (part === undefined) return null;
    json += part;
  }
  try {
    const blocks: unknown = JSON.parse(json || '[]');
    if (!Array.isArray(blocks)) return null;
    const valid = blocks.every((b: unknown) => typeof b === 'object' && b !== null && typeof (b as { k?: unknown }).k === 'string' && typeof (b as { t?: unknown }).t === 'string');
    return valid ? { space, blocks: blocks as RoundTripRecord['blocks'] } : null;
  } catch {
    return null;
  }
}
