/**
 * Accounts and role grants (security administrator): the account list (server-side search, cursor
 * pages with a page size, the total, column sort within the page, export of what the filter shows),
 * creating an account — optionally for a person, found by name or unit or created — (the one-time
 * password is shown once), and per account its system role, its roles in bodies, its person,
 * unlock, disable / enable and password reset.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { accountsExportUrl, createAccount, listAccounts, SYSTEM_ROLES, type Account, type AccountListQuery, type AccountWithPassword, type SystemRole } from './admin-api.ts';
import { AccountDrawer, PersonPicker, PersonRoles } from './account-drawer.tsx';
import { AccountStatusTags } from './account-status.tsx';
import { cursorPages } from '../common/cursor-pages.ts';
import { CursorPager } from '../common/cursor-pager.tsx';

const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The page size of the address (`size`), one of PAGE_SIZES. */
function pageSizeOf(params: URLSearchParams): number {
  const size = Number(params.get('size'));
  return PAGE_SIZES.some((allowed) => allowed === size) ? size : DEFAULT_PAGE_SIZE;
}

export function AccountsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const pages = cursorPages(params, setParams);
  const { cursor } = pages;
  const [creating, setCreating] = useState(false);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const pageSize = pageSizeOf(params);
  const query: AccountListQuery = {
    limit: pageSize,
    ...(search === '' ? {} : { search }),
    ...(cursor === undefined ? {} : { cursor }),
  };
  const accounts = useQuery({ queryKey: ['accounts', query], queryFn: () => listAccounts(query), placeholderData: keepPreviousData });


  const columns: TableColumnsType<Account> = [
    { title: t('accounts.column.username'), dataIndex: 'username', key: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    {
      title: t('accounts.column.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'),
    },
    {
      title: t('accounts.column.person'),
      key: 'person',
      responsive: ['md'],
      render: (_value, account) => (account.person === null ? t('common.none') : <PersonRoles person={account.person} />),
    },
    {
      title: t('accounts.column.roles'),
      key: 'roles',
      render: (_value, account) => (
        <Space size={4} wrap>
          {account.systemRoles.map((role) => (
            <Tag key={role} color="geekblue">
              {t(`role.system.${role}`)}
            </Tag>
          ))}
          {account.bodyGrants.length > 0 && <Tag>{t('accounts.bodyGrantCount', { count: account.bodyGrants.length })}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.column.status'), key: 'status', render: (_value, account) => <AccountStatusTags account={account} /> },
    {
      title: t('accounts.column.lastSignIn'),
      key: 'lastSignIn',
      responsive: ['md'],
      sorter: (a, b) => (a.lastSignInAt ?? '').localeCompare(b.lastSignInAt ?? ''),
      render: (_value, account) => (account.lastSignInAt === null ? t('accounts.never') : dayjs(account.lastSignInAt).format('YYYY-MM-DD HH:mm')),
    },
    {
      title: t('accounts.column.actions'),
      key: 'actions',
      render: (_value, account) => (
        <Button size="small" onClick={() => setOpenId(account.id)} aria-label={`${t('accounts.manage')} ${account.username}`}>
          {t('accounts.manage')}
        </Button>
      ),
    },
  ];

  const page = accounts.data;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="lx-page-title">{t('accounts.title')}</h1>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </Space>
      <Card size="small">
        <form className="lx-filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <Input.Search
            key={search}
            aria-label={t('accounts.search')}
            placeholder={t('accounts.search')}
            defaultValue={search}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => {
              const next: Record<string, string> = value.trim() === '' ? {} : { search: value.trim() };
              if (pageSize !== DEFAULT_PAGE_SIZE) next.size = String(pageSize);
              setParams(next);
            }}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select<number>
            aria-label={t('accounts.pageSize')}
            value={pageSize}
            style={{ width: 120 }}
            onChange={(size) => setParams(search === '' ? { size: String(size) } : { search, size: String(size) })}
            options={PAGE_SIZES.map((size) => ({ value: size, label: t('accounts.pageSizeOption', { size }) }))}
          />
          <Space size="small" title={t('accounts.exportHelp')}>
            <Button icon={<DownloadOutlined />} href={accountsExportUrl(search, 'xlsx')} download>
              {t('accounts.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={accountsExportUrl(search, 'csv')} download>
              {t('accounts.exportCsv')}
            </Button>
          </Space>
        </form>
        {accounts.isError && <ErrorAlert error={accounts.error} />}
        <Table<Account>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={accounts.isFetching}
          pagination={false}
          locale={{ emptyText: t('accounts.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <CursorPager
          pages={pages}
          nextCursor={page?.nextCursor}
          {...(page === undefined ? {} : { summary: t('accounts.total', { total: page.total }) })}
        />
      </Card>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setOneTime({ result, reason: 'created' });
        }}
      />
      <OneTimePasswordModal shown={oneTime} onClose={() => setOneTime(null)} />
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} onPasswordReset={(result) => setOneTime({ result, reason: 'reset' })} />
    </div>
  );
}

interface CreateFormValues {
  username: string;
  displayName: string;
  systemRole?: SystemRole;
  personId?: string;
}

function CreateAccountModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (result: AccountWithPassword) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateFormValues>();
  const queryClient = useQueryClient();
  const systemRole = Form.useWatch('systemRole', form);
  const personId = Form.useWatch('personId', form);
  const mutation = useMutation({
    mutationFn: (values: CreateFormValues) =>
      createAccount({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        systemRoles: values.systemRole === undefined ? [] : [values.systemRole],
        ...(values.personId === undefined || values.systemRole !== undefined ? {} : { personId: values.personId }),
      }),
    onSuccess: (result) => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      onCreated(result);
    },
  });
  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<CreateFormValues> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} name="create-account">
        {mutation.isError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} />
          </div>
        )}
        <Form.Item
          name="username"
          label={t('accounts.form.username')}
          extra={t('accounts.form.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.usernameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="systemRole" label={t('accounts.form.systemRole')} extra={t('accounts.form.systemRoleHint')}>
          <Select<SystemRole>
            allowClear
            disabled={personId !== undefined}
            options={SYSTEM_ROLES.map((role) => ({ value: role, label: t(`role.system.${role}`) }))}
          />
        </Form.Item>
        {systemRole === undefined && (
          <Form.Item name="personId" label={t('accounts.form.person')} extra={t('accounts.form.personHint')}>
            <PersonPicker
              onPicked={(person) => {
                const current: unknown = form.getFieldValue('displayName');
                if (typeof current !== 'string' || current.trim() === '') form.setFieldValue('displayName', person.name);
              }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A one-time password to show, and why it was made. */
interface OneTimePassword {
  result: AccountWithPassword;
  reason: 'created' | 'reset';
}

/** Shows a new one-time password once, copyable. */
function OneTimePasswordModal({ shown, onClose }: { shown: OneTimePassword | null; onClose: () => void }) {
  const { t } = useI18n();
  const result = shown?.result ?? null;
  return (
    <Modal
      open={result !== null}
      title={t('accounts.oneTimePassword.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {result !== null && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t(shown?.reason === 'reset' ? 'accounts.passwordReset' : 'accounts.created', { username: result.account.username })}
          </Typography.Text>
          {result.oneTimePassword !== null && (
            <Typography.Paragraph copyable={{ text: result.oneTimePassword }} code style={{ fontSize: 18 }} data-testid="one-time-password">
              {result.oneTimePassword}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('accounts.oneTimePassword.hint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
