import type { MigrationInterface } from 'typeorm';
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Collaboration1795537203515 } from './1795537203515-collaboration';
import { ProposalsAndComments1795537661775 } from './1795537661775-proposals-and-comments';
import { CompileDesk1795537949014 } from './1795537949014-compile-desk';
import { Revisions1795538195247 } from './1795538195247-revisions';
import { ImmutableRecords1795538300000 } from './1795538300000-immutable-records';
import { DelegationMembership1796526264641 } from './1796526264641-delegation-membership';
import { SignedRevisionsAndAuditHead1796528227656 } from './1796528227656-signed-revisions-and-audit-head';
import { CommentTracking1796541614437 } from './1796541614437-comment-tracking';
import { MailOutbox1796542654973 } from './1796542654973-mail-outbox';
import { TranslationSourceText1796573475755 } from './1796573475755-translation-source-text';
import { AgreedTextAndNumbering1796573572470 } from './1796573572470-agreed-text-and-numbering';
import { ScopedCompileDecisions1796573739565 } from './1796573739565-scoped-compile-decisions';

/** PostgreSQL migrations, oldest first. */
export const POSTGRES_MIGRATIONS: Array<new () => MigrationInterface> = [Foundation1764000000000, Collaboration1795537203515, ProposalsAndComments1795537661775, CompileDesk1795537949014, Revisions1795538195247, ImmutableRecords1795538300000, DelegationMembership1796526264641, SignedRevisionsAndAuditHead1796528227656, CommentTracking1796541614437, MailOutbox1796542654973, TranslationSourceText1796573475755, AgreedTextAndNumbering1796573572470, ScopedCompileDecisions1796573739565];
