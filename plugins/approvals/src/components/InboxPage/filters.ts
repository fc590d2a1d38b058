import type {
  ListRequestsQuery,
  RiskLevel,
} from '@gatehouse/plugin-approvals-common';

export type InboxView = 'waiting' | 'mine' | 'all';
export const VIEWS: InboxView[] = ['waiting', 'mine', 'all'];

export type StatusFilter = NonNullable<ListRequestsQuery['status']>;
export const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'open', label: 'Open (pending or changes requested)' },
  { value: 'pending', label: 'Pending' },
  { value: 'changes-requested', label: 'Changes requested' },
  { value: 'approved', label: 'Approved' },
  { value: 'auto-approved', label: 'Auto-approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
  { value: 'any', label: 'Any status' },
];

/** The inbox's filters, as text, exactly as they sit in the URL. */
export type InboxFilters = {
  status: StatusFilter;
  environment: string;
  entityRef: string;
  risk: '' | RiskLevel;
  minCostDelta: string;
  maxCostDelta: string;
  olderThanHours: string;
};

export const DEFAULT_FILTERS: InboxFilters = {
  status: 'open',
  environment: '',
  entityRef: '',
  risk: '',
  minCostDelta: '',
  maxCostDelta: '',
  olderThanHours: '',
};

export const FILTER_KEYS = Object.keys(DEFAULT_FILTERS) as Array<
  keyof InboxFilters
>;

/** The same rule as the backend's, so that a typo is caught before a 400. */
const ENTITY_REF = /^[a-z]+:[a-z0-9-_.]+\/[a-zA-Z0-9-_.]+$/;

export function parseView(value: string | null): InboxView {
  return VIEWS.includes(value as InboxView) ? (value as InboxView) : 'waiting';
}

export function parseFilters(params: URLSearchParams): InboxFilters {
  const status = params.get('status');
  const risk = params.get('risk');
  return {
    status: STATUS_FILTERS.some(s => s.value === status)
      ? (status as StatusFilter)
      : DEFAULT_FILTERS.status,
    environment: params.get('environment') ?? '',
    entityRef: params.get('entityRef') ?? '',
    risk: risk === 'low' || risk === 'medium' || risk === 'high' ? risk : '',
    minCostDelta: params.get('minCostDelta') ?? '',
    maxCostDelta: params.get('maxCostDelta') ?? '',
    olderThanHours: params.get('olderThanHours') ?? '',
  };
}

export type FilterProblems = Partial<Record<keyof InboxFilters, string>>;

function parseNumber(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

/** Problems that keep a filter from being sent (it is then left out). */
export function filterProblems(filters: InboxFilters): FilterProblems {
  const problems: FilterProblems = {};
  const ref = filters.entityRef.trim();
  if (ref && !ENTITY_REF.test(ref)) {
    problems.entityRef = 'A full entity ref, e.g. component:default/payments';
  }
  if (
    filters.environment.trim() &&
    !/^[a-z0-9-]+$/.test(filters.environment.trim())
  ) {
    problems.environment = 'Lower-case letters, digits and dashes';
  }
  for (const key of ['minCostDelta', 'maxCostDelta'] as const) {
    if (parseNumber(filters[key]) === 'invalid') problems[key] = 'A number';
  }
  const hours = parseNumber(filters.olderThanHours);
  if (hours === 'invalid' || (typeof hours === 'number' && hours < 0)) {
    problems.olderThanHours = 'A number of hours, 0 or more';
  }
  return problems;
}

/** The list query for a view, its filters and a page. */
export function toQuery(
  view: InboxView,
  filters: InboxFilters,
  page: number,
  pageSize: number,
): ListRequestsQuery {
  const problems = filterProblems(filters);
  const number = (key: 'minCostDelta' | 'maxCostDelta' | 'olderThanHours') => {
    if (problems[key]) return undefined;
    const value = parseNumber(filters[key]);
    return typeof value === 'number' ? value : undefined;
  };
  const text = (key: 'environment' | 'entityRef') =>
    problems[key] ? undefined : filters[key].trim() || undefined;
  return {
    view,
    status: filters.status,
    environment: text('environment'),
    entityRef: text('entityRef'),
    risk: filters.risk || undefined,
    minCostDelta: number('minCostDelta'),
    maxCostDelta: number('maxCostDelta'),
    olderThanHours: number('olderThanHours'),
    limit: pageSize,
    offset: page * pageSize,
  };
}
