export interface Config {
  gatehouse?: {
    exampleData?: {
      /**
       * Set where the billing the portal ingests is generated example billing
       * (`./gatehouse start` writes `example-focus-*` files): every page that
       * shows spend then says so. Production configuration leaves it out.
       * @visibility frontend
       */
      billing?: boolean;
    };
  };
}
