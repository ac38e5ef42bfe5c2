import { parseStoredChanges, type StoredChange } from '@concord/domain';
import { docFromJSONText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import type { Proposal } from './proposal.entity';

/*
 * A proposal's documents are stored as JSON text; these read them back, checked, in one place: the treaty
 * documents through the schema (docFromJSONText refuses bad JSON and what the schema does not allow), the change set by its shape.
 */

/** The base provisions a proposal was made against. */
export function proposalBase(proposal: Pick<Proposal, 'baseDoc'>): Node {
  return docFromJSONText(proposal.baseDoc);
}

/** The proposed text of those provisions. */
export function proposalText(proposal: Pick<Proposal, 'proposedDoc'>): Node {
  return docFromJSONText(proposal.proposedDoc);
}

/** The proposal's change set against its base. */
export function proposalChanges(proposal: Pick<Proposal, 'changes'>): StoredChange[] {
  return parseStoredChanges(proposal.changes);
}
