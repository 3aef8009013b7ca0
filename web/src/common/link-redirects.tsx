/**
 * Addresses the server writes into notifications (inbox links) that have no screen of their own:
 * a decision opens in its body's decisions tab, a circular in the circulars view of the body's
 * decisions tab (a circular is about the decisions' status). Minutes open in their meeting
 * (web/src/meetings/minutes-redirect.tsx, which has to read them).
 */
import { Navigate, useParams } from 'react-router-dom';

export function DecisionRedirect() {
  const { bodyId = '', decisionId = '' } = useParams();
  return <Navigate replace to={`/bodies/${bodyId}?tab=decisions&decision=${encodeURIComponent(decisionId)}`} />;
}

export function CircularRedirect() {
  const { bodyId = '', circularId = '' } = useParams();
  return <Navigate replace to={`/bodies/${bodyId}?tab=decisions&view=circulars&circular=${encodeURIComponent(circularId)}`} />;
}
