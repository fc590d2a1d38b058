export { permissionModuleGatehousePolicy as default } from './module';
