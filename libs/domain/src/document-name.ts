import { type Language, isLanguage } from './language';

/**
 * The live (collaborative) documents of Concord and their names, which the server, the web app and the audit log
 * share: a connection opens `/collab/<name>`, a comment on live text targets the name, an audit row about a
 * provision of a consolidated draft names `<name>#<node id>`.
 */
export type DocumentName =
  /** The secretariat's consolidated draft of an instrument in one language. */
  | { readonly kind: 'consolidated'; readonly instrumentId: string; readonly language: Language }
  /** A delegation's drafting space. */
  | { readonly kind: 'space'; readonly spaceId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The name of an instrument's consolidated draft in one language: `consolidated:<instrument id>:<language>`. */
export function consolidatedDocument(instrumentId: string, language: Language): string {
  return `consolidated:${instrumentId}:${language}`;
}

/** The name of a drafting space's document: `space:<drafting space id>`. */
export function spaceDocument(spaceId: string): string {
  return `space:${spaceId}`;
}

/** Writes a document name from its parts; {@link parseDocumentName} reads it back. */
export function formatDocumentName(name: DocumentName): string {
  return name.kind === 'consolidated' ? consolidatedDocument(name.instrumentId, name.language) : spaceDocument(name.spaceId);
}

/**
 * Reads a document name, or null when it names no document Concord could have: ids are UUIDs, languages one of
 * the six. Whether such a document exists is for the server to say.
 */
export function parseDocumentName(name: string): DocumentName | null {
  const parts = name.split(':');
  if (parts[0] === 'consolidated' && parts.length === 3) {
    const [, instrumentId = '', language] = parts;
    return UUID.test(instrumentId) && isLanguage(language) ? { kind: 'consolidated', instrumentId, language } : null;
  }
  if (parts[0] === 'space' && parts.length === 2) {
    const [, spaceId = ''] = parts;
    return UUID.test(spaceId) ? { kind: 'space', spaceId } : null;
  }
  return null;
}

/** Whether a name is a consolidated draft's (agreed provisions are locked there, not in drafting spaces). */
export function isConsolidatedDocument(name: string): boolean {
  return parseDocumentName(name)?.kind === 'consolidated';
}

/** A provision of a live document, as audit rows about its status name it: `<document>#<node id>`. */
export function provisionRef(document: string, provisionId: string): string {
  return `${document}#${provisionId}`;
}

/** Reads a {@link provisionRef}, or null when it is not one. */
export function parseProvisionRef(ref: string): { readonly document: DocumentName; readonly provisionId: string } | null {
  const hash = ref.indexOf('#');
  if (hash < 0) return null;
  const document = parseDocumentName(ref.slice(0, hash));
  const provisionId = ref.slice(hash + 1);
  return document && provisionId.length > 0 ? { document, provisionId } : null;
}
