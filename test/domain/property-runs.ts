/**
 * How many runs a property test makes. The full count runs in the `properties` project (part of
 * `npm test`, alone: `npm run test:properties`); the fast tier sets LIANXI_PROPERTY_RUNS=quick and
 * makes a fifth of them (at least 3), so each property is still exercised on every fast run. The
 * generators and the checks are the same in both.
 */
export function propertyRuns(full: number): number {
  if (process.env.LIANXI_PROPERTY_RUNS !== 'quick') return full;
  return Math.min(full, Math.max(3, Math.round(full / 5)));
}
