import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import {
  createUnifiedTheme,
  palettes,
  UnifiedTheme,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { blue, green, orange, red } from '@material-ui/core/colors';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';
import type { ReactNode } from 'react';

/**
 * The colours of the status tones (see `StatusTone`): the 800 shades, dark
 * enough to carry white text on a chip and to read as text on paper, in
 * light and dark mode alike.
 */
const statusPalette = {
  success: { main: green[800] },
  warning: { main: orange[800] },
  error: { main: red[800] },
  info: { main: blue[800] },
};

/**
 * Backstage's light and dark themes with Gatehouse's status colours.
 *
 * @public
 */
export const gatehouseThemes = {
  light: createUnifiedTheme({
    palette: { ...palettes.light, ...statusPalette },
  }),
  dark: createUnifiedTheme({
    palette: { ...palettes.dark, ...statusPalette },
  }),
};

function themeProvider(theme: UnifiedTheme) {
  return ({ children }: { children: ReactNode }) => (
    <UnifiedThemeProvider theme={theme}>{children}</UnifiedThemeProvider>
  );
}

/**
 * Puts {@link gatehouseThemes} in place of the app's light and dark themes
 * (same ids and titles, so a user's choice carries over). The app installs
 * it; tests that check colours render with it, to see what the portal shows.
 *
 * @public
 */
export const gatehouseThemeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    ThemeBlueprint.make({
      name: 'light',
      params: {
        theme: {
          id: 'light',
          title: 'Light Theme',
          variant: 'light',
          icon: <LightIcon />,
          Provider: themeProvider(gatehouseThemes.light),
        },
      },
    }),
    ThemeBlueprint.make({
      name: 'dark',
      params: {
        theme: {
          id: 'dark',
          title: 'Dark Theme',
          variant: 'dark',
          icon: <DarkIcon />,
          Provider: themeProvider(gatehouseThemes.dark),
        },
      },
    }),
  ],
});
