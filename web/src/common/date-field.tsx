/**
 * A DatePicker for forms where Enter never submits the form (issue 15 point 6): typing a date and
 * pressing Enter confirms the date in the picker, as a user expects, instead of sending a half-filled
 * form. `DateField` is the wrapper; `keepEnterInDateField` is the key handler for a picker used directly.
 */
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { keepEnterInDateField } from './date-field-keys.ts';

export { keepEnterInDateField };

/** Ant Design's DatePicker (one date) whose Enter key never submits the surrounding form. */
export function DateField(props: DatePickerProps<Dayjs, false>) {
  const { onKeyDown } = props;
  return (
    <DatePicker
      {...props}
      onKeyDown={(event, preventDefault) => {
        keepEnterInDateField(event);
        onKeyDown?.(event, preventDefault);
      }}
    />
  );
}
