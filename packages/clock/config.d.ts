export interface Config {
  gatehouse?: {
    clock?: {
      /**
       * The date and time (ISO 8601) the backend's clock shows when the
       * backend starts; it runs normally from there. For tests and
       * demonstrations that must show the same facts on every day (support
       * calendars, example data). Leave it unset in production.
       */
      startAt?: string;
    };
  };
}
