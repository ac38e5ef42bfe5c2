import { Injectable } from '@nestjs/common';
import { AuditScopeRepository } from './audit-scope.repository';
import { type AuditReader, type AuditView, presentRow, recordsToLookUp, scopeOf } from './audit-visibility';
import { AuditRepository } from './audit.repository';

/** Rows read per page, and at most per request, when looking for the rows a reader may see. */
const AUDIT_PAGE = 200;
const AUDIT_SCAN_LIMIT = 5000;

/** The read side of the audit log: what each reader may see of it (audit-visibility.ts holds the rules). */
@Injectable()
export class AuditReaderService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly scopes: AuditScopeRepository,
  ) {}

  /**
   * The newest rows the reader may see, newest first: its own committee's (an administrator's: every committee's),
   * rows about another delegation's delegation-tier records redacted. Reads back page by page until `limit` rows
   * are visible or `AUDIT_SCAN_LIMIT` rows have been looked at.
   */
  async latest(reader: AuditReader, limit: number, before?: number): Promise<AuditView[]> {
    const visible: AuditView[] = [];
    let cursor = before;
    for (let scanned = 0; visible.length < limit && scanned < AUDIT_SCAN_LIMIT; ) {
      const rows = await this.audit.latest(AUDIT_PAGE, cursor);
      if (rows.length === 0) break;
      scanned += rows.length;
      const scopes = await this.scopes.scopes(recordsToLookUp(rows));
      for (const row of rows) {
        const view = presentRow(reader, row, scopeOf(row, scopes));
        if (view) visible.push(view);
        if (visible.length === limit) break;
      }
      cursor = rows[rows.length - 1].seq;
    }
    return visible;
  }
}
