/** Signal channels the approvals backend publishes on; pages subscribe to re-fetch. */
export const APPROVALS_INBOX_CHANNEL = 'gatehouse:approvals:inbox';
export const approvalRequestChannel = (id: string) =>
  `gatehouse:approvals:request:${id}`;
