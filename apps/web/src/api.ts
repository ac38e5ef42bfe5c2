import type {
  AcceptInvitationRequest,
  CommitteeView,
  DelegationRequest,
  DelegationView,
  DraftingSpaceRequest,
  DraftingSpaceView,
  ImportedInstrumentView,
  ImportFormat,
  InstrumentTextView,
  InstrumentView,
  InvitationRequest,
  InvitationView,
  ItemList,
  Language,
  Localized,
  LoginRequest,
  MailDelivery,
  MailMessageView,
  MailSettingsRequest,
  MailSettingsView,
  SessionRequest,
  SessionView,
  SignInView,
  TextImportRequest,
  UserView,
} from '@concord/domain';

/** A signed-in user as the API describes them. */
export type User = UserView;

/** What `login` and `accept-invitation` answer; the session itself travels in an httpOnly cookie. */
export type SignInResult = SignInView;

export type Committee = CommitteeView;

export type Session = SessionView;

export type Delegation = DelegationView;

export type Instrument = InstrumentView;

export type ImportedInstrument = ImportedInstrumentView;

export type InstrumentText = InstrumentTextView;

/** A delegation's private collaborative text on an instrument's base text. */
export type DraftingSpace = DraftingSpaceView;

export type NewDraftingSpace = DraftingSpaceRequest;

export type Invitation = InvitationView;

export type NewSession = SessionRequest;

export type NewDelegation = DelegationRequest;

export type NewInvitation = InvitationRequest;

export type { MailDelivery };

export type MailSettings = MailSettingsView;

/** An outgoing e-mail, as administrators see it. */
export type MailMessage = MailMessageView;

/** A pasted text to import, in one of the formats read from text. */
export interface TextImport extends TextImportRequest {
  readonly format: Exclude<ImportFormat, 'docx'>;
  readonly content: string;
}

export interface DocxImport {
  readonly titles: Localized;
  readonly originalLanguage: Language;
  readonly file: Blob;
}


/** The code of the error raised when no HTTP response arrived at all. */
export const NETWORK_ERROR = 'network-error';
/** The code of the error raised when the server answered with something that is not the API's JSON. */
export const UNEXPECTED_RESPONSE = 'unexpected-response';

/** An error the API reported (`{ error: { code, message } }`), or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** What exactly was wrong, when the server lists it (one line per invalid field of a request). */
  readonly details: readonly string[];

  constructor(status: number, code: string, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Builds the error for a failed response from its status and its body (already parsed, or the raw text when it
 * was not JSON). A body that does not follow the API's error shape still gives a usable error, so a proxy's
 * HTML error page never reaches the user as markup.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body['error'] : undefined;
  if (isRecord(error) && typeof error['code'] === 'string') {
    const message = typeof error['message'] === 'string' && error['message'] !== '' ? error['message'] : error['code'];
    const details = Array.isArray(error['details'])
      ? error['details'].filter((detail): detail is string => typeof detail === 'string')
      : [];
    return new ApiError(status, error['code'], message, details);
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, `The server answered with an unexpected response (HTTP ${status}).`);
}

/** The error for a request that got no response: the server is down, or the network is. */
export function networkError(): ApiError {
  return new ApiError(0, NETWORK_ERROR, 'The server cannot be reached. Check your connection and try again.');
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends one request to the API with the session cookie and returns the parsed JSON answer (`undefined` for
 * 204). Throws `ApiError` for any failure.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'include', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    // The browser sets the multipart boundary itself; a Content-Type header here would break it.
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw networkError();
  }
  let parsed: unknown;
  try {
    parsed = await readBody(response);
  } catch {
    throw networkError();
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  if (response.status !== 204 && (parsed === undefined || typeof parsed === 'string')) {
    throw toApiError(response.status, parsed);
  }
  return parsed as T;
}

const segment = encodeURIComponent;

/** The API of apps/api, one function per endpoint. */
export const api = {
  health: () => request<{ status: 'ok'; database: 'sqlite' | 'postgres' }>('GET', '/api/health'),

  login: (email: string, password: string) => request<SignInResult>('POST', '/api/auth/login', { email, password } satisfies LoginRequest),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: async () => (await request<{ user: User }>('GET', '/api/auth/me')).user,
  invite: (invitation: NewInvitation) => request<Invitation>('POST', '/api/auth/invitations', invitation),
  acceptInvitation: (token: string, password: string) =>
    request<SignInResult>('POST', '/api/auth/accept-invitation', { token, password } satisfies AcceptInvitationRequest),
  mailSettings: () => request<MailSettings>('GET', '/api/auth/me/mail'),
  updateMailSettings: (settings: MailSettingsRequest) => request<MailSettings>('PUT', '/api/auth/me/mail', settings),
  outbox: async (status: MailMessage['status']) => (await request<ItemList<MailMessage>>('GET', `/api/admin/mail?status=${status}`)).items,
  retryMail: (id: string) => request<MailMessage>('POST', `/api/admin/mail/${segment(id)}/retry`),

  committees: async () => (await request<ItemList<Committee>>('GET', '/api/committees')).items,
  committee: (id: string) => request<Committee>('GET', `/api/committees/${segment(id)}`),
  users: async (committeeId: string) =>
    (await request<ItemList<User>>('GET', `/api/committees/${segment(committeeId)}/users`)).items,

  sessions: async (committeeId: string) =>
    (await request<ItemList<Session>>('GET', `/api/committees/${segment(committeeId)}/sessions`)).items,
  createSession: (committeeId: string, session: NewSession) =>
    request<Session>('POST', `/api/committees/${segment(committeeId)}/sessions`, session),

  delegations: async (committeeId: string) =>
    (await request<ItemList<Delegation>>('GET', `/api/committees/${segment(committeeId)}/delegations`)).items,
  createDelegation: (committeeId: string, delegation: NewDelegation) =>
    request<Delegation>('POST', `/api/committees/${segment(committeeId)}/delegations`, delegation),

  instruments: async (committeeId: string) =>
    (await request<ItemList<Instrument>>('GET', `/api/committees/${segment(committeeId)}/instruments`)).items,
  importText: (committeeId: string, source: TextImport) =>
    request<ImportedInstrument>('POST', `/api/committees/${segment(committeeId)}/instruments/import`, source),
  importDocx: (committeeId: string, source: DocxImport) => {
    const form = new FormData();
    form.set('titles', JSON.stringify(source.titles));
    form.set('originalLanguage', source.originalLanguage);
    form.set('file', source.file);
    return request<ImportedInstrument>('POST', `/api/committees/${segment(committeeId)}/instruments/import`, form);
  },
  instrument: (instrumentId: string) => request<Instrument>('GET', `/api/instruments/${segment(instrumentId)}`),
  instrumentText: (instrumentId: string, language: Language) =>
    request<InstrumentText>('GET', `/api/instruments/${segment(instrumentId)}/text?lang=${segment(language)}`),

  draftingSpaces: async () => (await request<ItemList<DraftingSpace>>('GET', '/api/drafting-spaces')).items,
  draftingSpace: (id: string) => request<DraftingSpace>('GET', `/api/drafting-spaces/${segment(id)}`),
  createDraftingSpace: (instrumentId: string, space: NewDraftingSpace) =>
    request<DraftingSpace>('POST', `/api/instruments/${segment(instrumentId)}/drafting-spaces`, space),
};
