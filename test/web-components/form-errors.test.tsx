/**
 * Issue 15: a refused request's field errors in the UI's language, against the real server. The
 * server's issue carries Chinese (the default) and English; under the form field the English UI
 * shows what is wrong as an English sentence, the Chinese UI the Chinese message with the label.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { Form, InputNumber, type FormInstance } from 'antd';
import { appErrorFromResponse } from '../../web/src/api/app-error.ts';
import { applyFieldErrors } from '../../web/src/common/form-errors.ts';
import { fixtures, routedFetch, signInAs } from './api-server.ts';

interface Values {
  session: { idleMinutes: number };
}

/** The server's refusal of an idle timeout under its floor (a real `validation_failed`). */
async function refusedIdleTimeout() {
  await signInAs(await fixtures.account({ systemRoles: ['system_admin'] }));
  const current = (await (await routedFetch('http://app/api/settings')).json()) as { session: Record<string, number> };
  const response = await routedFetch('http://app/api/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...current, session: { ...current.session, idleMinutes: 4 } }),
  });
  expect(response.status).toBe(400);
  return appErrorFromResponse(response.status, await response.json());
}

function renderForm(): { form: () => FormInstance<Values> } {
  let instance: FormInstance<Values> | null = null;
  function Probe() {
    const [form] = Form.useForm<Values>();
    instance = form;
    return (
      <Form<Values> form={form} initialValues={{ session: { idleMinutes: 4 } }}>
        <Form.Item name={['session', 'idleMinutes']} label="Idle timeout (minutes)">
          <InputNumber />
        </Form.Item>
      </Form>
    );
  }
  render(<Probe />);
  return {
    form: () => {
      if (instance === null) throw new Error('no form');
      return instance;
    },
  };
}

describe('field errors in the UI language', () => {
  it('shows the English sentence under the field in English, the Chinese message in Chinese', async () => {
    const error = await refusedIdleTimeout();
    const { form } = renderForm();
    act(() => {
      expect(applyFieldErrors(form(), error, undefined, 'en')).toEqual([]);
    });
    expect(await screen.findByText('Must not be less than 5.')).toBeTruthy();
    expect(screen.queryByText(/空闲超时/)).toBeNull();

    act(() => {
      applyFieldErrors(form(), error, undefined, 'zh');
    });
    expect(await screen.findByText('空闲超时不能小于 5')).toBeTruthy();
  });

  it('gives an issue without a field of the form as an English sentence naming the field', async () => {
    const error = await refusedIdleTimeout();
    const { form } = renderForm();
    let unplaced: ReturnType<typeof applyFieldErrors> = [];
    act(() => {
      unplaced = applyFieldErrors(form(), error, () => ['elsewhere'], 'en');
    });
    expect(unplaced.map((issue) => issue.message)).toEqual(['Idle minutes of session must not be less than 5.']);
  });
});
