export { infraPlansPlugin as default } from './plugin';
export { infraPlansApiRef } from './api';
