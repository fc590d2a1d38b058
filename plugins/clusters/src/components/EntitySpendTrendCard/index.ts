export { EntitySpendTrendCard } from './EntitySpendTrendCard';
