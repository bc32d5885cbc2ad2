import { createContext, useContext } from 'react';
import { type Capability, roleCan, type SessionInfo } from './auth-contract';

/** The signed-in person, provided by the session gate; null outside it (tests, sign-in page). */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo | null {
  return useContext(SessionContext);
}

/**
 * Whether the signed-in role may do this, from the contract's one role table. The UI only hides
 * what a role cannot do: the server refuses it anyway.
 */
export function useCan(capability: Capability): boolean {
  const session = useSession();
  return session !== null && roleCan(session.role, capability);
}
