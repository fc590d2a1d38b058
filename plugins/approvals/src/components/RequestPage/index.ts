export { RequestPage, RequestView } from './RequestPage';
