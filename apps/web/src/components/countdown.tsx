import { useEffect, useState } from 'react';
import { formatCountdown } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** The current time, refreshed every `intervalMs`, for displays that count down. */
export function useNow(intervalMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "Deadline in 3 days 4 h", kept current while the page is open; "Deadline passed" afterwards. */
export function Countdown({ deadline }: { deadline: string }) {
  const { language } = useI18n();
  const now = useNow();
  const passed = Date.parse(deadline) <= now;
  return (
    <span className={passed ? 'countdown countdown-passed' : 'countdown'}>
      {formatCountdown(deadline, now, language)}
    </span>
  );
}
