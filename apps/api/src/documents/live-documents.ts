import { docFromYFragment, treatyFragment } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { AgreedGuardOptions } from '../collaboration/agreed-guard';
import { CollabService } from '../collaboration/collab.service';
import { CloseCode } from '../collaboration/protocol';
import { DocumentCatalogue } from './document-catalogue';

/** A live document's text as a server-side change sees it: a copy that the change edits. */
export class LiveEdit {
  constructor(
    /** The copy being edited, for changes that work on Yjs types directly (one attribute, one element). */
    readonly doc: Y.Doc,
  ) {}

  /** The fragment that holds the treaty text. */
  get fragment(): Y.XmlFragment {
    return treatyFragment(this.doc);
  }

  /** The treaty text the copy holds now. */
  text(): Node {
    return docFromYFragment(this.fragment);
  }

  /** Makes the copy hold `next`, changing only what differs, so that concurrent edits elsewhere still merge. */
  replace(next: Node): void {
    updateYFragment(this.doc, this.fragment, next, { mapping: new Map(), isOMark: new Map() });
  }
}

/**
 * The one door through which use cases read and change live documents (consolidated drafts, drafting spaces):
 * what exists and what a new document starts from is the catalogue's; storing before relaying is the
 * collaboration server's. Every update is stored before any client sees it, so what `read` returns is at least
 * what any connected client has been shown.
 */
@Injectable()
export class LiveDocuments {
  constructor(
    private readonly collab: CollabService,
    private readonly catalogue: DocumentCatalogue,
  ) {}

  /** The text a document starts from before anyone edits it (for a drafting space, its base). */
  async start(document: string): Promise<Node> {
    return (await this.catalogue.require(document)).initialContent();
  }

  /** The live text of a document, else (nothing stored yet) the text it starts from. */
  async read(document: string): Promise<Node> {
    return (await this.stored(document)) ?? this.start(document);
  }

  /**
   * Changes a document on the server's behalf and returns what `edit` returned: `edit` works on a copy of the
   * current state, and the difference is checked, stored, and only then applied and relayed to every client, as
   * one update (see `CollabService.change`). An `edit` that throws changes nothing. In a consolidated draft the
   * change may not touch an agreed provision unless `lock` lets it; one that does is refused with
   * `provision-agreed`.
   */
  async change<T>(document: string, edit: (live: LiveEdit) => T, lock?: AgreedGuardOptions): Promise<T> {
    const entry = await this.catalogue.require(document);
    const ran: { outcome?: { readonly value: T } } = {};
    await this.collab.change(
      document,
      entry.initialContent,
      (doc) => {
        ran.outcome = { value: edit(new LiveEdit(doc)) };
      },
      lock,
    );
    if (!ran.outcome) throw new Error(`the change to ${document} did not run`);
    return ran.outcome.value;
  }

  /**
   * A copy of a document's current Yjs state, which the caller destroys; item ids are kept, so that Yjs relative
   * positions (comment anchors) resolve against it. Empty when nothing is stored yet.
   */
  snapshot(document: string): Promise<Y.Doc> {
    return this.collab.snapshotOf(document);
  }

  /**
   * Disconnects one delegation's members from a document when their rights on it change: `changed` asks their
   * clients to reconnect with the rights they now have (an invitation accepted or declined), `ended` tells them
   * they have no access any more (a co-sponsor removed). Returns how many connections were closed.
   */
  disconnectDelegation(document: string, delegationId: string, why: 'changed' | 'ended'): number {
    const [code, reason] = why === 'changed' ? [CloseCode.rightsChanged, 'access changed'] : [CloseCode.forbidden, 'co-sponsorship ended'];
    return this.collab.closeWhere((c) => c.document === document && c.auth.user.delegationId === delegationId, code, reason);
  }

  /** The stored text, or null when nothing is stored yet. */
  private async stored(document: string): Promise<Node | null> {
    const doc = await this.collab.snapshotOf(document);
    try {
      const fragment = treatyFragment(doc);
      return fragment.length === 0 ? null : docFromYFragment(fragment);
    } finally {
      doc.destroy();
    }
  }
}
