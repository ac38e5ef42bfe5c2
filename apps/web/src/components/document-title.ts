import { useEffect } from 'react';
import { translate } from '../i18n/strings';
import { useI18n } from '../i18n/i18n-context';

/** Sets the browser tab's title to "<title> — Concord" while the page is shown. */
export function useDocumentTitle(title: string | undefined): void {
  const { language } = useI18n();
  useEffect(() => {
    const app = translate(language, 'app.name');
    document.title = title === undefined || title === '' ? app : `${title} — ${app}`;
  }, [title, language]);
}
