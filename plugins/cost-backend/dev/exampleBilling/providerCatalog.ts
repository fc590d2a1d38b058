/*
 * What synthetic billing lines look like per cloud provider: service names,
 * categories, SKUs, list prices and resource id formats, modelled on real
 * AWS and Azure FOCUS exports (prices are public on-demand list prices,
 * rounded; accuracy to the cent is not the point, plausibility is).
 */

/** Providers the generator can emit. */
export type SyntheticProvider = 'AWS' | 'Microsoft';

/** Building blocks a service's cost is made of. */
export type CostComponent =
  | 'kubernetes-nodes'
  | 'block-storage'
  | 'postgres'
  | 'cache'
  | 'nat-gateway'
  | 'load-balancer'
  | 'object-storage'
  | 'data-transfer'
  | 'monitoring';

/**
 * How a line's cost is spread over the hours of a day: `flat` for things
 * billed by the hour (instances, gateways), `diurnal` for traffic-driven
 * usage that peaks in the working day.
 */
export type HourlyProfile = 'flat' | 'diurnal';

/** Identifiers available when naming a resource. */
export interface ResourceNaming {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly environment: string;
  /** 0-based index among the resources of the same line. */
  readonly index: number;
  /** Deterministic random suffix, lower-case hex. */
  readonly suffix: string;
}

/** One kind of billing line. */
export interface LineItemSpec {
  readonly component: CostComponent;
  /** Share of the component's cost carried by this line (sums to 1). */
  readonly share: number;
  readonly serviceName: string;
  readonly serviceCategory: string;
  readonly resourceType: string;
  readonly skuId: string;
  readonly skuPriceId: string;
  readonly chargeDescription: string;
  readonly listUnitPrice: number;
  readonly pricingUnit: string;
  readonly consumedUnit: string;
  readonly profile: HourlyProfile;
  /**
   * Hourly cost of one resource; when set, the line is split over as many
   * resources as its cost pays for (e.g. Kubernetes nodes).
   */
  readonly costPerResourceHour?: number;
  /** Alternative tag keys some teams use; exercises attribution precedence. */
  readonly tagStyle?: 'standard' | 'app-env';
  resourceId(naming: ResourceNaming): string;
  resourceName(naming: ResourceNaming): string;
}

/** A line not owned by any service (shared platform cost). */
export interface SharedLineSpec {
  readonly share: number;
  readonly serviceName: string;
  readonly serviceCategory: string;
  readonly resourceType: string | null;
  readonly skuId: string;
  readonly chargeDescription: string;
  readonly listUnitPrice: number;
  readonly pricingUnit: string;
  /** Tags text as exported: environment-only, empty object, or none. */
  readonly tags: 'environment-only' | 'empty-object' | 'none';
  resourceId(naming: ResourceNaming): string | null;
}

export interface ProviderCatalog {
  readonly providerName: SyntheticProvider;
  readonly publisherName: string;
  readonly invoiceIssuerName: string;
  readonly regionId: string;
  readonly regionName: string;
  readonly availabilityZone: string | null;
  readonly billingAccountName: string;
  readonly lineItems: readonly LineItemSpec[];
  readonly sharedLines: readonly SharedLineSpec[];
  readonly creditDescription: string;
  readonly creditServiceName: string;
}

const AWS_ON_DEMAND = '.JRTCKXETXF.6YS6EN2CT7';

const aws: ProviderCatalog = {
  providerName: 'AWS',
  publisherName: 'Amazon Web Services, Inc.',
  invoiceIssuerName: 'Amazon Web Services, Inc.',
  regionId: 'eu-central-1',
  regionName: 'Europe (Frankfurt)',
  availabilityZone: 'eu-central-1a',
  billingAccountName: 'Gatehouse Payer',
  creditDescription: 'AWS promotional credit',
  creditServiceName: 'Amazon Elastic Compute Cloud',
  lineItems: [
    {
      component: 'kubernetes-nodes',
      share: 1,
      serviceName: 'Amazon Elastic Compute Cloud',
      serviceCategory: 'Compute',
      resourceType: 'Instance',
      skuId: 'K7QX2N9RVS4MB8TD',
      skuPriceId: `K7QX2N9RVS4MB8TD${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.46 per On Demand Linux m6i.2xlarge Instance Hour (EKS managed node group)',
      listUnitPrice: 0.46,
      pricingUnit: 'Hours',
      consumedUnit: 'Hrs',
      profile: 'flat',
      costPerResourceHour: 0.46,
      resourceId: n => `i-0${n.suffix.slice(0, 16)}`,
      resourceName: n =>
        `eks-${n.environment}-${n.service}-node-${n.index + 1}`,
    },
    {
      component: 'block-storage',
      share: 1,
      serviceName: 'Amazon Elastic Compute Cloud',
      serviceCategory: 'Storage',
      resourceType: 'Volume',
      skuId: 'Q3VRC6HTWB9PL2EA',
      skuPriceId: `Q3VRC6HTWB9PL2EA${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.0952 per GB-month of General Purpose (gp3) provisioned storage',
      listUnitPrice: 0.0952,
      pricingUnit: 'GB-Mo',
      consumedUnit: 'GB-Mo',
      profile: 'flat',
      resourceId: n => `vol-0${n.suffix.slice(0, 16)}`,
      resourceName: n => `eks-${n.environment}-${n.service}-data`,
    },
    {
      component: 'postgres',
      share: 0.8,
      serviceName: 'Amazon Relational Database Service',
      serviceCategory: 'Databases',
      resourceType: 'DB Instance',
      skuId: 'R8PGXW3KDN6VT5CJ',
      skuPriceId: `R8PGXW3KDN6VT5CJ${AWS_ON_DEMAND}`,
      chargeDescription:
        'RDS db.r6g.large Single-AZ instance hour running PostgreSQL',
      listUnitPrice: 0.263,
      pricingUnit: 'Hours',
      consumedUnit: 'Hrs',
      profile: 'flat',
      tagStyle: 'app-env',
      resourceId: n =>
        `arn:aws:rds:${n.region}:${n.accountId}:db:${n.service}-${n.environment}`,
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'postgres',
      share: 0.2,
      serviceName: 'Amazon Relational Database Service',
      serviceCategory: 'Databases',
      resourceType: 'DB Storage',
      skuId: 'R8PGST7MQY2HC4LV',
      skuPriceId: `R8PGST7MQY2HC4LV${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.133 per GB-month of provisioned gp3 storage running PostgreSQL',
      listUnitPrice: 0.133,
      pricingUnit: 'GB-Mo',
      consumedUnit: 'GB-Mo',
      profile: 'flat',
      tagStyle: 'app-env',
      resourceId: n =>
        `arn:aws:rds:${n.region}:${n.accountId}:db:${n.service}-${n.environment}`,
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'cache',
      share: 1,
      serviceName: 'Amazon ElastiCache',
      serviceCategory: 'Databases',
      resourceType: 'Cache Node',
      skuId: 'E4CHB9ZNTQ3WR6KX',
      skuPriceId: `E4CHB9ZNTQ3WR6KX${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.247 per On-Demand cache.r6g.large node hour (Redis OSS)',
      listUnitPrice: 0.247,
      pricingUnit: 'Hours',
      consumedUnit: 'NodeUsage',
      profile: 'flat',
      resourceId: n =>
        `arn:aws:elasticache:${n.region}:${n.accountId}:cluster:${n.service}-${n.environment}-0001`,
      resourceName: n => `${n.service}-${n.environment}-0001`,
    },
    {
      component: 'nat-gateway',
      share: 0.4,
      serviceName: 'Amazon Virtual Private Cloud',
      serviceCategory: 'Networking',
      resourceType: 'NAT Gateway',
      skuId: 'N2GWH5RTXK8QM3PB',
      skuPriceId: `N2GWH5RTXK8QM3PB${AWS_ON_DEMAND}`,
      chargeDescription: '$0.052 per NAT Gateway Hour',
      listUnitPrice: 0.052,
      pricingUnit: 'Hours',
      consumedUnit: 'Hrs',
      profile: 'flat',
      resourceId: n =>
        `arn:aws:ec2:${n.region}:${
          n.accountId
        }:natgateway/nat-0${n.suffix.slice(0, 16)}`,
      resourceName: n => `${n.service}-${n.environment}-nat`,
    },
    {
      component: 'nat-gateway',
      share: 0.6,
      serviceName: 'Amazon Virtual Private Cloud',
      serviceCategory: 'Networking',
      resourceType: 'NAT Gateway',
      skuId: 'N2GWB7DPVZ4KT9HS',
      skuPriceId: `N2GWB7DPVZ4KT9HS${AWS_ON_DEMAND}`,
      chargeDescription: '$0.052 per GB Data Processed by NAT Gateways',
      listUnitPrice: 0.052,
      pricingUnit: 'GB',
      consumedUnit: 'GB',
      profile: 'diurnal',
      resourceId: n =>
        `arn:aws:ec2:${n.region}:${
          n.accountId
        }:natgateway/nat-0${n.suffix.slice(0, 16)}`,
      resourceName: n => `${n.service}-${n.environment}-nat`,
    },
    {
      component: 'load-balancer',
      share: 0.45,
      serviceName: 'Elastic Load Balancing',
      serviceCategory: 'Networking',
      resourceType: 'Load Balancer',
      skuId: 'L9ALBH3TQW6NZ2RM',
      skuPriceId: `L9ALBH3TQW6NZ2RM${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.027 per Application LoadBalancer-hour (or partial hour)',
      listUnitPrice: 0.027,
      pricingUnit: 'Hours',
      consumedUnit: 'Hrs',
      profile: 'flat',
      resourceId: n =>
        `arn:aws:elasticloadbalancing:${n.region}:${
          n.accountId
        }:loadbalancer/app/${n.service}-${n.environment}/${n.suffix.slice(
          0,
          16,
        )}`,
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'load-balancer',
      share: 0.55,
      serviceName: 'Elastic Load Balancing',
      serviceCategory: 'Networking',
      resourceType: 'Load Balancer',
      skuId: 'L9ALBL5KVC8XP4DW',
      skuPriceId: `L9ALBL5KVC8XP4DW${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.008 per used Application load balancer capacity unit-hour (or partial hour)',
      listUnitPrice: 0.008,
      pricingUnit: 'LCU-Hrs',
      consumedUnit: 'LCU-Hrs',
      profile: 'diurnal',
      resourceId: n =>
        `arn:aws:elasticloadbalancing:${n.region}:${
          n.accountId
        }:loadbalancer/app/${n.service}-${n.environment}/${n.suffix.slice(
          0,
          16,
        )}`,
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'object-storage',
      share: 0.7,
      serviceName: 'Amazon Simple Storage Service',
      serviceCategory: 'Storage',
      resourceType: 'Bucket',
      skuId: 'S3STD8HWQ2VNK5TC',
      skuPriceId: `S3STD8HWQ2VNK5TC${AWS_ON_DEMAND}`,
      chargeDescription: '$0.0245 per GB - first 50 TB / month of storage used',
      listUnitPrice: 0.0245,
      pricingUnit: 'GB-Mo',
      consumedUnit: 'GB-Mo',
      profile: 'flat',
      resourceId: n => `arn:aws:s3:::gatehouse-${n.service}-${n.environment}`,
      resourceName: n => `gatehouse-${n.service}-${n.environment}`,
    },
    {
      component: 'object-storage',
      share: 0.3,
      serviceName: 'Amazon Simple Storage Service',
      serviceCategory: 'Storage',
      resourceType: 'Bucket',
      skuId: 'S3REQ4KTBX7QW2MN',
      skuPriceId: `S3REQ4KTBX7QW2MN${AWS_ON_DEMAND}`,
      chargeDescription: '$0.0054 per 1,000 PUT, COPY, POST, or LIST requests',
      listUnitPrice: 0.0000054,
      pricingUnit: 'Requests',
      consumedUnit: 'Requests',
      profile: 'diurnal',
      resourceId: n => `arn:aws:s3:::gatehouse-${n.service}-${n.environment}`,
      resourceName: n => `gatehouse-${n.service}-${n.environment}`,
    },
    {
      component: 'data-transfer',
      share: 1,
      serviceName: 'AWS Data Transfer',
      serviceCategory: 'Networking',
      resourceType: 'Data Transfer',
      skuId: 'D7TROUT3HQ9XW5VK',
      skuPriceId: `D7TROUT3HQ9XW5VK${AWS_ON_DEMAND}`,
      chargeDescription:
        '$0.09 per GB - first 10 TB / month data transfer out beyond the global free tier',
      listUnitPrice: 0.09,
      pricingUnit: 'GB',
      consumedUnit: 'GB',
      profile: 'diurnal',
      resourceId: n =>
        `arn:aws:elasticloadbalancing:${n.region}:${
          n.accountId
        }:loadbalancer/app/${n.service}-${n.environment}/${n.suffix.slice(
          0,
          16,
        )}`,
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'monitoring',
      share: 1,
      serviceName: 'AmazonCloudWatch',
      serviceCategory: 'Management and Governance',
      resourceType: 'Log Group',
      skuId: 'C3WLOG6ZPN2HT8QR',
      skuPriceId: `C3WLOG6ZPN2HT8QR${AWS_ON_DEMAND}`,
      chargeDescription: '$0.63 per GB custom log data ingested',
      listUnitPrice: 0.63,
      pricingUnit: 'GB',
      consumedUnit: 'GB',
      profile: 'diurnal',
      resourceId: n =>
        `arn:aws:logs:${n.region}:${n.accountId}:log-group:/eks/${n.environment}/${n.service}`,
      resourceName: n => `/eks/${n.environment}/${n.service}`,
    },
  ],
  sharedLines: [
    {
      share: 0.45,
      serviceName: 'Amazon Elastic Kubernetes Service',
      serviceCategory: 'Compute',
      resourceType: 'Cluster',
      skuId: 'EKS4CTRL7PLN2QWX',
      chargeDescription: '$0.10 per hour per Amazon EKS cluster',
      listUnitPrice: 0.1,
      pricingUnit: 'Hours',
      tags: 'environment-only',
      resourceId: n =>
        `arn:aws:eks:${n.region}:${n.accountId}:cluster/gatehouse-${n.environment}`,
    },
    {
      share: 0.3,
      serviceName: 'AWS Key Management Service',
      serviceCategory: 'Security',
      resourceType: 'Key',
      skuId: 'KMS7REQ3HWZ5NQ2T',
      chargeDescription: '$0.03 per 10,000 requests',
      listUnitPrice: 0.000003,
      pricingUnit: 'Requests',
      tags: 'empty-object',
      resourceId: n => `arn:aws:kms:${n.region}:${n.accountId}:key/${n.suffix}`,
    },
    {
      share: 0.25,
      serviceName: 'Amazon Route 53',
      serviceCategory: 'Networking',
      resourceType: null,
      skuId: 'R53DNS8QRY4KZ6WV',
      chargeDescription:
        '$0.40 per 1,000,000 queries for the first billion queries',
      listUnitPrice: 0.0000004,
      pricingUnit: 'Queries',
      tags: 'none',
      resourceId: () => null,
    },
  ],
};

const azureId = (n: ResourceNaming, provider: string, name: string) =>
  `/subscriptions/${n.accountId}/resourcegroups/rg-${n.service}-${n.environment}/providers/${provider}/${name}`;

const microsoft: ProviderCatalog = {
  providerName: 'Microsoft',
  publisherName: 'Microsoft',
  invoiceIssuerName: 'Microsoft',
  regionId: 'westeurope',
  regionName: 'West Europe',
  availabilityZone: null,
  billingAccountName: 'Gatehouse EA',
  creditDescription: 'Azure prepayment credit',
  creditServiceName: 'Virtual Machines',
  lineItems: [
    {
      component: 'kubernetes-nodes',
      share: 1,
      serviceName: 'Virtual Machines',
      serviceCategory: 'Compute',
      resourceType: 'Virtual machine scale set',
      skuId: 'DZH318Z0BQ4L',
      skuPriceId: 'DZH318Z0BQ4L/0001',
      chargeDescription: 'D8s v5 - West Europe (AKS node pool)',
      listUnitPrice: 0.46,
      pricingUnit: '1 Hour',
      consumedUnit: 'Hours',
      profile: 'flat',
      costPerResourceHour: 0.46,
      resourceId: n =>
        azureId(
          n,
          'microsoft.compute',
          `virtualmachinescalesets/aks-${n.service}-${n.index + 1}`,
        ),
      resourceName: n => `aks-${n.service}-${n.index + 1}`,
    },
    {
      component: 'block-storage',
      share: 1,
      serviceName: 'Storage',
      serviceCategory: 'Storage',
      resourceType: 'Disk',
      skuId: 'DZH318Z0BP04',
      skuPriceId: 'DZH318Z0BP04/0002',
      chargeDescription: 'Premium SSD Managed Disks - P10 LRS',
      listUnitPrice: 0.0066,
      pricingUnit: '1 Hour',
      consumedUnit: 'Disk/Hour',
      profile: 'flat',
      resourceId: n =>
        azureId(n, 'microsoft.compute', `disks/${n.service}-data`),
      resourceName: n => `${n.service}-data`,
    },
    {
      component: 'postgres',
      share: 0.85,
      serviceName: 'Azure Database for PostgreSQL',
      serviceCategory: 'Databases',
      resourceType: 'Azure Database for PostgreSQL flexible server',
      skuId: 'DZH318Z08M9C',
      skuPriceId: 'DZH318Z08M9C/0003',
      chargeDescription: 'General Purpose D2ds v5 vCore',
      listUnitPrice: 0.178,
      pricingUnit: '1 Hour',
      consumedUnit: 'Hours',
      profile: 'flat',
      tagStyle: 'app-env',
      resourceId: n =>
        azureId(
          n,
          'microsoft.dbforpostgresql',
          `flexibleservers/${n.service}-${n.environment}`,
        ),
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'postgres',
      share: 0.15,
      serviceName: 'Azure Database for PostgreSQL',
      serviceCategory: 'Databases',
      resourceType: 'Azure Database for PostgreSQL flexible server',
      skuId: 'DZH318Z08M9D',
      skuPriceId: 'DZH318Z08M9D/0001',
      chargeDescription: 'Storage Data Stored',
      listUnitPrice: 0.000175,
      pricingUnit: '1 GB/Hour',
      consumedUnit: 'GB/Hour',
      profile: 'flat',
      tagStyle: 'app-env',
      resourceId: n =>
        azureId(
          n,
          'microsoft.dbforpostgresql',
          `flexibleservers/${n.service}-${n.environment}`,
        ),
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'cache',
      share: 1,
      serviceName: 'Azure Cache for Redis',
      serviceCategory: 'Databases',
      resourceType: 'Azure Cache for Redis',
      skuId: 'DZH318Z08M6F',
      skuPriceId: 'DZH318Z08M6F/0002',
      chargeDescription: 'Standard C2 Cache Instance',
      listUnitPrice: 0.224,
      pricingUnit: '1 Hour',
      consumedUnit: 'Hours',
      profile: 'flat',
      resourceId: n =>
        azureId(n, 'microsoft.cache', `redis/${n.service}-${n.environment}`),
      resourceName: n => `${n.service}-${n.environment}`,
    },
    {
      component: 'nat-gateway',
      share: 1,
      serviceName: 'Virtual Network',
      serviceCategory: 'Networking',
      resourceType: 'NAT gateway',
      skuId: 'DZH318Z0C4N1',
      skuPriceId: 'DZH318Z0C4N1/0001',
      chargeDescription: 'NAT Gateway Gateway',
      listUnitPrice: 0.045,
      pricingUnit: '1 Hour',
      consumedUnit: 'Hours',
      profile: 'flat',
      resourceId: n =>
        azureId(n, 'microsoft.network', `natgateways/${n.service}-nat`),
      resourceName: n => `${n.service}-nat`,
    },
    {
      component: 'load-balancer',
      share: 1,
      serviceName: 'Application Gateway',
      serviceCategory: 'Networking',
      resourceType: 'Application gateway',
      skuId: 'DZH318Z0BNVX',
      skuPriceId: 'DZH318Z0BNVX/0004',
      chargeDescription: 'Standard v2 Capacity Units',
      listUnitPrice: 0.008,
      pricingUnit: '1/Hour',
      consumedUnit: 'Capacity Units',
      profile: 'diurnal',
      resourceId: n =>
        azureId(n, 'microsoft.network', `applicationgateways/${n.service}-agw`),
      resourceName: n => `${n.service}-agw`,
    },
    {
      component: 'object-storage',
      share: 1,
      serviceName: 'Storage',
      serviceCategory: 'Storage',
      resourceType: 'Storage account',
      skuId: 'DZH318Z0BP8B',
      skuPriceId: 'DZH318Z0BP8B/0019',
      chargeDescription: 'Hot LRS Data Stored',
      listUnitPrice: 0.0000288,
      pricingUnit: '1 GB/Hour',
      consumedUnit: 'GB/Hour',
      profile: 'flat',
      resourceId: n =>
        azureId(
          n,
          'microsoft.storage',
          `storageaccounts/gh${n.suffix.slice(0, 10)}`,
        ),
      resourceName: n => `gh${n.suffix.slice(0, 10)}`,
    },
    {
      component: 'data-transfer',
      share: 1,
      serviceName: 'Bandwidth',
      serviceCategory: 'Networking',
      resourceType: 'Bandwidth',
      skuId: 'DZH318Z0BNZJ',
      skuPriceId: 'DZH318Z0BNZJ/0002',
      chargeDescription: 'Standard Data Transfer Out',
      listUnitPrice: 0.087,
      pricingUnit: '1 GB',
      consumedUnit: 'GB',
      profile: 'diurnal',
      resourceId: n =>
        azureId(n, 'microsoft.network', `applicationgateways/${n.service}-agw`),
      resourceName: n => `${n.service}-agw`,
    },
    {
      component: 'monitoring',
      share: 1,
      serviceName: 'Log Analytics',
      serviceCategory: 'Management and Governance',
      resourceType: 'Log Analytics workspace',
      skuId: 'DZH318Z0BQPS',
      skuPriceId: 'DZH318Z0BQPS/0006',
      chargeDescription: 'Analytics Logs Data Ingestion',
      listUnitPrice: 2.99,
      pricingUnit: '1 GB',
      consumedUnit: 'GB',
      profile: 'diurnal',
      resourceId: n =>
        azureId(
          n,
          'microsoft.operationalinsights',
          `workspaces/log-${n.service}`,
        ),
      resourceName: n => `log-${n.service}`,
    },
  ],
  sharedLines: [
    {
      share: 0.6,
      serviceName: 'Azure Kubernetes Service',
      serviceCategory: 'Compute',
      resourceType: 'Managed cluster',
      skuId: 'DZH318Z0BQ00',
      chargeDescription: 'Standard Uptime SLA',
      listUnitPrice: 0.1,
      pricingUnit: '1 Hour',
      tags: 'environment-only',
      resourceId: n =>
        `/subscriptions/${n.accountId}/resourcegroups/rg-platform-${n.environment}/providers/microsoft.containerservice/managedclusters/aks-${n.environment}`,
    },
    {
      share: 0.4,
      serviceName: 'Key Vault',
      serviceCategory: 'Security',
      resourceType: 'Key vault',
      skuId: 'DZH318Z0BQ11',
      chargeDescription: 'Standard Operations',
      listUnitPrice: 0.000003,
      pricingUnit: '10K',
      tags: 'none',
      resourceId: n =>
        `/subscriptions/${n.accountId}/resourcegroups/rg-platform-${n.environment}/providers/microsoft.keyvault/vaults/kv-${n.environment}`,
    },
  ],
};

export const PROVIDER_CATALOGS: Readonly<
  Record<SyntheticProvider, ProviderCatalog>
> = { AWS: aws, Microsoft: microsoft };
