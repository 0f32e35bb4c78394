/** Localised names for the knowledge base's closed vocabularies (entity, event and link types). */
import type { EntityType, EventType } from '@/utils/kb/schema';
import type { EntityGroupKey } from './entity-types';
import { formatDate } from './format';
import { t, type MessageKey } from './i18n';

const typeKeys: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  country: 'typeCountry',
  region: 'typeRegion',
  city: 'typeCity',
  place: 'typePlace',
  organisation: 'typeOrganisation',
};

const groupKeys: Record<EntityGroupKey, MessageKey> = {
  people: 'groupPeople',
  countries: 'groupCountries',
  places: 'groupPlaces',
  organisations: 'groupOrganisations',
};

const eventTypeKeys: Record<EventType, MessageKey> = {
  summit: 'eventTypeSummit',
  call: 'eventTypeCall',
  talks: 'eventTypeTalks',
  meeting: 'eventTypeMeeting',
  agreement: 'eventTypeAgreement',
  sanctions: 'eventTypeSanctions',
  election: 'eventTypeElection',
  attack: 'eventTypeAttack',
  statement: 'eventTypeStatement',
  visit: 'eventTypeVisit',
  inauguration: 'eventTypeInauguration',
  government: 'eventTypeGovernment',
  disaster: 'eventTypeDisaster',
  crisis: 'eventTypeCrisis',
};

/** How an event relates to a linked one, seen from the event shown ('to') or from the other ('from'). */
const linkKeys: Record<string, { to: MessageKey; from: MessageKey }> = {
  follows: { to: 'linkFollows', from: 'linkFollowedBy' },
  cancels: { to: 'linkCancels', from: 'linkCancelledBy' },
  prepares: { to: 'linkPrepares', from: 'linkPreparedBy' },
  'responds-to': { to: 'linkRespondsTo', from: 'linkAnsweredBy' },
};

/** "Person", "Country"…; the raw type for one this UI does not know. */
export const typeLabel = (type: string): string => (type in typeKeys ? t(typeKeys[type as EntityType]) : type);

export const groupLabel = (group: EntityGroupKey): string => t(groupKeys[group]);

export const eventTypeLabel = (type: string): string => (type in eventTypeKeys ? t(eventTypeKeys[type as EventType]) : type);

/** "Follows", "Followed by"…; the raw link type for one this UI does not know. */
export function linkLabel(type: string, direction: 'to' | 'from'): string {
  const keys = linkKeys[type];
  return keys ? t(keys[direction]) : type;
}

/** "20 Jan 2025 – 3 Mar 2026", "since 20 Jan 2025", "until 2019"; '' when neither is known. */
export function roleSpanLabel(start?: string, end?: string): string {
  if (start && end) return t('roleSpan', formatDate(start), formatDate(end));
  if (start) return t('roleSince', formatDate(start));
  if (end) return t('roleUntil', formatDate(end));
  return '';
}

/** "President, United States" unless the title already names what it belongs to. */
export const roleTitle = (title: string, ofName?: string): string =>
  ofName && !title.includes(ofName) ? t('roleOf', title, ofName) : title;
