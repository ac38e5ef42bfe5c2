import type { Language, Localized, Role } from '@concord/domain';
import { importText } from '@concord/export';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { CommitteeSession } from '../committees/committee-session.entity';
import { Committee } from '../committees/committee.entity';
import { Delegation } from '../delegations/delegation.entity';
import { GroupMembership } from '../delegations/group-membership.entity';
import { InstrumentText } from '../instruments/instrument-text.entity';
import { Instrument } from '../instruments/instrument.entity';
import type { ServerKey } from '../signing/server-key';
import { DEMO_CONVENTION } from './demo-text';

/** The password of every demo account; printed at start, and only ever used on a demo database. */
export const DEMO_PASSWORD = 'concord-demo-2026';

/** The demo committee, for the start-up banner and for playing its negotiation. */
export interface DemoSeed {
  readonly committee: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  /** Whether this start created it (false: an earlier start did). */
  readonly created: boolean;
  readonly password: string;
  readonly logins: readonly { readonly email: string; readonly description: string }[];
}

interface DelegationSeed {
  readonly code: string;
  readonly kind: string;
  readonly names: Localized;
  readonly groups?: readonly string[];
}

const DELEGATIONS: readonly DelegationSeed[] = [
  { code: 'SECRETARIAT', kind: 'secretariat', names: { ar: 'الأمانة', zh: '秘书处', en: 'Secretariat', fr: 'Secrétariat', ru: 'Секретариат', es: 'Secretaría' } },
  { code: 'EU', kind: 'group', names: { ar: 'الاتحاد الأوروبي ودوله الأعضاء', zh: '欧洲联盟及其成员国', en: 'European Union and its member States', fr: 'Union européenne et ses États membres', ru: 'Европейский союз и его государства-члены', es: 'Unión Europea y sus Estados miembros' } },
  { code: 'EGY', kind: 'member-state', names: { ar: 'مصر', zh: '埃及', en: 'Egypt', fr: 'Égypte', ru: 'Египет', es: 'Egipto' } },
  { code: 'FRA', kind: 'member-state', names: { ar: 'فرنسا', zh: '法国', en: 'France', fr: 'France', ru: 'Франция', es: 'Francia' }, groups: ['EU'] },
  { code: 'DEU', kind: 'member-state', names: { ar: 'ألمانيا', zh: '德国', en: 'Germany', fr: 'Allemagne', ru: 'Германия', es: 'Alemania' }, groups: ['EU'] },
  { code: 'BRA', kind: 'member-state', names: { ar: 'البرازيل', zh: '巴西', en: 'Brazil', fr: 'Brésil', ru: 'Бразилия', es: 'Brasil' } },
  { code: 'CHN', kind: 'member-state', names: { ar: 'الصين', zh: '中国', en: 'China', fr: 'Chine', ru: 'Китай', es: 'China' } },
  { code: 'RUS', kind: 'member-state', names: { ar: 'الاتحاد الروسي', zh: '俄罗斯联邦', en: 'Russian Federation', fr: 'Fédération de Russie', ru: 'Российская Федерация', es: 'Federación de Rusia' } },
  { code: 'USA', kind: 'member-state', names: { ar: 'الولايات المتحدة الأمريكية', zh: '美利坚合众国', en: 'United States of America', fr: "États-Unis d'Amérique", ru: 'Соединенные Штаты Америки', es: 'Estados Unidos de América' } },
  { code: 'COE', kind: 'observer-organization', names: { ar: 'مجلس أوروبا', zh: '欧洲委员会', en: 'Council of Europe', fr: "Conseil de l'Europe", ru: 'Совет Европы', es: 'Consejo de Europa' } },
];

const USERS: readonly { email: string; name: string; roles: Role[]; delegation: string | null; description: string }[] = [
  { email: 'secretariat@concord.test', name: 'Lena Okafor', roles: ['secretariat'], delegation: 'SECRETARIAT', description: 'secretariat officer' },
  { email: 'chair@concord.test', name: 'Faouzia Boumaiza Mebarki', roles: ['chair'], delegation: null, description: 'Chair of the committee' },
  { email: 'egypt.head@concord.test', name: 'Ahmed Farouk', roles: ['head-of-delegation'], delegation: 'EGY', description: 'head of the delegation of Egypt' },
  { email: 'egypt.delegate@concord.test', name: 'Mona Saleh', roles: ['delegate'], delegation: 'EGY', description: 'delegate of Egypt' },
  { email: 'eu.head@concord.test', name: 'Ingrid Vogel', roles: ['head-of-delegation'], delegation: 'EU', description: 'head of the delegation of the EU' },
  { email: 'france.delegate@concord.test', name: 'Camille Laurent', roles: ['delegate'], delegation: 'FRA', description: 'delegate of France' },
  { email: 'brazil.head@concord.test', name: 'Rafael Costa', roles: ['head-of-delegation'], delegation: 'BRA', description: 'head of the delegation of Brazil' },
  { email: 'brazil.delegate@concord.test', name: 'Beatriz Almeida', roles: ['delegate'], delegation: 'BRA', description: 'delegate of Brazil' },
  { email: 'china.head@concord.test', name: 'Li Wei', roles: ['head-of-delegation'], delegation: 'CHN', description: 'head of the delegation of China' },
  { email: 'observer@concord.test', name: 'Tomás Rivera', roles: ['observer'], delegation: 'COE', description: 'observer (Council of Europe)' },
  { email: 'admin@concord.test', name: 'Site Administrator', roles: ['admin'], delegation: null, description: 'administrator' },
];

const COMMITTEE_NAME = 'Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of ICTs for Criminal Purposes';

/**
 * Fills an empty database with a demo committee: its first session, delegations in the six languages (with the EU
 * as a group), one account per role and a draft convention. A database holding any committee gets nothing: the
 * demo committee created by an earlier start is returned as such (`created` false), any other means null.
 */
export async function seedDemo(dataSource: DataSource, key: ServerKey): Promise<DemoSeed | null> {
  if ((await dataSource.getRepository(Committee).count()) > 0) return existingDemo(dataSource);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const audit = new AuditService(new AuditRepository(dataSource), key);
  const now = new Date();
  const name = COMMITTEE_NAME;
  const ids = { committee: '', instrument: '' };
  await dataSource.transaction(async (manager) => {
    const committee = Object.assign(new Committee(), { id: randomUUID(), name, symbolPrefix: 'A/AC.291', description: 'Established by General Assembly resolution 74/247.', createdAt: now, updatedAt: now });
    await save(manager, audit, 'committee', committee.id, committee);
    ids.committee = committee.id;
    const deadline = new Date(now.getTime() + 21 * 86_400_000);
    const session = Object.assign(new CommitteeSession(), {
      id: randomUUID(),
      committeeId: committee.id,
      number: 1,
      title: 'First session',
      venue: 'New York',
      startDate: day(new Date(now.getTime() + 35 * 86_400_000)),
      endDate: day(new Date(now.getTime() + 46 * 86_400_000)),
      proposalDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    });
    await save(manager, audit, 'session', session.id, session);
    const byCode = new Map<string, Delegation>();
    for (const seed of DELEGATIONS) {
      const delegation = Object.assign(new Delegation(), { id: randomUUID(), committeeId: committee.id, code: seed.code, kind: seed.kind, names: seed.names, createdAt: now, updatedAt: now });
      byCode.set(seed.code, delegation);
      await save(manager, audit, 'delegation', delegation.id, delegation);
      for (const group of seed.groups ?? []) {
        await manager.getRepository(GroupMembership).insert({ groupId: byCode.get(group)?.id ?? '', memberId: delegation.id });
      }
    }
    for (const seed of USERS) {
      const user = Object.assign(new User(), {
        id: randomUUID(),
        committeeId: committee.id,
        email: seed.email,
        displayName: seed.name,
        delegationId: seed.delegation ? (byCode.get(seed.delegation)?.id ?? null) : null,
        roles: seed.roles,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await manager.getRepository(User).insert(user);
      await audit.record(manager, { actorId: null, action: 'seed.user', entityType: 'user', entityId: user.id, after: { email: user.email, roles: user.roles } });
    }
    const language: Language = 'en';
    const { doc } = importText(DEMO_CONVENTION, { language, format: 'text' });
    const instrument = Object.assign(new Instrument(), {
      id: randomUUID(),
      committeeId: committee.id,
      titles: {
        en: 'Draft convention on countering the use of ICTs for criminal purposes',
        fr: "Projet de convention sur la lutte contre l'utilisation des TIC à des fins criminelles",
        es: 'Proyecto de convención sobre la lucha contra la utilización de las TIC con fines delictivos',
        ru: 'Проект конвенции о противодействии использованию ИКТ в преступных целях',
        zh: '关于打击为犯罪目的使用信通技术的公约草案',
        ar: 'مشروع اتفاقية بشأن مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية',
      },
      originalLanguage: language,
      createdAt: now,
      updatedAt: now,
    });
    await save(manager, audit, 'instrument', instrument.id, instrument);
    ids.instrument = instrument.id;
    await manager.getRepository(InstrumentText).insert({ instrumentId: instrument.id, language, doc: JSON.stringify(doc), createdAt: now });
  });
  return { committee: name, committeeId: ids.committee, instrumentId: ids.instrument, created: true, password: DEMO_PASSWORD, logins: demoLogins() };
}

function demoLogins(): DemoSeed['logins'] {
  return USERS.map((u) => ({ email: u.email, description: u.description }));
}

/** The demo committee an earlier start created, found by its secretariat account; null for any other database. */
async function existingDemo(dataSource: DataSource): Promise<DemoSeed | null> {
  const secretariat = await dataSource.getRepository(User).findOneBy({ email: USERS[0].email });
  const committee = secretariat ? await dataSource.getRepository(Committee).findOneBy({ id: secretariat.committeeId, name: COMMITTEE_NAME }) : null;
  if (!committee) return null;
  const instrument = await dataSource.getRepository(Instrument).findOne({ where: { committeeId: committee.id }, order: { createdAt: 'ASC' } });
  if (!instrument) return null;
  return { committee: committee.name, committeeId: committee.id, instrumentId: instrument.id, created: false, password: DEMO_PASSWORD, logins: demoLogins() };
}

async function save(manager: EntityManager, audit: AuditService, entityType: string, id: string, row: object): Promise<void> {
  await manager.save(row);
  await audit.record(manager, { actorId: null, action: `seed.${entityType}`, entityType, entityId: id, after: row });
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
