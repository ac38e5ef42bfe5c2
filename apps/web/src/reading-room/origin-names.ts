import { pickLocalized, type Language } from '@concord/domain';
import { useEffect, useState } from 'react';
import type { Delegation } from '../api';
import type { Translate } from '../i18n/strings';
import type { Origin } from './provenance';
import { publicApi } from './public-api';

/** Delegations by code. */
export type DelegationDirectory = ReadonlyMap<string, Delegation>;

/** A delegation's name in `language` with its code, "Egypt (EGY)"; the code alone when it is not in the directory. */
export function delegationLabel(code: string, directory: DelegationDirectory, language: Language): string {
  const delegation = directory.get(code);
  const name = delegation === undefined ? undefined : pickLocalized(delegation.names, language);
  return name === undefined || name === code ? code : `${name} (${code})`;
}

/** The name of an origin in the interface language: a delegation, "Base text", "Secretariat edits", "Translation", "Unattributed". */
export function originName(origin: Origin, directory: DelegationDirectory, t: Translate, language: Language): string {
  switch (origin.kind) {
    case 'delegation':
      return delegationLabel(origin.delegation ?? '', directory, language);
    case 'base':
      return t('room.origin.base');
    case 'edit':
      return t('room.origin.edit');
    case 'translation':
      return t('room.origin.translation');
    case 'none':
      return t('room.origin.none');
  }
}

/**
 * The delegations of every committee, by code, to name those that provenance cites. Until they arrive, or if
 * they cannot be fetched, origins are named by their codes: the page does not fail for want of names.
 */
export function useDelegationDirectory(): DelegationDirectory {
  const [directory, setDirectory] = useState<DelegationDirectory>(new Map());
  useEffect(() => {
    let current = true;
    publicApi.allDelegations().then(
      (delegations) => {
        if (!current) return;
        const byCode = new Map<string, Delegation>();
        // The first committee to use a code names it; committees rarely share codes.
        for (const delegation of delegations) if (!byCode.has(delegation.code)) byCode.set(delegation.code, delegation);
        setDirectory(byCode);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return directory;
}
