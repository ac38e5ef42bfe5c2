/**
 * Element identifiers of exported documents (Akoma Ntoso `eId`/`wId`, HTML `id`), derived from the stable ids
 * of the treaty's nodes so that they survive renumbering and are the same in every language and every export.
 */

// Letters, digits, '.' and '-' are kept; every other character (underscore included) becomes `_hex_`, so that
// different ids never sanitize to the same string and `prefix_` cannot be forged by an id.
const KEEP = /^[A-Za-z0-9.-]$/;

/**
 * A node id as the tail of an NCName: `3f2a…` and `a1` are kept as they are, other characters are escaped as
 * `_` + hexadecimal code point + `_`. Injective; the empty id becomes `_`.
 */
export function sanitizeId(id: string): string {
  let out = '';
  for (const char of id) out += KEEP.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  return out === '' ? '_' : out;
}

/** Hands out element ids that are unique within one document, each a valid NCName. */
export class IdAllocator {
  private readonly used = new Set<string>();

  /** Reserves fixed ids (`preamble`, `committee`, …) so that nothing else takes them. */
  constructor(reserved: readonly string[] = []) {
    for (const id of reserved) this.used.add(id);
  }

  /**
   * `prefix_` + the sanitized id; `prefix_n<ordinal>` when the node has no id yet. A repeated result (a document
   * with a duplicated node id, a bracket split in two) takes `_2`, `_3`, … in document order.
   */
  allocate(prefix: string, id: string | null, ordinal: number): string {
    const base = id ? `${prefix}_${sanitizeId(id)}` : `${prefix}_n${ordinal}`;
    return this.claim(base);
  }

  /** `base` itself, or `base_2`, `base_3`, … when it is taken. `base` must be an NCName. */
  claim(base: string): string {
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}_${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

/** A delegation code as an NCName, for the `eId` of its `TLCOrganization`: `EGY`, `EU`; a leading digit gets `_`. */
export function organizationId(code: string): string {
  const sanitized = sanitizeId(code);
  return /^[A-Za-z_]/.test(sanitized) ? sanitized : `_${sanitized}`;
}
