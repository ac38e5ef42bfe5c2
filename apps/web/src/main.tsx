import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyLanguageToDocument, initialLanguage } from './i18n/i18n-context';
import './styles.css';

const language = initialLanguage();
// Set before the first render so an Arabic reader never sees the page laid out left to right.
applyLanguageToDocument(language);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App language={language} />
  </StrictMode>,
);
