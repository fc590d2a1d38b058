import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { costApiRef, dollars, StatusChip } from '@gatehouse/plugin-cost-react';
import {
  presetEnvironmentPlan,
  Tier,
  TIERS,
  validatePlan,
} from '@gatehouse/plugin-infra-plans-common';
import { Box, Chip, Typography } from '@material-ui/core';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import yaml from 'yaml';
import { IssuesTable } from '../components/shared/IssuesTable';

type FormValues = {
  service?: string;
  environment?: string;
  tier?: string;
  region?: string;
  database?: boolean;
  cache?: boolean;
  objectStorage?: boolean;
  delivery?: 'rolling' | 'blue-green' | 'canary';
  image?: string;
};

/** The plan the form's choices make: what the template's render step will build. */
export function planFromForm(values: FormValues) {
  if (!values.service || !values.environment) return undefined;
  if (!TIERS.includes(values.tier as Tier)) return undefined;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(values.environment))
    return undefined;
  const service = parseEntityRef(values.service, { defaultKind: 'component' });
  return presetEnvironmentPlan({
    service: service.name,
    owner: 'the-service-owner',
    environment: values.environment,
    tier: values.tier as Tier,
    region: values.region,
    database: values.database,
    cache: values.cache,
    objectStorage: values.objectStorage,
    delivery: values.delivery,
    workload: {
      name: service.name.slice(0, 40),
      image: values.image || undefined,
    },
  });
}

/**
 * `ui:field: GatehouseEnvironmentPreview`: validates the environment the
 * form describes as the user types (the same validator the backend runs) and
 * shows what it will cost a month before anything is submitted.
 */
export function EnvironmentPreviewField(
  props: FieldExtensionComponentProps<string>,
) {
  const { onChange, formContext } = props;
  const costApi = useApi(costApiRef);
  const values = (formContext?.formData ?? {}) as FormValues;
  const [settled, setSettled] = useState(values);
  useDebounce(() => setSettled(values), 400, [JSON.stringify(values)]);

  const plan = useMemo(() => planFromForm(settled), [settled]);
  const validation = useMemo(
    () => (plan ? validatePlan(plan) : undefined),
    [plan],
  );
  const planText = useMemo(
    () => (plan ? yaml.stringify(plan) : undefined),
    [plan],
  );
  const estimate = useAsync(async () => {
    if (!planText || !validation?.valid) return undefined;
    return costApi.estimateInfraPlan({
      plan: planText,
      environment: settled.environment!,
      save: false,
    });
  }, [planText, validation?.valid]);

  const summary = estimate.value
    ? `${dollars(estimate.value.result.totals.monthlyAfter)} a month`
    : undefined;
  useEffect(() => {
    if (summary) onChange(summary);
  }, [summary, onChange]);

  if (!plan) {
    return (
      <Typography variant="body2" color="textSecondary">
        Choose a service, an environment name and a tier to see the plan and its
        cost.
      </Typography>
    );
  }
  const env = plan.spec.environments[settled.environment!];
  const group = env.compute.nodeGroups[0];
  return (
    <Box data-testid="environment-preview">
      <Typography variant="subtitle1">Plan and cost</Typography>
      <Box display="flex" style={{ gap: 8 }} my={1}>
        <StatusChip
          tone={validation?.valid ? 'success' : 'error'}
          label={
            validation?.valid
              ? `plan valid · ${validation.warningCount} warning(s)`
              : `${validation?.errorCount} error(s)`
          }
        />
        <Chip
          size="small"
          label={`${group.instanceTypes.join('/')} × ${group.minSize}–${
            group.maxSize
          } nodes`}
        />
        <Chip
          size="small"
          label={`${env.network.vpc.availabilityZones.length} AZs`}
        />
        {env.data?.databases?.[0] ? (
          <Chip
            size="small"
            label={`${env.data.databases[0].instanceClass}${
              env.data.databases[0].multiAz ? ', multi-AZ' : ''
            }`}
          />
        ) : null}
      </Box>
      {validation && validation.issues.length > 0 ? (
        <IssuesTable issues={validation.issues} />
      ) : null}
      {estimate.loading ? <Progress /> : null}
      {estimate.error ? <ResponseErrorPanel error={estimate.error} /> : null}
      {estimate.value ? (
        <Typography variant="h6" data-testid="environment-cost">
          {dollars(estimate.value.result.totals.monthlyAfter)} a month
          <Typography component="span" variant="body2" color="textSecondary">
            {' '}
            (range {dollars(estimate.value.result.totals.range.low)}–
            {dollars(estimate.value.result.totals.range.high)}, AWS on-demand
            prices of {estimate.value.result.pricingEffectiveDate})
          </Typography>
        </Typography>
      ) : null}
    </Box>
  );
}
