import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { DelegationsRepository } from '../delegations/delegations.repository';
import { DocumentCatalogue, type DocumentAccess } from '../documents/document-catalogue';
import { ShortLivedCache } from './short-lived-cache';

/** Who is connecting: the session's context and the code of the delegation it speaks for, if any. */
export interface Admitted {
  readonly auth: AuthContext;
  readonly delegation: string | null;
}

/**
 * The database questions of admitting a connection — whose session a token is, which delegation it speaks for,
 * what it may do with the document — asked once for the connections that ask while the same lookup is under way
 * (a room joining at once, one client opening several documents), and never answered from an earlier lookup:
 * rights change without the server being told (a head confirming a member grants access), so an answer kept even
 * for a second would let a connection in, or keep it out, on rights that no longer hold. Lookups are shared per
 * session (never between users); a sign-out, or rights announced as changed (`closeWhere`), stops the sharing of
 * lookups under way, and a session that expires meanwhile is refused.
 */
@Injectable()
export class CollabAdmission {
  private readonly sessions = new ShortLivedCache<string, Admitted | null>();
  /** Keyed by session id and document name. */
  private readonly decisions = new ShortLivedCache<string, DocumentAccess | null>();

  constructor(
    private readonly auth: AuthService,
    private readonly access: DocumentCatalogue,
    private readonly delegations: DelegationsRepository,
  ) {}

  /** The live session a token opens, or null when it is unknown, signed out or expired. */
  async session(token: string): Promise<Admitted | null> {
    const admitted = await this.sessions.get(token, async () => {
      const auth = await this.auth.authenticate(token);
      if (!auth) return null;
      const delegation = auth.subject.delegationId ? ((await this.delegations.findById(auth.subject.delegationId))?.code ?? null) : null;
      return { auth, delegation };
    });
    if (!admitted) return null;
    const expiresAt = admitted.auth.sessionExpiresAt;
    return expiresAt && expiresAt.getTime() <= Date.now() ? null : admitted;
  }

  /** The session's access to a document, or null when there is no such document for it (see DocumentCatalogue). */
  decide(auth: AuthContext, document: string): Promise<DocumentAccess | null> {
    return this.decisions.get(`${auth.sessionId}\n${document}`, () => this.access.resolve(auth, document));
  }

  /** A session was signed out: its token and its decisions are forgotten. */
  forgetSession(sessionId: string): void {
    this.sessions.forget();
    this.decisions.forget((key) => key.startsWith(`${sessionId}\n`));
  }

  /** Rights changed (connections were closed for it): every access decision is made again. */
  forgetAccess(): void {
    this.decisions.forget();
  }
}
