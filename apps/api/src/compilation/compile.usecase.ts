import { compile, type CompileResult, type Decision, type ProposalOutcome, type ScopedDecision } from '@concord/compile';
import { consolidatedDocument, type Language, pickLocalized, type ProposalStatus } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import { freezeNewArticles } from '@concord/schema';
import type { AuthContext } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { UnitOfWork } from '../database/unit-of-work';
import { LiveDocuments } from '../documents/live-documents';
import { InstrumentsService } from '../instruments/instruments.service';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import { CompilationRepository } from './compilation.repository';
import { CompileContext } from './compile-context';
import type { CompileReport } from '@concord/domain';
export type { CompileReport } from '@concord/domain';

const OUTCOME_STATUS: Partial<Record<ProposalOutcome['status'], ProposalStatus>> = {
  incorporated: 'incorporated',
  'partially-incorporated': 'partially-incorporated',
  'presented-as-option': 'presented-as-option',
  'not-retained': 'not-retained',
};

/**
 * Compiles the proposals decided since the last compilation into the live consolidated draft: the engine
 * merges them into the current text with provenance, options and brackets, and the difference reaches the
 * document as one stored update that every connected client receives at once.
 */
@Injectable()
export class CompileUseCase {
  constructor(
    private readonly repository: CompilationRepository,
    private readonly context: CompileContext,
    private readonly instruments: InstrumentsService,
    private readonly documents: LiveDocuments,
    private readonly lifecycle: ProposalLifecycle,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async execute(user: AuthContext, instrumentId: string, language: Language, bracketIncorporated: boolean): Promise<CompileReport> {
    const instrument = await this.instruments.get(user, instrumentId, 'compile');
    const document = consolidatedDocument(instrumentId, language);
    // A proposal is compiled with all its decisions once any of them is new.
    const rows = await this.repository.decisionsFor(document);
    const pending = new Set(rows.filter((d) => !d.compiledAt).map((d) => d.proposalId));
    const decisions = rows.filter((d) => pending.has(d.proposalId));
    const candidates = (await this.repository.proposalsFor(instrumentId, language, ['submitted'])).filter((p) => decisions.some((d) => d.proposalId === p.id));
    if (candidates.length === 0) throw new AppException('nothing-to-compile', 'No submitted proposal has a decision that is not compiled yet.');
    const directory = await this.context.directory(instrument.committeeId);
    const engineProposals = await this.context.engineProposals(candidates, directory);
    const title = pickLocalized(instrument.titles, language, [instrument.originalLanguage]) ?? document;

    const compiled = await this.documents.change(document, (live): CompileResult => {
      const before = live.text();
      const result = compile({
        base: { doc: before, revisionId: document, label: title },
        proposals: engineProposals,
        decisions: new Map(decisions.filter((d) => d.provision === '').map((d) => [d.proposalId, d.decision as Decision])),
        scopedDecisions: decisions
          .filter((d) => d.provision !== '')
          .map((d): ScopedDecision => ({ proposalId: d.proposalId, provision: d.provision, change: d.change === '' ? null : d.change, decision: d.decision as Decision })),
        delegations: directory.info,
        options: { bracketIncorporated, language },
      });
      // Articles the compilation inserts during a session store their numbers, as the editor's do.
      live.replace(freezeNewArticles(before, result.doc));
      return result;
    });
    const now = new Date();
    await this.uow.run(async (manager) => {
      await this.repository.markCompiled(document, compiled.outcomes.filter((o) => o.status !== 'conflict').map((o) => o.proposalId), now, manager);
      for (const outcome of compiled.outcomes) {
        const status = OUTCOME_STATUS[outcome.status];
        if (!status) continue;
        await this.lifecycle.move(manager, outcome.proposalId, status, user.user.id, now, { document });
      }
      await this.audit.record(manager, {
        actorId: user.user.id,
        action: 'consolidated.compile',
        entityType: 'document',
        entityId: document,
        after: { outcomes: compiled.outcomes.map((o) => ({ proposalId: o.proposalId, status: o.status })), conflicts: compiled.conflicts.map((c) => c.proposalId) },
      });
    });
    return { document, compiled: compiled.outcomes.filter((o) => OUTCOME_STATUS[o.status]).length, outcomes: compiled.outcomes, conflicts: compiled.conflicts };
  }
}

