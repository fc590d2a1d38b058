import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

/**
 * Calls `reload` once for each message on a signal channel, and tells whether
 * signals are available at all (if not, callers poll instead).
 */
export function useSignalReload(channel: string, reload: () => void): boolean {
  const { lastSignal, isSignalsAvailable } = useSignal(channel);
  const handled = useRef(lastSignal);
  useEffect(() => {
    if (lastSignal && lastSignal !== handled.current) {
      handled.current = lastSignal;
      reload();
    }
  }, [lastSignal, reload]);
  return isSignalsAvailable;
}
