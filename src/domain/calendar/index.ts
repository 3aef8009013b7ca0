/** The working-day calendar: public API of the module. */
export * from './calendar-types.ts';
export * from './iso-date.ts';
export * from './working-day-calendar.ts';
export * from './calendar-data.ts';
export * from './calendar-checks.ts';
export * from './notice-parser.ts';
export { REGIONAL_HOLIDAY_RULES } from './regional-rules.ts';
