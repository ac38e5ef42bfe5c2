import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '@concord/domain';

/** A choice among the six languages, each named in itself; `onChange` hears only a valid language. */
export function LanguageSelect({ id, value, onChange, disabled = false }: { id: string; value: Language; onChange: (language: Language) => void; disabled?: boolean }) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(event) => isLanguage(event.target.value) && onChange(event.target.value)}>
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
