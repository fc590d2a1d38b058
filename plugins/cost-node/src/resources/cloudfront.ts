import { Pricer, usageComponent } from './pricer';

/**
 * aws_cloudfront_distribution: data transfer out and requests, priced at
 * the United States / Europe edge rates (first 10 TB tier) whatever the
 * distribution's price class.
 */
export const priceCloudFrontDistribution: Pricer = context => {
  const components = [
    usageComponent(context, {
      name: 'Data transfer out to the internet',
      priceKey: 'cloudfront:data-out',
      unit: 'GB',
      usageUnit: 'GB',
      usage: context.usage.number('monthly_data_transfer_out_gb'),
      global: true,
    }),
    usageComponent(context, {
      name: 'HTTPS requests',
      priceKey: 'cloudfront:https-requests',
      unit: 'ten-thousand requests',
      usageUnit: 'requests',
      perUnit: 1 / 10_000,
      usage: context.usage.number('monthly_https_requests'),
      global: true,
    }),
  ];
  const http = context.usage.number('monthly_http_requests');
  if (http.value > 0) {
    components.push(
      usageComponent(context, {
        name: 'HTTP requests',
        priceKey: 'cloudfront:http-requests',
        unit: 'ten-thousand requests',
        usageUnit: 'requests',
        perUnit: 1 / 10_000,
        usage: http,
        global: true,
      }),
    );
  }
  return components;
};
