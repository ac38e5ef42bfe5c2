import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const SCHEMA_DIR = new URL('../../../schema/', import.meta.url);

let schemas: { readonly main: string; readonly xml: string } | null = null;

function load(): { readonly main: string; readonly xml: string } {
  schemas ??= {
    main: readFileSync(new URL('akomantoso30.xsd', SCHEMA_DIR), 'utf8'),
    xml: readFileSync(new URL('xml.xsd', SCHEMA_DIR), 'utf8'),
  };
  return schemas;
}

/**
 * Validates a document against the Akoma Ntoso 3.0 schema kept in `libs/export/schema`, with libxml2's own
 * validator (xmllint compiled to WebAssembly), as `xmllint --noout --schema akomantoso30.xsd` would.
 * Returns xmllint's messages; none when the document is valid.
 */
export async function aknSchemaErrors(xml: string): Promise<readonly string[]> {
  const { main, xml: xmlSchema } = load();
  const result = await validateXML({
    xml: [{ fileName: 'revision.xml', contents: xml }],
    schema: [{ fileName: 'akomantoso30.xsd', contents: main }],
    // The schema imports `./xml.xsd` for xml:lang; xmllint resolves it in its in-memory file system.
    preload: [{ fileName: 'xml.xsd', contents: xmlSchema }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/** xmllint's messages for a document that is not well-formed XML (such as a part of a DOCX); none when it is. */
export async function xmlSyntaxErrors(xml: string, fileName = 'part.xml'): Promise<readonly string[]> {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], normalization: 'format' });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
