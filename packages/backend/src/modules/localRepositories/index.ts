export { catalogModuleLocalRepositories as default } from './module';
