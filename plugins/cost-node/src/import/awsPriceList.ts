import { InvalidInputError } from '../errors';
import type {
  InstanceSpec,
  PriceEntry,
  PricingFile,
} from '../pricing/pricingFile';
import { describeValue, isPlainObject } from '../util/narrow';

/** Price-list location names of the regions the estimator ships. */
export const LOCATION_REGIONS: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'EU (Frankfurt)': 'eu-central-1',
  'EU (Stockholm)': 'eu-north-1',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Canada (Central)': 'ca-central-1',
  'South America (Sao Paulo)': 'sa-east-1',
};

/** Price-list units → pricing-file units. */
const UNITS: Readonly<Record<string, string>> = {
  Hrs: 'hour',
  'GB-Mo': 'GB-month',
  'IOPS-Mo': 'IOPS-month',
  'GiBps-mo': 'GiBps-month',
  GB: 'GB',
};

const EBS_VOLUME_TYPES = new Set([
  'gp2',
  'gp3',
  'io1',
  'io2',
  'st1',
  'sc1',
  'standard',
]);
const RDS_ENGINES: Readonly<Record<string, string>> = {
  PostgreSQL: 'postgres',
  MySQL: 'mysql',
};

/**
 * Options of {@link convertAwsPriceList}.
 *
 * @public
 */
export type ConvertAwsPriceListOptions = {
  /** Date the offer files were downloaded (YYYY-MM-DD). */
  effectiveDate: string;
  /** Version of the resulting pricing file. */
  version: string;
  /**
   * Pricing file to start from: its prices are kept unless an offer file
   * supplies the same key, so services the importer does not read (NAT,
   * ELB, S3, CloudFront, EKS…) stay priced.
   */
  base?: PricingFile;
  /** Only import these regions (default: every region of LOCATION_REGIONS). */
  regions?: string[];
};

type Attributes = Record<string, unknown>;

/** The pricing-file key of a product, or undefined when it is not imported. */
function priceKeyOf(
  attributes: Attributes,
  productFamily: unknown,
): string | undefined {
  const attr = (name: string) =>
    typeof attributes[name] === 'string'
      ? (attributes[name] as string)
      : undefined;
  switch (productFamily) {
    case 'Compute Instance':
      // The shipped prices are Linux, shared tenancy, no pre-installed
      // software, for instances in use (not capacity reservations).
      if (
        attr('operatingSystem') === 'Linux' &&
        attr('tenancy') === 'Shared' &&
        attr('preInstalledSw') === 'NA' &&
        attr('capacitystatus') === 'Used' &&
        attr('instanceType')
      ) {
        return `ec2:instance:${attr('instanceType')}`;
      }
      return undefined;
    case 'Storage': {
      const volume = attr('volumeApiName');
      return volume && EBS_VOLUME_TYPES.has(volume)
        ? `ebs:${volume}:storage`
        : undefined;
    }
    case 'Database Instance': {
      const engine = RDS_ENGINES[attr('databaseEngine') ?? ''];
      if (
        engine &&
        attr('deploymentOption') === 'Single-AZ' &&
        attr('instanceType')
      ) {
        return `rds:${engine}:${attr('instanceType')}`;
      }
      return undefined;
    }
    case 'Cache Instance':
      if (attr('cacheEngine') === 'Redis' && attr('instanceType')) {
        return `elasticache:${attr('instanceType')}`;
      }
      return undefined;
    default:
      return undefined;
  }
}

function parseMemoryGiB(memory: unknown): number | undefined {
  if (typeof memory !== 'string') return undefined;
  const match = /^([\d,.]+)\s*GiB$/.exec(memory.trim());
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

/** The offer file's publication date, when it is a real date or instant. */
function offerPublicationDate(value: unknown): string | undefined {
  return typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
    !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

type OnDemandPrice = { price: number; unit: string; description: string };

/** The first non-tiered on-demand price dimension of a SKU. */
function onDemandPrice(terms: unknown): OnDemandPrice | undefined {
  if (!isPlainObject(terms)) return undefined;
  for (const term of Object.values(terms)) {
    if (!isPlainObject(term) || !isPlainObject(term.priceDimensions)) continue;
    for (const dimension of Object.values(term.priceDimensions)) {
      if (!isPlainObject(dimension) || !isPlainObject(dimension.pricePerUnit))
        continue;
      if (dimension.beginRange !== undefined && dimension.beginRange !== '0')
        continue;
      const usd = Number(dimension.pricePerUnit.USD);
      const unit =
        typeof dimension.unit === 'string'
          ? UNITS[dimension.unit] ?? dimension.unit
          : undefined;
      if (!Number.isFinite(usd) || !unit) continue;
      return {
        price: usd,
        unit,
        description:
          typeof dimension.description === 'string'
            ? dimension.description
            : '',
      };
    }
  }
  return undefined;
}

/**
 * Converts AWS price-list bulk offer files (offer JSON format:
 * `{ offerCode, publicationDate, products: { sku: { productFamily,
 * attributes } }, terms: { OnDemand: { sku: { term: { priceDimensions } } } } }`)
 * into the shipped pricing format. Imports EC2 instances (Linux, Shared,
 * no pre-installed software, capacitystatus Used) with their vCPU/memory,
 * EBS volume storage, RDS PostgreSQL/MySQL Single-AZ instances and
 * ElastiCache Redis nodes. Each price's `source` names the offer, its
 * publication date, the SKU and the SKU's price description, and its
 * `publicationDate` is the offer's. An imported price replaces the base
 * file's entry whole, so an approximate note on it does not survive.
 *
 * @public
 */
export function convertAwsPriceList(
  offers: unknown[],
  options: ConvertAwsPriceListOptions,
): { pricing: PricingFile; imported: number; warnings: string[] } {
  const regionFilter = options.regions ? new Set(options.regions) : undefined;
  const regions: PricingFile['regions'] = {};
  const instanceSpecs: Record<string, InstanceSpec> = {
    ...options.base?.instanceSpecs,
  };
  for (const [region, pricing] of Object.entries(options.base?.regions ?? {})) {
    regions[region] = {
      location: pricing.location,
      prices: { ...pricing.prices },
    };
  }
  const importedKeys = new Map<string, PriceEntry>();
  const warnings: string[] = [];

  offers.forEach((offer, position) => {
    const where = `offer file #${position + 1}`;
    if (!isPlainObject(offer) || !isPlainObject(offer.products)) {
      throw new InvalidInputError(
        `${where}: products must be an object (got ${describeValue(
          isPlainObject(offer) ? offer.products : offer,
        )})`,
      );
    }
    const onDemand =
      isPlainObject(offer.terms) && isPlainObject(offer.terms.OnDemand)
        ? offer.terms.OnDemand
        : undefined;
    if (!onDemand) {
      throw new InvalidInputError(`${where}: terms.OnDemand must be an object`);
    }
    const publicationDate = offerPublicationDate(offer.publicationDate);
    const offerName = `${
      typeof offer.offerCode === 'string' ? offer.offerCode : 'offer'
    } ${
      typeof offer.publicationDate === 'string'
        ? offer.publicationDate
        : String(offer.version ?? '')
    }`.trim();

    for (const [sku, product] of Object.entries(offer.products)) {
      if (!isPlainObject(product) || !isPlainObject(product.attributes))
        continue;
      const attributes = product.attributes;
      const location =
        typeof attributes.location === 'string' ? attributes.location : '';
      const region =
        (typeof attributes.regionCode === 'string'
          ? attributes.regionCode
          : undefined) ?? LOCATION_REGIONS[location];
      if (!region || (regionFilter && !regionFilter.has(region))) continue;
      const key = priceKeyOf(attributes, product.productFamily);
      if (!key) continue;
      const price = onDemandPrice(onDemand[sku]);
      if (!price) {
        warnings.push(
          `${where}: SKU ${sku} (${key}, ${region}) has no on-demand price`,
        );
        continue;
      }
      const entry: PriceEntry = {
        price: price.price,
        unit: price.unit,
        source: `AWS Price List ${offerName}, SKU ${sku}: ${price.description}`,
      };
      // Only a date the offer file states makes the price a price-list one;
      // without it the estimate shows the price as cited, not as published.
      if (publicationDate) entry.publicationDate = publicationDate;
      const regionKey = `${region}\u0000${key}`;
      const previous = importedKeys.get(regionKey);
      if (previous) {
        if (previous.price !== entry.price) {
          warnings.push(
            `${key} in ${region}: SKU ${sku} (${entry.price}) conflicts with an earlier SKU (${previous.price}); kept the first`,
          );
        }
        continue;
      }
      importedKeys.set(regionKey, entry);
      regions[region] ??= { location: location || region, prices: {} };
      regions[region].prices[key] = entry;

      if (key.startsWith('ec2:instance:')) {
        const vcpu = Number(attributes.vcpu);
        const memoryGiB = parseMemoryGiB(attributes.memory);
        if (Number.isFinite(vcpu) && memoryGiB !== undefined) {
          instanceSpecs[key.slice('ec2:instance:'.length)] = {
            vcpu,
            memoryGiB,
          };
        }
      }
    }
  });

  // Stable output: keys sorted so diffs between versions are readable.
  const sortedRegions: PricingFile['regions'] = {};
  for (const region of Object.keys(regions).sort()) {
    const prices: Record<string, PriceEntry> = {};
    for (const key of Object.keys(regions[region].prices).sort())
      prices[key] = regions[region].prices[key];
    sortedRegions[region] = { location: regions[region].location, prices };
  }
  const sortedSpecs: Record<string, InstanceSpec> = {};
  for (const type of Object.keys(instanceSpecs).sort())
    sortedSpecs[type] = instanceSpecs[type];

  const pricing: PricingFile = {
    formatVersion: 1,
    provider: 'aws',
    version: options.version,
    effectiveDate: options.effectiveDate,
    currency: 'USD',
    description:
      options.base?.description ??
      'AWS on-demand prices imported from the AWS price list bulk offer files.',
    instanceSpecs: sortedSpecs,
    regions: sortedRegions,
  };
  return { pricing, imported: importedKeys.size, warnings };
}
