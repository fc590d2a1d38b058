export interface Config {
  gatehouse?: {
    environments?: {
      /**
       * Credentials for environment repositories on git servers that are not
       * a configured forge integration (GitHub, GitLab and Gitea hosts use
       * the tokens under `integrations`). Without an entry git goes
       * anonymously.
       */
      gitRemotes?: Array<{
        /** Host of the clone URL, with the port when it has one. */
        host: string;
        username?: string;
        /** @visibility secret */
        password?: string;
        /** @visibility secret */
        token?: string;
      }>;
    };
  };
}
