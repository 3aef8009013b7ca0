/** The key handling of `DateField` (date-field.tsx), pure so that it is tested without a DOM. */

/** Stops the browser's implicit form submission on Enter; the date picker still handles the key. */
export function keepEnterInDateField(event: { key: string; preventDefault: () => void }): void {
  if (event.key === 'Enter') event.preventDefault();
}
