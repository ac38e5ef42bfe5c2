import type { Language } from '@concord/domain';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from './app';
import { AuthProvider } from './auth';
import { I18nProvider } from './i18n/i18n-context';

/** The first render of `path`, before any request has answered (effects do not run on the server). */
function render(path: string, language: Language = 'en'): string {
  return renderToString(
    <I18nProvider initial={language}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>
    </I18nProvider>,
  );
}

describe(AppRoutes.name, () => {
  it('renders the sign-in form with labelled inputs', () => {
    const html = render('/sign-in');
    expect(html).toContain('<h1>Sign in</h1>');
    expect(html).toMatch(/<label for="sign-in-email">Email<\/label>/);
    expect(html).toMatch(/<label for="sign-in-password">Password<\/label>/);
    expect(html).toContain('id="interface-language"');
  });

  it('renders the sign-in form in Arabic', () => {
    const html = render('/sign-in', 'ar');
    expect(html).toContain('<h1>تسجيل الدخول</h1>');
    expect(html).toContain('الانتقال إلى المحتوى الرئيسي');
  });

  it('renders the invitation page with the password rule', () => {
    const html = render('/invite/abc', 'fr');
    expect(html).toContain('<h1>Choisissez votre mot de passe</h1>');
    expect(html).toContain('Au moins 15 caractères');
  });

  it('waits for the session before showing a committee', () => {
    const html = render('/committees/c1');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('Sessions');
  });

  it('shows a page for an unknown address', () => {
    expect(render('/nowhere')).toContain('Page not found');
  });
});
