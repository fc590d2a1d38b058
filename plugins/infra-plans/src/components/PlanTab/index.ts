export { EntityPlanContent } from './EntityPlanContent';
