export { EntityKubernetesTab } from './EntityKubernetesTab';
