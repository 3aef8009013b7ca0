/** Values substituted into `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/** Replaces `{name}` placeholders; unknown placeholders stay as written. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
