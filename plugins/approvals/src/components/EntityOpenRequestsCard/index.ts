export { EntityOpenRequestsCard } from './EntityOpenRequestsCard';
