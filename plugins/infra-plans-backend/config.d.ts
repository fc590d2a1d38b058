export interface Config {
  gatehouse?: {
    infraPlans?: {
      /**
       * Local folders `infra-plan.yaml` files may be read from, besides the
       * folders of the catalog's file locations and the local publisher's.
       */
      allowedDirectories?: string[];
      /** How long a plan read from its repository is used before it is read again (default 30 s). */
      refreshAfter?: {
        milliseconds?: number;
        seconds?: number;
        minutes?: number;
      };
    };
  };
}
