import { pickLocalized, type Language } from '@concord/domain';
import type { DelegationInfo, ProposalAttribution } from './types';

/** The delegations behind a text, by role; each delegation appears in one role only. */
export interface Attribution {
  readonly proposers: readonly string[];
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
}

interface Template {
  readonly proposed: (names: string) => string;
  readonly coSponsored: (names: string) => string;
  readonly supported: (names: string) => string;
  /** Between the proposers and the co-sponsors ("Proposed by Egypt, co-sponsored by …"). */
  readonly coSeparator: string;
  /** Before the supporters ("…; supported by Brazil"). */
  readonly separator: string;
  readonly list: (names: readonly string[]) => string;
  readonly members: (group: string, members: string) => string;
}

/** "A", "A and B", "A, B and C", with the language's conjunction and comma. */
function joiner(comma: string, and: string): (names: readonly string[]) => string {
  return (names) => {
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(comma)}${and}${names[names.length - 1]}`;
  };
}

const TEMPLATES: { readonly [L in Language]: Template } = {
  en: {
    proposed: (names) => `Proposed by ${names}`,
    coSponsored: (names) => `co-sponsored by ${names}`,
    supported: (names) => `supported by ${names}`,
    coSeparator: ', ',
    separator: '; ',
    list: joiner(', ', ' and '),
    members: (group, members) => `${group} (${members})`,
  },
  // Names are given without articles ("Proposé par : Égypte"), which the colon makes correct French.
  fr: {
    proposed: (names) => `Proposé par : ${names}`,
    coSponsored: (names) => `coparrainé par : ${names}`,
    supported: (names) => `appuyé par : ${names}`,
    coSeparator: ', ',
    separator: ' ; ',
    list: joiner(', ', ' et '),
    members: (group, members) => `${group} (${members})`,
  },
  es: {
    proposed: (names) => `Propuesto por: ${names}`,
    coSponsored: (names) => `copatrocinado por: ${names}`,
    supported: (names) => `apoyado por: ${names}`,
    coSeparator: ', ',
    separator: '; ',
    list: joiner(', ', ' y '),
    members: (group, members) => `${group} (${members})`,
  },
  ru: {
    proposed: (names) => `Предложено: ${names}`,
    coSponsored: (names) => `соавторы: ${names}`,
    supported: (names) => `поддержано: ${names}`,
    coSeparator: ', ',
    separator: '; ',
    list: joiner(', ', ' и '),
    members: (group, members) => `${group} (${members})`,
  },
  zh: {
    proposed: (names) => `提案方：${names}`,
    coSponsored: (names) => `共同提案方：${names}`,
    supported: (names) => `支持方：${names}`,
    coSeparator: '，',
    separator: '；',
    list: joiner('、', '和'),
    members: (group, members) => `${group}（${members}）`,
  },
  // Arabic joins every item with "و", written against the following name.
  ar: {
    proposed: (names) => `مقترح من ${names}`,
    coSponsored: (names) => `شاركت في تقديمه ${names}`,
    supported: (names) => `أيدته ${names}`,
    coSeparator: '، ',
    separator: '؛ ',
    list: (names) => names.join(' و'),
    members: (group, members) => `${group} (${members})`,
  },
};

/** A delegation's name in a language, its code when no name is known. */
export function delegationName(code: string, language: Language, delegations: ReadonlyMap<string, DelegationInfo>): string {
  const info = delegations.get(code);
  return (info && pickLocalized(info.names, language)) ?? code;
}

/**
 * The footnote text naming who is behind a text, e.g. "Proposed by Egypt, co-sponsored by Brazil and China;
 * supported by the European Union and its member States (Austria, Belgium and France)". A group is followed by
 * its members. Templates exist for the six official languages; unknown codes are printed as they are.
 */
export function formatAttribution(attribution: Attribution, language: Language, delegations: ReadonlyMap<string, DelegationInfo> = new Map()): string {
  const template = TEMPLATES[language];
  const names = (codes: readonly string[]): string =>
    template.list(
      codes.map((code) => {
        const name = delegationName(code, language, delegations);
        const members = delegations.get(code)?.members ?? [];
        if (members.length === 0) return name;
        return template.members(name, template.list(members.map((member) => delegationName(member, language, delegations))));
      }),
    );
  const sponsors: string[] = [];
  if (attribution.proposers.length > 0) sponsors.push(template.proposed(names(attribution.proposers)));
  if (attribution.coSponsors.length > 0) sponsors.push(template.coSponsored(names(attribution.coSponsors)));
  const parts = sponsors.length > 0 ? [sponsors.join(template.coSeparator)] : [];
  if (attribution.supporters.length > 0) parts.push(template.supported(names(attribution.supporters)));
  return parts.join(template.separator);
}

/**
 * The attribution of a text that one or several proposals put forward (identical formulations fold into one):
 * their sponsors as proposers, then the co-sponsors and supporters not already named, each once, in order.
 */
export function attributionOf(proposals: readonly ProposalAttribution[]): Attribution {
  const seen = new Set<string>();
  const take = (codes: readonly string[]): string[] => {
    const fresh: string[] = [];
    for (const code of codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      fresh.push(code);
    }
    return fresh;
  };
  const proposers = take(proposals.map((proposal) => proposal.sponsor));
  const coSponsors = take(proposals.flatMap((proposal) => proposal.coSponsors));
  const supporters = take(proposals.flatMap((proposal) => proposal.supporters));
  return { proposers, coSponsors, supporters };
}

/** The delegations of an attribution in order: proposers, co-sponsors, supporters. */
export function attributionCodes(attribution: Attribution): readonly string[] {
  return [...attribution.proposers, ...attribution.coSponsors, ...attribution.supporters];
}
