export { SreDashboardPage } from './SreDashboardPage';
