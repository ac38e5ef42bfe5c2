import { decide } from '@concord/domain';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context';
import { AppException } from '../common/app.exception';
import { assertAllowed } from '../common/policy';
import { AuditScopeRepository } from './audit-scope.repository';
import { type AuditReader, type AuditView, presentRow, recordsToLookUp, scopeOf } from './audit-visibility';
import { AuditRepository } from './audit.repository';

/** Rows read per page, and at most per request, when looking for the rows a reader may see. */
const AUDIT_PAGE = 200;
const AUDIT_SCAN_LIMIT = 5000;
/** The most rows one request returns. */
const MAX_LIMIT = 500;

/** The read side of the audit log: what each reader may see of it (audit-visibility.ts holds the rules). */
@Injectable()
export class AuditReaderService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly scopes: AuditScopeRepository,
  ) {}

  /**
   * The newest rows the caller may see, newest first, before row `before` when it is positive: its own committee's
   * (an administrator's: every committee's), rows about another delegation's delegation-tier records redacted.
   * Reads back page by page until `limit` rows are visible or `AUDIT_SCAN_LIMIT` rows have been looked at.
   */
  async latest(context: AuthContext, limit: number, before: number): Promise<AuditView[]> {
    assertAllowed(decide(context.subject, 'view-audit', { tier: 'committee' }));
    const reader: AuditReader = { subject: context.subject, committeeId: context.user.committeeId };
    const wanted = Math.min(Math.max(limit, 1), MAX_LIMIT);
    const visible: AuditView[] = [];
    let cursor = before > 0 ? before : undefined;
    for (let scanned = 0; visible.length < wanted && scanned < AUDIT_SCAN_LIMIT; ) {
      const rows = await this.audit.latest(AUDIT_PAGE, cursor);
      if (rows.length === 0) break;
      scanned += rows.length;
      const scopes = await this.scopes.scopes(recordsToLookUp(rows));
      for (const row of rows) {
        const view = presentRow(reader, row, scopeOf(row, scopes));
        if (view) visible.push(view);
        if (visible.length === wanted) break;
      }
      cursor = rows[rows.length - 1].seq;
    }
    return visible;
  }

  /**
   * Every row of one committee the caller may see, oldest first, for the committee's archive: the whole log is
   * read (no scan limit), and rows of other committees are left out even for an administrator.
   */
  async committeeLog(context: AuthContext, committeeId: string): Promise<AuditView[]> {
    assertAllowed(decide(context.subject, 'view-audit', { tier: 'committee', committeeId }), () => new AppException('committee-not-found', `No committee ${committeeId}.`));
    const reader: AuditReader = { subject: context.subject, committeeId };
    const visible: AuditView[] = [];
    for (let after = 0; ; ) {
      const rows = await this.audit.page(after, 1000);
      if (rows.length === 0) break;
      const scopes = await this.scopes.scopes(recordsToLookUp(rows));
      for (const row of rows) {
        const scope = scopeOf(row, scopes);
        if (scope?.committeeId !== committeeId) continue;
        const view = presentRow(reader, row, scope);
        if (view) visible.push(view);
      }
      after = rows[rows.length - 1].seq;
    }
    return visible;
  }
}
