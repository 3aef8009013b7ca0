/**
 * A button for one action the server lists on a resource (issue 15: `actions` on meetings, minutes,
 * decided items and the body page). It renders only when the action is allowed — or, with
 * `showRefused`, disabled with the server's reason (and the charter clause) as a tooltip where hiding
 * it would confuse. It runs its request itself: disabled while the request runs (no double submit),
 * and a refusal from the server shown beside the button, not at the top of a drawer.
 */
import { useState, type ReactNode } from 'react';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { toAppError } from '../api/app-error.ts';
import { useErrorMessage } from './error-alert.tsx';

/** One action of a resource as the API lists it. */
export interface ResourceAction {
  action: string;
  allowed: boolean;
  reason?: string;
  clause?: string;
}

/** The listed action `name`, if the resource lists it. */
export function findAction(actions: readonly ResourceAction[] | undefined, name: string): ResourceAction | undefined {
  return actions?.find((a) => a.action === name);
}

/** Whether the resource lists `name` as allowed for the reader (false when the list is missing). */
export function isAllowed(actions: readonly ResourceAction[] | undefined, name: string): boolean {
  return findAction(actions, name)?.allowed === true;
}

/** The refusal of an action as a tooltip reads it: the reason, then the clause. */
export function refusalText(action: ResourceAction | undefined): string | undefined {
  if (action === undefined || action.allowed) return undefined;
  return [action.reason, action.clause === undefined ? undefined : `（${action.clause}）`].filter((part) => part !== undefined).join('');
}

/** The server's refusal shown in place, beside what was pressed. */
export function InlineError({ error }: { error: unknown }) {
  const messageOf = useErrorMessage(error);
  const clause = toAppError(error).clause;
  return (
    <Typography.Text type="danger" role="alert" style={{ whiteSpace: 'normal' }}>
      {messageOf(error)}
      {clause === undefined ? '' : `（${clause.text}）`}
    </Typography.Text>
  );
}

export interface ActionButtonProps extends Omit<ButtonProps, 'onClick' | 'href' | 'disabled' | 'loading'> {
  actions: readonly ResourceAction[] | undefined;
  /** The stable name of the action (e.g. `minutes.sign_off`) */
  action: string;
  /** The request the button makes; its refusal is shown beside the button */
  run?: () => Promise<unknown>;
  /** Called after `run` succeeded */
  onDone?: () => void;
  /** Instead of a request: open a dialog (that dialog shows its own refusal) */
  onOpen?: () => void;
  /** A download: the button is a link */
  href?: string;
  /** Show the refused action disabled with its reason (default: hide it) */
  showRefused?: boolean;
  /** Ask before running: the question of a Popconfirm (its buttons 确定 / 取消 from `confirmTexts`) */
  confirm?: ReactNode;
  confirmTexts?: { ok: string; cancel: string };
  children: ReactNode;
}

/** A button for one listed action; see the module comment. */
export function ActionButton({ actions, action, run, onDone, onOpen, href, showRefused = false, confirm, confirmTexts, children, ...buttonProps }: ActionButtonProps) {
  const listed = findAction(actions, action);
  const [shownError, setShownError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      if (run === undefined) return undefined;
      return run();
    },
    onMutate: () => setShownError(null),
    onSuccess: () => onDone?.(),
    onError: (error) => setShownError(error),
  });
  if (listed === undefined || (!listed.allowed && !showRefused)) return null;
  if (!listed.allowed) {
    return (
      <Tooltip title={refusalText(listed)}>
        <span data-action={action} data-allowed="false">
          <Button {...buttonProps} disabled>
            {children}
          </Button>
        </span>
      </Tooltip>
    );
  }
  const start = () => {
    if (onOpen !== undefined) onOpen();
    else if (run !== undefined && !mutation.isPending) mutation.mutate();
  };
  const pressable = (
    <Button
      {...buttonProps}
      data-action={action}
      {...(href === undefined ? {} : { href })}
      loading={mutation.isPending}
      disabled={mutation.isPending}
      {...(confirm === undefined ? { onClick: start } : {})}
    >
      {children}
    </Button>
  );
  const button =
    confirm === undefined ? (
      pressable
    ) : (
      <Popconfirm title={confirm} okText={confirmTexts?.ok} cancelText={confirmTexts?.cancel} onConfirm={start} disabled={mutation.isPending}>
        {pressable}
      </Popconfirm>
    );
  if (shownError === null) return button;
  return (
    <Space size={8} wrap>
      {button}
      <InlineError error={shownError} />
    </Space>
  );
}
