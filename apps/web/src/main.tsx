import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyLanguageToDocument, initialLanguage } from './i18n/i18n-context';
import { loadStrings } from './i18n/strings';
import './styles.css';

const language = initialLanguage();
// Set before the first render so an Arabic reader never sees the page laid out left to right.
applyLanguageToDocument(language);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const render = (root: HTMLElement) =>
  createRoot(root).render(
    <StrictMode>
      <App language={language} />
    </StrictMode>,
  );
// The reader's language is fetched before the first render (English is in the main bundle); should that fail, the
// page still comes, in English words, rather than not at all.
loadStrings(language).then(
  () => render(container),
  () => render(container),
);
