import { isDeepStrictEqual } from 'node:util';
import { type Action, decide, isLanguage, type Language, type Localized } from '@concord/domain';
import { ImportError, ImportErrorCode, importText } from '@concord/export';
import { docFromJSON, docFromJSONText, docToJSONText, docToText, freezeNumbers } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { assertAllowed, assertManagesCommittee } from '../common/policy';
import { CommitteesRepository } from '../committees/committees.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { DocxImporter } from './docx-importer';
import type { ImportInstrumentDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { InstrumentText } from './instrument-text.entity';
import { Instrument } from './instrument.entity';
import { InstrumentsRepository } from './instruments.repository';
import type { InstrumentTextView, InstrumentView } from '@concord/domain';
export type { InstrumentTextView, InstrumentView } from '@concord/domain';

/** An uploaded file, as multer hands it over. */
export interface UploadedDocx {
  readonly buffer: Buffer;
  readonly originalname: string;
  readonly size: number;
}

function cleanTitles(titles: Localized): Localized {
  const entries = Object.entries(titles).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (entries.length === 0) throw new AppException('validation-failed', 'titles must give the title in at least one language.');
  return Object.fromEntries(entries.map(([lang, title]) => [lang, title.trim()]));
}

function view(instrument: Instrument, languages: readonly string[]): InstrumentView {
  return {
    id: instrument.id,
    committeeId: instrument.committeeId,
    titles: instrument.titles,
    originalLanguage: instrument.originalLanguage as Language,
    languages: languages.filter(isLanguage),
    createdAt: instrument.createdAt.toISOString(),
  };
}

/** Texts under negotiation: committee tier until published; imported by the secretariat. */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly instruments: InstrumentsRepository,
    private readonly committees: CommitteesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly docx: DocxImporter,
  ) {}

  async list(user: AuthContext, committeeId: string): Promise<InstrumentView[]> {
    const absent = () => new AppException('committee-not-found', `No committee ${committeeId}.`);
    assertAllowed(decide(user.subject, 'read', { tier: 'committee', committeeId }), absent);
    if (!(await this.committees.findById(committeeId))) throw absent();
    const rows = await this.instruments.listByCommittee(committeeId);
    return Promise.all(rows.map(async (row) => view(row, await this.instruments.languagesOf(row.id))));
  }

  /** The instrument, once the policy allows `action` on it (reading, by default); see {@link authorize}. */
  async get(user: AuthContext, id: string, action: Action = 'read'): Promise<InstrumentView> {
    const instrument = await this.authorize(user, id, action);
    return view(instrument, await this.instruments.languagesOf(id));
  }

  /**
   * The instrument, once the policy allows `action` on it (a committee record of its committee). An instrument the
   * caller may not read (another committee's, or every one for an observer) answers exactly as one that does not exist;
   * one it reads but may not act on is a 403. Every use case on an instrument starts here, before it writes.
   */
  async authorize(user: AuthContext, id: string, action: Action, manager?: Parameters<InstrumentsRepository['findById']>[1]): Promise<Instrument> {
    const instrument = await this.require(id, manager);
    const resource = { tier: 'committee', committeeId: instrument.committeeId } as const;
    if (!decide(user.subject, 'read', resource).allowed) throw notFound(id);
    assertAllowed(decide(user.subject, action, resource));
    return instrument;
  }

  async text(user: AuthContext, id: string, language: string | undefined): Promise<InstrumentTextView> {
    const instrument = await this.authorize(user, id, 'read');
    const lang = language ?? instrument.originalLanguage;
    if (!isLanguage(lang)) throw new AppException('validation-failed', `lang must be one of ar, zh, en, fr, ru, es (got "${lang}").`);
    const { doc } = await this.baseDocument(instrument.id, lang);
    return { instrumentId: id, language: lang, text: docToText(doc, lang), doc: doc.toJSON() as unknown };
  }

  /** An instrument's titles, for the server's own use (no access check). */
  async titles(id: string): Promise<Localized | null> {
    return (await this.instruments.findById(id))?.titles ?? null;
  }

  /** The base text of an instrument in one language, for the server's own use (no access check). */
  async baseDocument(id: string, language: Language): Promise<{ doc: Node; committeeId: string }> {
    const instrument = await this.require(id);
    const row = await this.instruments.findText(id, language);
    if (!row) throw noLanguageVersion(language);
    return { doc: docFromJSONText(row.doc), committeeId: instrument.committeeId };
  }

  /**
   * The committee of an instrument that has a text in that language, failing as `baseDocument` does, without
   * reading or parsing the text: admitting a connection to a consolidated draft asks this for every socket.
   */
  async committeeOfText(id: string, language: Language): Promise<string> {
    const instrument = await this.require(id);
    if (!(await this.instruments.hasText(id, language))) throw noLanguageVersion(language);
    return instrument.committeeId;
  }

  /**
   * The text a consolidated draft starts from: the base text with its article numbers frozen, so that provisions
   * inserted during the negotiation are numbered "bis", "ter" … and nothing is renumbered until the secretariat
   * decides to (see numbering/).
   */
  async consolidatedSeed(id: string, language: Language): Promise<Node> {
    return freezeNumbers((await this.baseDocument(id, language)).doc);
  }

  /** Adds a language version of an instrument, aligned to the original by node id (the same ids). */
  async addLanguageVersion(user: AuthContext, id: string, language: Language, doc: Node): Promise<void> {
    await this.uow.run(async (manager) => {
      const instrument = await this.authorize(user, id, 'edit-consolidated', manager);
      if (await this.instruments.findText(id, language)) {
        throw new AppException('language-exists', `The instrument already has a ${language} version.`);
      }
      const now = new Date();
      await this.instruments.insertText(Object.assign(new InstrumentText(), { instrumentId: id, language, doc: docToJSONText(doc), createdAt: now }), manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'instrument.language-version', entityType: 'instrument', entityId: instrument.id, after: { language } });
    });
  }

  /** Imports a base text from plain text, Markdown or a DOCX file as a new instrument in its original language. */
  async import(user: AuthContext, committeeId: string, dto: ImportInstrumentDto, file?: UploadedDocx): Promise<InstrumentView & { warnings: readonly string[] }> {
    assertManagesCommittee(user, committeeId);
    assertAllowed(decide(user.subject, 'import-instrument', { tier: 'committee', committeeId }));
    const titles = cleanTitles(dto.titles);
    const language = dto.originalLanguage;
    const imported = await this.parse(dto, language, file);
    return this.uow.run(async (manager) => {
      if (!(await this.committees.findById(committeeId, manager))) throw new AppException('committee-not-found', `No committee ${committeeId}.`);
      const now = new Date();
      const instrument = Object.assign(new Instrument(), { id: randomUUID(), committeeId, titles, originalLanguage: language, createdAt: now, updatedAt: now });
      await this.instruments.save(instrument, manager);
      const text = Object.assign(new InstrumentText(), { instrumentId: instrument.id, language, doc: JSON.stringify(imported.doc), createdAt: now });
      await this.instruments.insertText(text, manager);
      const result = view(instrument, [language]);
      await this.audit.record(manager, { actorId: user.user.id, action: 'instrument.import', entityType: 'instrument', entityId: instrument.id, after: result });
      return { ...result, warnings: imported.warnings };
    });
  }

  update(user: AuthContext, id: string, dto: UpdateInstrumentDto): Promise<InstrumentView> {
    return this.uow.run(async (manager) => {
      const instrument = await this.authorize(user, id, 'manage-committee', manager);
      const languages = await this.instruments.languagesOf(id);
      const before = view(instrument, languages);
      instrument.titles = cleanTitles(dto.titles);
      const after = view(instrument, languages);
      // An update to the titles already held is answered without a write, so the audit log records only changes.
      if (isDeepStrictEqual(before, after)) return before;
      instrument.updatedAt = new Date();
      await this.instruments.save(instrument, manager);
      await this.audit.record(manager, { actorId: user.user.id, action: 'instrument.update', entityType: 'instrument', entityId: id, before, after });
      return after;
    });
  }

  private async parse(dto: ImportInstrumentDto, language: Language, file: UploadedDocx | undefined): Promise<{ doc: unknown; warnings: readonly string[] }> {
    try {
      if (file) {
        if (dto.content !== undefined) throw new AppException('validation-failed', 'Send either a file or content, not both.');
        return await this.docx.import(file.buffer, language);
      }
      if (dto.content === undefined || dto.format === 'docx') {
        throw new AppException('validation-failed', 'Give the text in content (format text or markdown), or upload a DOCX file in the form field "file".');
      }
      const result = importText(dto.content, { language, format: dto.format ?? 'text' });
      docFromJSON(result.doc);
      return result;
    } catch (error) {
      if (error instanceof ImportError) throw new AppException(error.code === ImportErrorCode.TooLarge ? 'payload-too-large' : 'import-failed', error.message);
      throw error;
    }
  }

  private async require(id: string, manager?: Parameters<InstrumentsRepository['findById']>[1]): Promise<Instrument> {
    const instrument = await this.instruments.findById(id, manager);
    if (!instrument) throw notFound(id);
    return instrument;
  }
}

function noLanguageVersion(language: Language): AppException {
  return new AppException('language-not-available', `The instrument has no ${language} version yet.`);
}

function notFound(id: string): AppException {
  return new AppException('instrument-not-found', `No instrument ${id}.`);
}
