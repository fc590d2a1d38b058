import { createApp } from '@backstage/frontend-defaults';
import { gatehouseThemeModule } from '@gatehouse/plugin-cost-react';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';
import { signalsModule } from './signals';

// Plugins are discovered from this package's dependencies (app.packages: all);
// the modules here only shape the app itself: navigation and sign-in,
// Gatehouse's own signals client in place of the signals plugin's, and the
// themes with the status colours every Gatehouse plugin uses.
export default createApp({
  features: [navModule, signInModule, signalsModule, gatehouseThemeModule],
});
