export interface Config {
  gatehouse?: {
    signIn?: {
      /**
       * The sign-in options the sign-in page offers: `guest` and `gatehouse-dev`
       * (example users) for local use, `oidc` (single sign-on) in production.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'gatehouse-dev' | 'oidc'>;
    };
  };
}
