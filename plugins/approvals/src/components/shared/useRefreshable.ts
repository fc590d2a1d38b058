import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export type Refreshable<T> = {
  /** The last value loaded; kept while reloading and after a failed reload. */
  value?: T;
  /** The error of the last load, if it failed. */
  error?: Error;
  loading: boolean;
  /** Load again (answers that arrive out of order are dropped). */
  reload: () => void;
  /** Replace the value, e.g. with the answer of a mutation. */
  setValue: (value: T) => void;
};

/**
 * Like react-use's useAsyncRetry, but a failed or running reload never hides
 * what was already on screen: live pages reload often, and an approver must not
 * lose the request (or a half-written comment) to one dropped poll.
 */
export function useRefreshable<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options?: {
    /** Keep showing the previous answer while loading for new inputs (lists). */
    keepPrevious?: boolean;
  },
): Refreshable<T> {
  const keepPrevious = options?.keepPrevious ?? false;
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
  }>({ loading: true });
  const latest = useRef(0);
  const mounted = useRef(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const call = ++latest.current;
    setState(s => ({ ...s, loading: true }));
    run().then(
      value => {
        if (mounted.current && call === latest.current) {
          setState({ value, loading: false });
        }
      },
      error => {
        if (mounted.current && call === latest.current) {
          setState(s => ({ value: s.value, error, loading: false }));
        }
      },
    );
  }, [run]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    // New inputs: unless asked to keep it, forget the old answer so that it
    // is never shown as the answer for them.
    if (!keepPrevious) setState({ loading: true });
    reload();
  }, [reload, keepPrevious]);

  const setValue = useCallback((value: T) => {
    latest.current++;
    setState({ value, loading: false });
  }, []);

  return { ...state, reload, setValue };
}
