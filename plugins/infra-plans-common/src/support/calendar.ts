/**
 * The dated support calendar of the managed engines a plan names: when AWS
 * released each version, when its standard support ends and when its
 * (paid) extended support ends. Dates are AWS's published ones (UTC,
 * YYYY-MM-DD). An entry whose dates were not checked against its source says
 * so in `unverified`; an end date AWS has not announced is left out rather
 * than guessed, and such a version counts as in standard support.
 */

/** The managed products whose versions have a support calendar. @public */
export type SupportProduct =
  | 'eks'
  | 'rds-postgres'
  | 'rds-mysql'
  | 'elasticache-redis'
  | 'elasticache-valkey';

/** One version of one product on the support calendar. @public */
export interface SupportCalendarEntry {
  /** The version as plans write it, or its prefix (`15` covers `15.4`). */
  version: string;
  /** First day the version was available on AWS. */
  released: string;
  /** AWS's "end of standard support" date; absent while not announced. */
  endOfStandardSupport?: string;
  /** AWS's "end of extended support" date; absent while not announced. */
  endOfExtendedSupport?: string;
  /** Where the dates come from. */
  source: string;
  /** Which of the dates are not checked against the source, when any. */
  unverified?: string;
}

/** What a product's dates mean and what its extended support costs. @public */
export interface SupportProductInfo {
  /** Readable name of a version: `Kubernetes 1.31`, `PostgreSQL 15`. */
  label: string;
  /** The service whose calendar this is: `EKS`, `RDS`, `ElastiCache`. */
  service: string;
  /**
   * Whether the published end date is the first day of the next phase (EKS:
   * billing for extended support starts at the beginning of that day, and no
   * cluster can be created on the end-of-extended-support date) or the last
   * day of the current one (RDS and ElastiCache: charges start the day after).
   */
  endDateStartsNextPhase: boolean;
  /** The extra cost of extended support, as AWS lists it (us-east-1). */
  extendedSupportCost: string;
}

const EKS_CALENDAR =
  'Amazon EKS Kubernetes release calendar (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html)';
const RDS_POSTGRES_CALENDAR =
  'Release calendar for Amazon RDS for PostgreSQL (docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html)';
const RDS_MYSQL_CALENDAR =
  'Amazon RDS for MySQL release calendar (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html)';
const ELASTICACHE_CALENDAR =
  'Amazon ElastiCache version lifecycle (docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html)';

/** @public */
export const SUPPORT_PRODUCTS: Record<SupportProduct, SupportProductInfo> = {
  eks: {
    label: 'Kubernetes',
    service: 'EKS',
    endDateStartsNextPhase: true,
    extendedSupportCost:
      'USD 0.60 per cluster-hour instead of USD 0.10 (six times the standard control-plane rate)',
  },
  'rds-postgres': {
    label: 'PostgreSQL',
    service: 'RDS',
    endDateStartsNextPhase: false,
    extendedSupportCost:
      'about USD 0.10 per vCPU-hour in years 1–2 and USD 0.20 in year 3 (us-east-1), on top of the instance price, for every instance including standbys and replicas',
  },
  'rds-mysql': {
    label: 'MySQL',
    service: 'RDS',
    endDateStartsNextPhase: false,
    extendedSupportCost:
      'about USD 0.10 per vCPU-hour in years 1–2 and USD 0.20 in year 3 (us-east-1), on top of the instance price, for every instance including standbys and replicas',
  },
  'elasticache-redis': {
    label: 'Redis OSS',
    service: 'ElastiCache',
    endDateStartsNextPhase: false,
    extendedSupportCost:
      'a premium on every node-hour that the estimate does not include',
  },
  'elasticache-valkey': {
    label: 'Valkey',
    service: 'ElastiCache',
    endDateStartsNextPhase: false,
    extendedSupportCost:
      'a premium on every node-hour that the estimate does not include',
  },
};

/**
 * The calendar. Keep each list oldest first; add a version when AWS
 * publishes it (a version missing here is a validation error).
 * @public
 */
export const supportCalendar: Record<
  SupportProduct,
  readonly SupportCalendarEntry[]
> = {
  eks: [
    ...[
      ['1.28', '2023-09-26', '2024-11-26', '2025-11-26'],
      ['1.29', '2024-01-23', '2025-03-23', '2026-03-23'],
      ['1.30', '2024-05-23', '2025-07-23', '2026-07-23'],
      ['1.31', '2024-09-26', '2025-11-26', '2026-11-26'],
      ['1.32', '2025-01-23', '2026-03-23', '2027-03-23'],
      ['1.33', '2025-05-29', '2026-07-29', '2027-07-29'],
      ['1.34', '2025-10-02', '2026-12-02', '2027-12-02'],
    ].map(([version, released, standard, extended]) => ({
      version,
      released,
      endOfStandardSupport: standard,
      endOfExtendedSupport: extended,
      source: EKS_CALENDAR,
    })),
    {
      version: '1.35',
      released: '2026-01-27',
      endOfStandardSupport: '2027-03-27',
      endOfExtendedSupport: '2028-03-27',
      source: `${EKS_CALENDAR}; taken from endoflife.date/amazon-eks`,
      unverified:
        'all three dates: read from endoflife.date, not from the AWS page; the release date is 14 months before the end of standard support',
    },
  ],
  'rds-postgres': [
    ['11', '2019-03-13', '2024-02-29', '2027-03-31'],
    ['12', '2020-03-31', '2025-02-28', '2028-02-29'],
    ['13', '2021-02-24', '2026-02-28', '2029-02-28'],
    ['14', '2022-02-03', '2027-02-28', '2030-02-28'],
    ['15', '2023-02-27', '2028-02-29', '2031-02-28'],
    ['16', '2023-11-17', '2029-02-28', '2032-02-29'],
    ['17', '2024-11-18', '2030-02-28', '2033-02-28'],
    ['18', '2025-11-20', '2031-02-28', '2034-02-28'],
  ].map(([version, released, standard, extended]) => ({
    version,
    released,
    endOfStandardSupport: standard,
    endOfExtendedSupport: extended,
    source: RDS_POSTGRES_CALENDAR,
    unverified:
      version === '18'
        ? 'all three dates: recalled, not checked against the AWS calendar (PostgreSQL 18 is available on RDS)'
        : 'release dates and ends of extended support: recalled, not checked against the AWS calendar',
  })),
  'rds-mysql': [
    {
      version: '5.7',
      released: '2016-02-22',
      endOfStandardSupport: '2024-02-29',
      endOfExtendedSupport: '2027-02-28',
      source: RDS_MYSQL_CALENDAR,
    },
    {
      version: '8.0',
      released: '2018-10-23',
      endOfStandardSupport: '2026-07-31',
      endOfExtendedSupport: '2029-07-31',
      source: RDS_MYSQL_CALENDAR,
    },
    {
      version: '8.4',
      released: '2024-11-21',
      endOfStandardSupport: '2029-07-31',
      endOfExtendedSupport: '2032-07-31',
      source: RDS_MYSQL_CALENDAR,
    },
  ],
  'elasticache-redis': [
    {
      version: '4.0',
      released: '2018-06-14',
      endOfStandardSupport: '2026-01-31',
      endOfExtendedSupport: '2029-01-31',
      source: ELASTICACHE_CALENDAR,
      unverified: 'release date: recalled',
    },
    {
      version: '5.0',
      released: '2018-10-17',
      endOfStandardSupport: '2026-01-31',
      endOfExtendedSupport: '2029-01-31',
      source: ELASTICACHE_CALENDAR,
      unverified: 'release date: recalled',
    },
    {
      version: '6',
      released: '2020-10-07',
      endOfStandardSupport: '2027-01-31',
      endOfExtendedSupport: '2030-01-31',
      source: ELASTICACHE_CALENDAR,
      unverified: 'all three dates: recalled, not checked against the AWS page',
    },
    {
      version: '7',
      released: '2022-11-07',
      source: ELASTICACHE_CALENDAR,
      unverified: 'release date: recalled; no end of support announced',
    },
  ],
  'elasticache-valkey': [
    {
      version: '7.2',
      released: '2024-10-08',
      source: ELASTICACHE_CALENDAR,
      unverified: 'release date: recalled; no end of support announced',
    },
    {
      version: '8.0',
      released: '2024-11-21',
      source: ELASTICACHE_CALENDAR,
      unverified: 'release date: recalled; no end of support announced',
    },
    {
      version: '8.1',
      released: '2025-07-01',
      source: ELASTICACHE_CALENDAR,
      unverified:
        'release date: approximate (month only); no end of support announced',
    },
  ],
};
