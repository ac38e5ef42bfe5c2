import { consolidatedDocument, decide, type Language } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditReaderService } from '../audit/audit-reader.service';
import type { AuthContext } from '../auth/auth-context';
import { CommentsService } from '../comments/comments.service';
import type { TargetKind } from '../comments/comment-policy';
import { CommitteesService } from '../committees/committees.service';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { CompileDeskService } from '../compilation/compile-desk.service';
import { DelegationsService } from '../delegations/delegations.service';
import { InstrumentsService } from '../instruments/instruments.service';
import { ProposalsService } from '../proposals/proposals.service';
import { type Download, EXPORT_FORMATS, ExportsService } from '../revisions/exports.service';
import { RevisionsService } from '../revisions/revisions.service';
import { ServerKey } from '../signing/server-key';

/** One file of an archive: its path inside the archive and its bytes. */
export interface ArchiveFile {
  readonly path: string;
  readonly body: Buffer;
}

/** What `manifest.json` lists for each file. */
export interface ManifestEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ArchiveManifest {
  readonly format: 'concord-archive/1';
  readonly committee: { readonly id: string; readonly name: string; readonly symbolPrefix: string };
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly keyFingerprint: string;
  readonly files: readonly ManifestEntry[];
}

const EXTENSIONS = { akn: 'akn.xml', docx: 'docx', html: 'html' } as const;

/** A file or folder name from a document symbol or title: letters, digits, dots and dashes. */
function stem(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^_+|_+$/g, '') || 'untitled';
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
}

const README = (committee: string, generatedAt: string, fingerprint: string) => `Archive of the record of ${committee}
Written by Concord on ${generatedAt}.

Every file is listed in manifest.json and SHA256SUMS with its SHA-256. To check that nothing was changed:

    sha256sum -c SHA256SUMS

revisions/<symbol>/      each published revision in every language it was published in: Akoma Ntoso XML
                         (OASIS LegalDocML 3.0), Word (DOCX) and HTML, and signed.json, the revision as the
                         server signed it (Ed25519, key fingerprint ${fingerprint}, public key in signing-key.pub.pem)
compilations/            the published compilations of proposals, as HTML and DOCX
proposals/               every proposal the secretariat may read, with its change set and its history
comments/                the comment threads of the consolidated drafts, proposals and revisions, with replies
provision-status/        the history of each provision's status, per text and language
audit-log.jsonl          the audit log as the secretariat sees it, one JSON object a line, oldest first
committee.json           the committee, its sessions and delegations; instruments.json the texts negotiated
`;

/**
 * The committee's record as plain files a records officer can keep without Concord: what the secretariat of the
 * committee (or an administrator) may read, through the same services and policy as the API, with a manifest of
 * hashes. Delegations' private drafts and delegation-tier comments are not the committee's record and are not read.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly committees: CommitteesService,
    private readonly delegations: DelegationsService,
    private readonly instruments: InstrumentsService,
    private readonly revisions: RevisionsService,
    private readonly exports: ExportsService,
    private readonly proposals: ProposalsService,
    private readonly comments: CommentsService,
    private readonly desk: CompileDeskService,
    private readonly auditReader: AuditReaderService,
    private readonly key: ServerKey,
  ) {}

  async build(user: AuthContext, committeeId: string, progress: (path: string) => void = () => undefined): Promise<{ files: ArchiveFile[]; manifest: ArchiveManifest }> {
    const committee = await this.committees.get(committeeId);
    // Another committee's record is concealed: answered as for a committee that does not exist.
    assertAllowed(decide(user.subject, 'archive-committee', { tier: 'committee', committeeId }), () => new AppException('committee-not-found', `No committee ${committeeId}.`));
    const files: ArchiveFile[] = [];
    const add = (path: string, body: Buffer) => {
      files.push({ path, body });
      progress(path);
    };
    const generatedAt = new Date().toISOString();
    add('README.txt', Buffer.from(README(committee.name, generatedAt, this.key.public.fingerprint)));
    add('signing-key.pub.pem', Buffer.from(this.key.public.pem));
    add('committee.json', json({ committee, sessions: await this.committees.sessions(committeeId), delegations: await this.delegations.list(committeeId) }));

    const instruments = await this.instruments.list(user, committeeId);
    add('instruments.json', json(instruments));
    const reader = { subject: user.subject };
    const threads: Array<{ readonly targetKind: TargetKind; readonly targetId: string; readonly threads: unknown }> = [];
    const threadsOf = async (targetKind: TargetKind, targetId: string) => {
      const found = await this.comments.list(user, { targetKind, targetId });
      if (found.length) threads.push({ targetKind, targetId, threads: found });
    };
    const compilations = await this.exports.publishedCompilations();
    for (const instrument of instruments) {
      for (const revision of await this.revisions.listForInstrument(reader, instrument.id)) {
        const folder = `revisions/${stem(revision.symbol)}`;
        add(`${folder}/signed.json`, json(await this.revisions.signed(reader, revision.id)));
        for (const language of revision.languages) {
          for (const format of EXPORT_FORMATS) {
            const download = await this.exports.revision(reader, revision.id, language, format);
            add(`${folder}/${language}.${EXTENSIONS[format]}`, download.body);
          }
        }
        await threadsOf('revision', revision.id);
      }
      for (const compilation of compilations.filter((c) => c.instrumentId === instrument.id)) {
        const folder = `compilations/${compilation.publishedAt.slice(0, 10)}-${compilation.language}-${compilation.id.slice(0, 8)}`;
        for (const format of ['html', 'docx'] as const) add(`${folder}/compilation.${format}`, (await this.exports.publishedCompilation(compilation.id, format)).body);
      }
      for (const proposal of await this.proposals.list(user, { instrumentId: instrument.id })) {
        add(`proposals/${proposal.submittedAt.slice(0, 10)}-${proposal.id}.json`, json(proposal));
        await threadsOf('proposal', proposal.id);
      }
      for (const language of instrument.languages) {
        await threadsOf('document', consolidatedDocument(instrument.id, language));
        const history = await this.desk.statusHistory(user, instrument.id, language as Language);
        if (history.length) add(`provision-status/${stem(instrument.id)}-${language}.json`, json(history));
      }
    }
    add('comments/threads.json', json(threads));
    add('audit-log.jsonl', Buffer.from(await this.auditLines(user, committeeId)));

    const entries: ManifestEntry[] = files.map((file) => ({ path: file.path, bytes: file.body.length, sha256: createHash('sha256').update(file.body).digest('hex') }));
    const manifest: ArchiveManifest = {
      format: 'concord-archive/1',
      committee: { id: committee.id, name: committee.name, symbolPrefix: committee.symbolPrefix },
      generatedAt,
      generatedBy: user.user.email,
      keyFingerprint: this.key.public.fingerprint,
      files: entries,
    };
    files.push({ path: 'manifest.json', body: json(manifest) });
    files.push({ path: 'SHA256SUMS', body: Buffer.from(entries.map((e) => `${e.sha256}  ${e.path}\n`).join('')) });
    return { files, manifest };
  }

  /** The archive as one ZIP file, its files in a folder named after the committee and the date. */
  async zip(user: AuthContext, committeeId: string): Promise<Download> {
    const { files, manifest } = await this.build(user, committeeId);
    const folder = `${stem(manifest.committee.symbolPrefix) || 'committee'}-archive-${manifest.generatedAt.slice(0, 10)}`;
    // Loaded on first use, like the office-format libraries (see libs/export/src/office.ts).
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    const date = new Date(manifest.generatedAt);
    for (const file of files) zip.file(`${folder}/${file.path}`, file.body, { date });
    const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    return { filename: `${folder}.zip`, contentType: 'application/zip', body };
  }

  /** The committee's audit log as the caller may see it, oldest first, one JSON object a line. */
  private async auditLines(user: AuthContext, committeeId: string): Promise<string> {
    return (await this.auditReader.committeeLog(user, committeeId)).map((row) => `${JSON.stringify(row)}\n`).join('');
  }
}
