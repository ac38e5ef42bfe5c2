import { useId } from 'react';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Participant } from './presence';

/** "Who is here": everyone with the document open, in their cursor colour, and whether they edit or read. */
export function PresenceList({ participants }: { participants: readonly Participant[] }) {
  const { t, language } = useI18n();
  const headingId = useId();
  return (
    <section className="sidebar-section presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        {t('editor.presence')}{' '}
        <span className="presence-count">{t('editor.presenceCount', { n: formatNumber(participants.length, language) })}</span>
      </h2>
      <ul className="presence-list">
        {participants.map((participant) => (
          <li key={participant.id} className="presence-item" data-user-id={participant.id}>
            <span className="presence-swatch" style={{ backgroundColor: participant.color }} aria-hidden="true" />
            <span className="presence-name">
              <bdi>{participant.name}</bdi>
              {participant.isSelf && <span className="presence-self"> {t('editor.you')}</span>}
            </span>
            <span className="presence-mode">{t(participant.mode === 'editing' ? 'editor.editing' : 'editor.reading')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
