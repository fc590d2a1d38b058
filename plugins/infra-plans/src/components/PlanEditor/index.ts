export { PlanEditor } from './PlanEditor';
