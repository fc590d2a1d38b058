/**
 * The approvals plugin: the inbox of infrastructure change requests, the
 * request page where a human approves, rejects or asks for changes, and the
 * service's "Changes" tab and open-requests card.
 *
 * @packageDocumentation
 */
export { approvalsPlugin as default } from './plugin';
export { approvalsApiRef } from './api';
export { ApprovalsSidebarItem } from './components/ApprovalsSidebarItem';
