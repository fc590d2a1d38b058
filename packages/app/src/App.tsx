import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins are discovered from this package's dependencies (app.packages: all);
// the modules here only shape the app itself: navigation and sign-in.
export default createApp({
  features: [navModule, signInModule],
});
