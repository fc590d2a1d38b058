export { authModuleGatehouseDevProvider as default } from './module';
