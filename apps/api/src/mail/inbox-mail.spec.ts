import { INBOX_KINDS, LANGUAGES, type InboxItemView } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { inboxMail } from './inbox-mail';

const FACTS = { title: 'Article 4', from: 'EGY', text: 'Rev.1', deadline: '2027-02-01T17:00:00.000Z', thread: 't1', quote: 'SECRET QUOTED TEXT', by: 'Amina', period: 'Call 1', number: '3.2', disposition: 'accepted-in-part', status: 'presented-as-option' };

describe('inbox items as e-mail', () => {
  for (const language of LANGUAGES) {
    it(`writes every kind in ${language}, with the link and without the quoted text`, () => {
      for (const kind of INBOX_KINDS) {
        const item: InboxItemView = { id: 'i', kind, link: '/proposals/p1', facts: FACTS, createdAt: '2027-01-01T00:00:00Z', readAt: null };
        const mail = inboxMail(item, language, 'https://concord.example');
        expect(mail.subject).not.toMatch(/undefined|\{|\}/);
        expect(mail.text).toContain('https://concord.example/proposals/p1');
        expect(mail.text).not.toContain('SECRET QUOTED TEXT');
        expect(mail.subject).not.toContain('accepted-in-part');
        expect(mail.subject).not.toContain('presented-as-option');
      }
    });
  }
});
