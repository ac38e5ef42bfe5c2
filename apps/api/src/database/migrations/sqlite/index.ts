import type { MigrationInterface } from 'typeorm';
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Collaboration1795537204385 } from './1795537204385-collaboration';
import { ProposalsAndComments1795537662974 } from './1795537662974-proposals-and-comments';
import { CompileDesk1795537950411 } from './1795537950411-compile-desk';
import { Revisions1795538196137 } from './1795538196137-revisions';
import { ImmutableRecords1795538300000 } from './1795538300000-immutable-records';
import { DelegationMembership1796526259871 } from './1796526259871-delegation-membership';
import { SignedRevisionsAndAuditHead1796528192028 } from './1796528192028-signed-revisions-and-audit-head';
import { RevisionsStayImmutable1796528192029 } from './1796528192029-revisions-stay-immutable';
import { CommentTracking1796541606547 } from './1796541606547-comment-tracking';
import { MailOutbox1796542654141 } from './1796542654141-mail-outbox';
import { TranslationSourceText1796573474694 } from './1796573474694-translation-source-text';
import { AgreedTextAndNumbering1796573566908 } from './1796573566908-agreed-text-and-numbering';
import { ScopedCompileDecisions1796573733648 } from './1796573733648-scoped-compile-decisions';

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Array<new () => MigrationInterface> = [Foundation1764000000000, Collaboration1795537204385, ProposalsAndComments1795537662974, CompileDesk1795537950411, Revisions1795538196137, ImmutableRecords1795538300000, DelegationMembership1796526259871, SignedRevisionsAndAuditHead1796528192028, RevisionsStayImmutable1796528192029, CommentTracking1796541606547, MailOutbox1796542654141, TranslationSourceText1796573474694, AgreedTextAndNumbering1796573566908, ScopedCompileDecisions1796573733648];
