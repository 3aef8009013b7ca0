/** The shapes of a unit's cross-body view (unit-obligations.ts) and of its providers, one per source. */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';

export type ObligationKind = 'decision' | 'incoming_document' | 'information_report' | 'outgoing_document';

/** One thing a unit owes a body. */
export interface UnitObligation {
  kind: ObligationKind;
  kindName: string;
  id: string;
  bodyId: string;
  bodyName: string;
  title: string;
  role: 'lead' | 'co';
  deadline: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  statusName: string;
  /** Path in the web application */
  link: string;
}

export type ObligationRow = Omit<UnitObligation, 'bodyName'>;

/** What a provider is given: the unit, the clock, and whether the reader may see a body's records. */
export interface ObligationQuery {
  clock: Clock;
  unitId: string;
  mayRead: (bodyId: string, kind: ObligationKind) => Promise<boolean>;
  /** Resolves the reader's roles in all these bodies at once before `mayRead` is asked per body */
  primeReader?: (bodyIds: readonly string[]) => Promise<void>;
}

/** A source of obligations. */
export type ObligationProvider = (db: DbOrTx, query: ObligationQuery) => Promise<ObligationRow[]>;
