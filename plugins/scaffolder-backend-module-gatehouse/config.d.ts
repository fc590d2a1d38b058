export interface Config {
  gatehouse?: {
    environments?: {
      localPublisher?: {
        /**
         * Folder the `gatehouse:publish:local` action keeps its git
         * repositories in (relative to the backend's working directory).
         */
        directory?: string;
      };
    };
  };
}
