/**
 * The holder of a post, as the office names them (issue 15): typing a name searches the persons who
 * already exist (`GET /api/bodies/:bodyId/person-choices` — created for an account by the security
 * administrator, or sitting in a body the office sees) and offers them to pick; a pick links the
 * post to that person by id. Without a pick, the typed name creates a new person — and where
 * persons of exactly that name exist, the picker says so, so that nobody is created twice.
 */
import { useEffect, useState } from 'react';
import { AutoComplete, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { todayInShanghai } from '../common/today.ts';
import { findPersonChoices, type PersonChoice } from './membership-changes-api.ts';

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY_MS = 250;

/** The posts a choice holds today (else those held before) in the bodies the office sees, as one line. */
function postsLine(choice: PersonChoice, today: string, words: { none: string; former: string }): string {
  const post = (m: PersonChoice['memberships'][number]) => `${m.bodyName} ${m.unitName ?? ''}${m.title}`;
  const current = choice.memberships.filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo > today));
  if (current.length > 0) return current.map(post).join('；');
  if (choice.memberships.length > 0) return `${words.former} ${choice.memberships.map(post).join('；')}`;
  return words.none;
}

export interface PersonPickerProps {
  bodyId: string;
  /** The typed name (the form field's value, given by Form.Item) */
  value?: string;
  onChange?: (name: string) => void;
  /** The existing person picked, or null for a new person of the typed name */
  picked: PersonChoice | null;
  onPick: (choice: PersonChoice | null) => void;
  id?: string;
  maxLength?: number;
}

/** A name field that offers the existing persons of that name; see the module comment. */
export function PersonPicker({ bodyId, value = '', onChange, picked, onPick, id, maxLength = 50 }: PersonPickerProps) {
  const { t } = useI18n();
  const typed = value.trim();
  const [search, setSearch] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const choices = useQuery({
    queryKey: ['person-choices', bodyId, search],
    queryFn: () => findPersonChoices(bodyId, search),
    enabled: search !== '',
    retry: false,
    staleTime: 30_000,
  });
  const items = search === '' ? [] : (choices.data?.items ?? []);
  const today = todayInShanghai();
  const words = { none: t('posts.noPost'), former: t('posts.formerPost') };
  const sameName = picked === null && typed !== '' && search === typed ? items.filter((c) => c.name === typed).length : 0;

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <AutoComplete
        id={id}
        value={value}
        virtual={false}
        maxLength={maxLength}
        options={items.map((choice) => ({
          value: choice.id,
          label: (
            <span data-person-choice={choice.id}>
              <Typography.Text strong>{choice.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">{postsLine(choice, today, words)}</Typography.Text>
              {choice.hasAccount && (
                <Tag style={{ marginInlineStart: 8 }} color="blue">
                  {t('posts.hasAccount')}
                </Tag>
              )}
            </span>
          ),
        }))}
        onChange={(text: string) => {
          const chosen = items.find((choice) => choice.id === text);
          onPick(chosen ?? null);
          onChange?.(chosen === undefined ? text : chosen.name);
        }}
      />
      {picked !== null ? (
        <Typography.Text type="success" data-testid="person-picked">
          {t('posts.pickedPerson', { name: `${picked.name}（${postsLine(picked, today, words)}${picked.hasAccount ? `，${t('posts.hasAccount')}` : ''}）` })}
        </Typography.Text>
      ) : sameName > 0 ? (
        <Typography.Text type="warning" data-testid="person-same-name">
          {t('posts.sameNameExists', { count: sameName })}
        </Typography.Text>
      ) : typed !== '' ? (
        <Typography.Text type="secondary" data-testid="person-new">
          {t('posts.newPerson', { name: typed })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('posts.personHint')}</Typography.Text>
      )}
    </Space>
  );
}
