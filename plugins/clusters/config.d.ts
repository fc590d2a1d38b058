export interface Config {
  gatehouse?: {
    exampleData?: {
      /**
       * Set where the portal's clusters are Gatehouse's cluster simulator
       * (`./gatehouse start`): every page that shows workloads then says so.
       * Production configuration leaves it out.
       * @visibility frontend
       */
      clusters?: boolean;
    };
  };
}
