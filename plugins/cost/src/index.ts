export { costPlugin as default } from './plugin';
export { costApiRef } from './api';
