import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE, api, request, toApiError } from './api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(toApiError.name, () => {
  it('takes code and message from the API error body', () => {
    const error = toApiError(401, { error: { code: 'invalid-credentials', message: 'Wrong email or password.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid-credentials', message: 'Wrong email or password.' });
  });

  it('keeps the details the server lists', () => {
    const error = toApiError(400, {
      error: { code: 'validation-failed', message: 'The request is invalid.', details: ['email must be an email address', 3] },
    });
    expect(error.details).toEqual(['email must be an email address']);
  });

  it('falls back to the code when the message is missing', () => {
    expect(toApiError(429, { error: { code: 'too-many-attempts' } }).message).toBe('too-many-attempts');
  });

  it.each([[undefined], ['<html>Bad gateway</html>'], [{ message: 'no code' }], [{ error: 'flat' }], [null]])(
    'reports an unexpected response when the body is %j',
    (body) => {
      const error = toApiError(502, body);
      expect(error).toMatchObject({ status: 502, code: UNEXPECTED_RESPONSE });
      expect(error.message).toContain('502');
    },
  );
});

describe(request.name, () => {
  it('sends JSON with the session cookie and returns the parsed answer', async () => {
    const fetchMock = vi.fn(async () => json(200, { items: [{ id: 'c1' }] }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.committees()).resolves.toEqual([{ id: 'c1' }]);
    await api.login('a@un.org', 'secret');
    expect(fetchMock).toHaveBeenLastCalledWith('/api/auth/login', {
      method: 'POST',
      credentials: 'include',
      body: JSON.stringify({ email: 'a@un.org', password: 'secret' }),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    });
  });

  it('throws the server’s error', async () => {
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'unauthenticated', message: 'Sign in first.' } }));
    const failure = api.me();
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'unauthenticated', message: 'Sign in first.' });
  });

  it('says the server cannot be reached when fetch fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.health()).rejects.toMatchObject({
      status: 0,
      code: NETWORK_ERROR,
      message: expect.stringContaining('The server cannot be reached'),
    });
  });

  it('accepts an empty 204 answer', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(api.logout()).resolves.toBeUndefined();
  });

  it('rejects a success answer that is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html></html>', { status: 200 }));
    await expect(api.health()).rejects.toMatchObject({ code: UNEXPECTED_RESPONSE });
  });

  it('sends a DOCX import as multipart without setting the content type', async () => {
    const fetchMock = vi.fn(async (_path: string, _init: RequestInit) => json(201, { id: 'i1' }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new File(['docx'], 'draft.docx');
    await api.importDocx('c 1', { titles: { en: 'Draft convention' }, originalLanguage: 'en', file });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/committees/c%201/instruments/import');
    expect(init?.headers).toEqual({ Accept: 'application/json' });
    const form = init?.body as FormData;
    expect(form.get('titles')).toBe('{"en":"Draft convention"}');
    expect(form.get('originalLanguage')).toBe('en');
    expect(form.get('file')).toBeInstanceOf(File);
  });

  it('puts the language in the text query', async () => {
    const fetchMock = vi.fn(async (_path: string, _init: RequestInit) =>
      json(200, { instrumentId: 'i1', language: 'ar', text: '' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await api.instrumentText('i1', 'ar');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/instruments/i1/text?lang=ar');
  });
});
