import { LANGUAGES } from '@concord/domain';
import { loadStrings } from './i18n/strings';

// The browser fetches a language's strings before it is shown (main.tsx, I18nProvider); specs render in every
// language without waiting, so every table is loaded before them.
await Promise.all(LANGUAGES.map(loadStrings));
