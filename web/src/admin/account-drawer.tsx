/**
 * One account, managed by the security administrator: its state (unlock, disable / enable, reset
 * password), its system role (at most one: 三员分立), its directly granted roles in bodies, and the
 * person it is linked to (with the body roles held through that person). An administrator account
 * is never linked to a person (三员分立), so the drawer does not offer it.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Descriptions, Divider, Drawer, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listBodies } from '../bodies/bodies-api.ts';
import {
  disableAccount,
  enableAccount,
  getAccount,
  grantRole,
  GRANTABLE_BODY_ROLES,
  createPerson,
  linkPerson,
  resetPassword,
  searchPeople,
  resetSecondFactor,
  revokeRole,
  SYSTEM_ROLES,
  unlockAccount,
  type Account,
  type AccountPerson,
  type AccountWithPassword,
  type PersonCandidate,
  type BodyGrantRole,
  type SystemRole,
} from './admin-api.ts';
import { AccountStatusTags, isLocked } from './account-status.tsx';

type Grant = Account['bodyGrants'][number];

interface AccountDrawerProps {
  accountId: string | null;
  onClose: () => void;
  onPasswordReset: (result: AccountWithPassword) => void;
}

export function AccountDrawer({ accountId, onClose, onPasswordReset }: AccountDrawerProps) {
  const { t, count } = useI18n();
  const open = accountId !== null;
  const account = useQuery({ queryKey: ['account', accountId], queryFn: () => getAccount(accountId ?? ''), enabled: open });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      rootClassName="lx-account-drawer"
      title={account.data === undefined ? t('nav.accounts') : t('accounts.detail.title', { name: count(account.data.displayName, account.data.username) })}
      destroyOnHidden
    >
      {account.isPending && open && <Spin description={t('app.loading')} />}
      {account.isError && <ErrorAlert error={account.error} />}
      {account.data !== undefined && <AccountPanel account={account.data} onPasswordReset={onPasswordReset} />}
    </Drawer>
  );
}

function AccountPanel({ account, onPasswordReset }: { account: Account; onPasswordReset: (result: AccountWithPassword) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [systemRole, setSystemRole] = useState<SystemRole | undefined>();
  const [grantBody, setGrantBody] = useState<string | undefined>();
  const [grantRoleValue, setGrantRoleValue] = useState<BodyGrantRole>('office_staff');
  const [bodySearch, setBodySearch] = useState('');
  const bodyNames = useBodyNames(bodySearch);
  const [personPick, setPersonPick] = useState<string | undefined>();

  const changed = (next: Account) => {
    queryClient.setQueryData(['account', account.id], next);
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    void message.success(t('accounts.done'));
  };
  const action = useMutation({
    mutationFn: (run: () => Promise<Account>) => run(),
    onSuccess: changed,
  });
  const reset = useMutation({
    mutationFn: () => resetPassword(account.id),
    onSuccess: (result) => {
      changed(result.account);
      onPasswordReset(result);
    },
  });
  const busy = action.isPending || reset.isPending;
  const error = action.error ?? reset.error;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error !== null && <ErrorAlert error={error} />}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'username', label: t('accounts.column.username'), children: account.username },
          { key: 'displayName', label: t('accounts.column.displayName'), children: account.displayName },
          {
            key: 'status',
            label: t('accounts.column.status'),
            children: (
              <Space orientation="vertical" size={2}>
                <AccountStatusTags account={account} />
                {isLocked(account) && account.lockedUntil !== null && (
                  <Typography.Text type="secondary">{t('accounts.detail.lockedUntil', { time: dayjs(account.lockedUntil).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'lastSignIn',
            label: t('accounts.column.lastSignIn'),
            children: account.lastSignInAt === null ? t('accounts.never') : dayjs(account.lastSignInAt).format('YYYY-MM-DD HH:mm'),
          },
          { key: 'person', label: t('accounts.detail.person'), children: <PersonRoles person={account.person} /> },
        ]}
      />

      <Divider titlePlacement="start" plain>
        {t('accounts.detail.person')}
      </Divider>
      {account.systemRoles.length > 0 ? (
        <Typography.Text type="secondary" data-testid="person-link-refused">
          {t('accounts.person.administrator')}
        </Typography.Text>
      ) : (
        <Space wrap>
          <PersonPicker value={personPick} onChange={setPersonPick} disabled={busy} />
          <Button
            type="primary"
            disabled={personPick === undefined || personPick === account.personId || busy}
            onClick={() => personPick !== undefined && action.mutate(() => linkPerson(account.id, personPick))}
          >
            {t('accounts.person.link')}
          </Button>
          {account.personId !== null && (
            <Popconfirm
              title={t('accounts.person.unlinkConfirm', { name: account.person?.name ?? '' })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => action.mutate(() => linkPerson(account.id, null))}
            >
              <Button danger disabled={busy}>
                {t('accounts.person.unlink')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}

      <Divider titlePlacement="start" plain>
        {t('accounts.detail.security')}
      </Divider>
      <Space wrap>
        {isLocked(account) && (
          <Button disabled={busy} onClick={() => action.mutate(() => unlockAccount(account.id))}>
            {t('accounts.unlock')}
          </Button>
        )}
        {account.disabled ? (
          <Button disabled={busy} onClick={() => action.mutate(() => enableAccount(account.id))}>
            {t('accounts.enable')}
          </Button>
        ) : (
          <Popconfirm title={t('accounts.disableConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => action.mutate(() => disableAccount(account.id))}>
            <Button danger disabled={busy}>
              {t('accounts.disable')}
            </Button>
          </Popconfirm>
        )}
        <Popconfirm title={t('accounts.resetConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => reset.mutate()}>
          <Button disabled={busy}>{t('accounts.resetPassword')}</Button>
        </Popconfirm>
        {account.secondFactorEnrolled && (
          <Popconfirm title={t('security.totp.resetConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => action.mutate(() => resetSecondFactor(account.id))}>
            <Button disabled={busy}>{t('security.totp.reset')}</Button>
          </Popconfirm>
        )}
      </Space>

      <Divider titlePlacement="start" plain>
        {t('accounts.detail.systemRole')}
      </Divider>
      {account.systemRoles.length === 0 ? (
        <Space wrap>
          <Typography.Text type="secondary">{t('accounts.detail.noSystemRole')}</Typography.Text>
          <Select<SystemRole>
            aria-label={t('accounts.detail.grantSystemRole')}
            placeholder={t('accounts.detail.grantSystemRole')}
            value={systemRole}
            onChange={setSystemRole}
            style={{ minWidth: 160 }}
            options={SYSTEM_ROLES.map((role) => ({ value: role, label: t(`role.system.${role}`) }))}
          />
          <Button
            type="primary"
            disabled={systemRole === undefined || busy}
            onClick={() => systemRole !== undefined && action.mutate(() => grantRole(account.id, { kind: 'system', role: systemRole }))}
          >
            {t('accounts.detail.grant')}
          </Button>
        </Space>
      ) : (
        <Space wrap>
          {account.systemRoles.map((role) => (
            <Space key={role} size={4}>
              <Tag color="geekblue">{t(`role.system.${role}`)}</Tag>
              <Popconfirm
                title={t('accounts.detail.revokeConfirm', { role: t(`role.system.${role}`) })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => action.mutate(() => revokeRole(account.id, { kind: 'system', role }))}
              >
                <Button size="small" danger disabled={busy}>
                  {t('accounts.detail.revoke')}
                </Button>
              </Popconfirm>
            </Space>
          ))}
        </Space>
      )}

      <Divider titlePlacement="start" plain>
        {t('accounts.detail.bodyGrants')}
      </Divider>
      <Table<Grant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={account.bodyGrants}
        locale={{ emptyText: t('accounts.detail.noBodyGrants') }}
        columns={[
          { title: t('accounts.detail.body'), key: 'body', render: (_value, grant) => grant.bodyName },
          { title: t('accounts.detail.role'), key: 'role', render: (_value, grant) => t(`role.body.${grant.role}`) },
          { title: t('accounts.detail.grantedAt'), key: 'grantedAt', render: (_value, grant) => dayjs(grant.grantedAt).format('YYYY-MM-DD') },
          {
            title: t('accounts.column.actions'),
            key: 'revoke',
            render: (_value, grant) => (
              <Popconfirm
                title={t('accounts.detail.revokeConfirm', { role: `${grant.bodyName} · ${t(`role.body.${grant.role}`)}` })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => action.mutate(() => revokeRole(account.id, { kind: 'body', bodyId: grant.bodyId, role: grant.role }))}
              >
                <Button size="small" danger disabled={busy}>
                  {t('accounts.detail.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Space wrap>
        <Select<string>
          aria-label={t('accounts.detail.pickBody')}
          placeholder={t('accounts.detail.pickBody')}
          showSearch={{ filterOption: false, onSearch: setBodySearch }}
          value={grantBody}
          onChange={setGrantBody}
          loading={bodyNames.loading}
          style={{ width: 300, maxWidth: '100%' }}
          options={bodyNames.options}
        />
        <Select<BodyGrantRole>
          aria-label={t('accounts.detail.pickRole')}
          value={grantRoleValue}
          onChange={setGrantRoleValue}
          style={{ minWidth: 140 }}
          options={GRANTABLE_BODY_ROLES.map((role) => ({ value: role, label: t(`role.body.${role}`) }))}
        />
        <Button
          type="primary"
          disabled={grantBody === undefined || busy}
          onClick={() => grantBody !== undefined && action.mutate(() => grantRole(account.id, { kind: 'body', bodyId: grantBody, role: grantRoleValue }))}
        >
          {t('accounts.detail.grant')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('accounts.detail.membershipHint')}</Typography.Text>
    </Space>
  );
}

/** Bodies for the body picker: the bodies matching `search` (server-side). Grants carry their body's name. */
function useBodyNames(search: string) {
  const bodies = useQuery({
    queryKey: ['bodies', { limit: 200, q: search }],
    queryFn: () => listBodies({ limit: 200, ...(search.trim() === '' ? {} : { q: search.trim() }) }),
  });
  return {
    loading: bodies.isFetching,
    options: (bodies.data?.items ?? []).map((body) => ({ value: body.id, label: body.name })),
  };
}

/** The linked person's name and the body roles held through that person today, or "not linked". */
export function PersonRoles({ person }: { person: AccountPerson | null }) {
  const { t } = useI18n();
  if (person === null) return <Typography.Text type="secondary">{t('accounts.detail.noPerson')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} data-testid="account-person">
      <Typography.Text strong>{person.name}</Typography.Text>
      {person.roles.length === 0 ? (
        <Typography.Text type="secondary">{t('accounts.person.noRoles')}</Typography.Text>
      ) : (
        person.roles.map((role) => (
          <span key={role.membershipId}>
            <Tag color={role.roleKind === 'convener' ? 'red' : role.roleKind === 'deputy_convener' ? 'volcano' : 'blue'}>{role.title}</Tag>
            {role.bodyName}
            {role.unitName !== null && <Typography.Text type="secondary">{`（${role.unitName}）`}</Typography.Text>}
          </span>
        ))
      )}
    </Space>
  );
}

const NEW_PERSON = 'new:';

/** A person's label in the picker: name, then the posts held (body · title · unit), then linked accounts. */
function candidateLabel(person: PersonCandidate, t: Translate): string {
  const posts = person.memberships
    .filter((m) => m.validTo === null)
    .map((m) => `${m.bodyName}·${m.title}${m.unitName === null ? '' : `（${m.unitName}）`}`);
  const linked = person.accounts.length === 0 ? '' : ` · ${t('accounts.person.linkedTo', { accounts: person.accounts.map((a) => a.username).join('、') })}`;
  return `${person.name}${posts.length === 0 ? '' : ` — ${posts.join('；')}`}${linked}`;
}

/**
 * Picks a person by name or unit (server-side search); offers to create a person of the typed name
 * when none is wanted of those found. `onChange` receives the person's id (a new person is created first).
 */
export function PersonPicker({
  value,
  onChange,
  disabled = false,
  id,
  onPicked,
}: {
  value?: string | undefined;
  onChange?: (personId: string | undefined) => void;
  disabled?: boolean;
  id?: string;
  onPicked?: (person: { id: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ['people-search', search.trim()], queryFn: () => searchPeople(search) });
  const create = useMutation({
    mutationFn: (name: string) => createPerson(name),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['people-search'] });
      setSearch(person.name);
      onPicked?.(person);
      onChange?.(person.id);
    },
  });
  const options = useMemo(() => {
    const found = (people.data?.items ?? []).map((person) => ({ value: person.id, label: candidateLabel(person, t) }));
    const name = search.trim();
    const exact = (people.data?.items ?? []).some((person) => person.name === name);
    return name === '' || exact ? found : [...found, { value: `${NEW_PERSON}${name}`, label: t('accounts.person.create', { name }) }];
  }, [people.data, search, t]);
  return (
    <Space orientation="vertical" size={4} style={{ width: 360, maxWidth: '100%' }}>
      <Select<string>
        {...(id === undefined ? {} : { id })}
        aria-label={t('accounts.person.pick')}
        placeholder={t('accounts.person.pick')}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={value}
        disabled={disabled || create.isPending}
        loading={people.isFetching || create.isPending}
        allowClear
        onClear={() => onChange?.(undefined)}
        onChange={(picked: string | undefined) => {
          if (picked === undefined) return onChange?.(undefined);
          if (picked.startsWith(NEW_PERSON)) return create.mutate(picked.slice(NEW_PERSON.length));
          const person = people.data?.items.find((p) => p.id === picked);
          if (person !== undefined) onPicked?.(person);
          return onChange?.(picked);
        }}
        notFoundContent={people.isFetching ? t('app.loading') : t('accounts.person.none')}
        style={{ width: '100%' }}
        options={options}
        data-testid="person-picker"
      />
      {create.isError && <ErrorAlert error={create.error} />}
    </Space>
  );
}
