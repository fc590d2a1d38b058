export { EntityWorkloadHealthCard } from './EntityWorkloadHealthCard';
