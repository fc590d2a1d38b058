/** Must match the header the backend's gatehouse-dev provider reads. */
export const DEV_USER_HEADER = 'x-gatehouse-dev-user';
