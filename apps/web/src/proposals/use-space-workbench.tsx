import type { Plugin } from 'prosemirror-state';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, type Delegation, type DraftingSpace } from '../api';
import { useUser } from '../auth';
import { useDocumentComments } from '../comments/use-document-comments';
import { committeePath } from '../routes';
import { useResource } from '../use-resource';
import { CoSponsorsPanel } from './co-sponsors-panel';
import { InvitationBanner } from './invitation-banner';
import { SubmissionPanel } from './submission-panel';

/** What a drafting space's page shows around its text to turn it into a proposal, and to discuss it. */
export interface SpaceWorkbench {
  /** The comment highlights of the text, for the editor. */
  readonly plugins: readonly Plugin[];
  /** Accept or decline, for a delegation invited to co-sponsor; `null` otherwise. */
  readonly banner: ReactNode;
  /** Co-sponsors, the submission and the comments, for the editor's margin; `undefined` until the space is loaded. */
  readonly margin: ReactNode | undefined;
}

const NO_DELEGATIONS: readonly Delegation[] = [];

/** How often an open space asks whether another delegation has answered an invitation meanwhile. */
const REFRESH_MS = 10_000;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * Keeps the space's co-sponsors current while its page is open: another delegation accepting or declining does not
 * reach this page otherwise. Asks every few seconds while the page is visible, and at once when it is shown again.
 */
function useCoSponsorRefresh(space: DraftingSpace | null, onChange: (space: DraftingSpace) => void): void {
  const latest = useRef({ space, onChange });
  latest.current = { space, onChange };
  const id = space?.id ?? null;
  useEffect(() => {
    if (id === null) return;
    let current = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      api.draftingSpace(id).then(
        (next) => {
          const known = latest.current.space;
          if (!current || known === null) return;
          if (sameIds(known.coSponsorIds, next.coSponsorIds) && sameIds(known.invitedCoSponsorIds, next.invitedCoSponsorIds)) return;
          latest.current.onChange(next);
        },
        // A space this reader may no longer see closes its text connection too, which says why.
        () => undefined,
      );
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [id]);
}

/**
 * The proposal side of a drafting space: co-sponsor invitations and their answer, the change against the base,
 * justification and submission, the proposal's status afterwards, and comments anchored to the text. `onChange`
 * receives the space after a co-sponsorship change (accepting one makes its members editors).
 */
export function useSpaceWorkbench(
  spaceId: string,
  space: DraftingSpace | null,
  onChange: (space: DraftingSpace) => void,
): SpaceWorkbench {
  const user = useUser();
  const navigate = useNavigate();
  const comments = useDocumentComments(`space:${spaceId}`);
  const { resource } = useResource(() => api.delegations(user.committeeId), [user.committeeId]);
  const delegations = resource.status === 'ready' ? resource.data : NO_DELEGATIONS;
  useCoSponsorRefresh(space, onChange);
  if (space === null) return { plugins: comments.plugins, banner: null, margin: undefined };
  return {
    plugins: comments.plugins,
    banner: (
      <InvitationBanner
        space={space}
        delegations={delegations}
        onAccepted={onChange}
        // A delegation that declined may no longer read the space.
        onDeclined={() => navigate(committeePath(user.committeeId))}
      />
    ),
    margin: (
      <>
        <CoSponsorsPanel space={space} delegations={delegations} onChange={onChange} />
        <SubmissionPanel space={space} delegations={delegations} bridge={comments.bridge} />
        {comments.panel}
      </>
    ),
  };
}
