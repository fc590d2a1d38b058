export { authModuleGroupAncestryOwnership as default } from './module';
