export { StatusChip } from './StatusChip';
export type { StatusChipProps } from './StatusChip';
export { toneColor } from './tones';
export type { StatusLabel, StatusTone } from './tones';
export { costChangeColor, costChangeTone } from './costChange';
export { RESOURCE_ACTION_TONES, ResourceActionChip } from './resourceAction';
export { BUDGET_STATUS_TONES } from './budgetStatus';
