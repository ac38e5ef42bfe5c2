import { docFromYFragment } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { CollabRepository } from './collab.repository';
import { PROSEMIRROR_FRAGMENT, foldStored } from './collab.service';

/**
 * Reads the current text of a collaborative document from the database. Every update is stored before any client
 * sees it, so the database holds at least what any connected client has been shown.
 */
@Injectable()
export class DocumentReader {
  constructor(private readonly repository: CollabRepository) {}

  /** The stored state as a fresh Y.Doc (the caller destroys it), or null when nothing is stored yet. */
  async ydoc(document: string): Promise<Y.Doc | null> {
    const stored = await this.repository.load(document);
    if (!stored.snapshot && stored.updates.length === 0) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, foldStored(stored));
    return doc;
  }

  /** The treaty document a fragment holds. */
  fromFragment(fragment: Y.XmlFragment): Node {
    return docFromYFragment(fragment);
  }

  /** The stored ProseMirror document, or null when nothing is stored yet. */
  async treaty(document: string): Promise<Node | null> {
    const doc = await this.ydoc(document);
    if (!doc) return null;
    try {
      return this.fromFragment(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    } finally {
      doc.destroy();
    }
  }
}
