export { gatehouseThemeModule, gatehouseThemes } from './gatehouseTheme';
