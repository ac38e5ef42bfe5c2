import { docFromYFragment } from '@concord/schema';
import { Injectable } from '@nestjs/common';
import type { Node } from 'prosemirror-model';
import type * as Y from 'yjs';
import { CollabService, PROSEMIRROR_FRAGMENT } from './collab.service';

/**
 * Reads the current treaty text of a collaborative document for the server's own use cases (submission,
 * compilation, publication). Every update is stored before any client sees it, so this is at least what any
 * connected client has been shown.
 */
@Injectable()
export class DocumentReader {
  constructor(private readonly collab: CollabService) {}

  /** The treaty document a fragment holds. */
  fromFragment(fragment: Y.XmlFragment): Node {
    return docFromYFragment(fragment);
  }

  /** The current ProseMirror document, or null when nothing is stored yet. */
  async treaty(document: string): Promise<Node | null> {
    const doc = await this.collab.snapshotOf(document);
    try {
      const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
      return fragment.length === 0 ? null : this.fromFragment(fragment);
    } finally {
      doc.destroy();
    }
  }
}
