import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  EntityName,
  PlanView,
} from '@gatehouse/plugin-infra-plans-common';
import {
  Box,
  Button,
  Chip,
  Grid,
  Tab,
  Tabs,
  Typography,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { infraPlansApiRef } from '../../api';
import { PlanEditor } from '../PlanEditor';
import { IssuesTable } from '../shared/IssuesTable';
import { ValidityChip } from '../shared/ValidityChip';
import { DocumentsCard } from './DocumentsCard';
import { EnvironmentSummary } from './EnvironmentSummary';
import { PlanCostCard } from './PlanCostCard';
import { RevisionsCard } from './RevisionsCard';
import { TopologyDiagram } from './TopologyDiagram';

function RevisionHeader(props: { view: PlanView; onEdit: () => void }) {
  const { latest, source, sourceError } = props.view;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <Typography variant="h6">Revision {latest.revision}</Typography>
      <Chip size="small" label={latest.source} />
      <ValidityChip result={latest} />
      <Typography variant="body2" color="textSecondary">
        {new Date(latest.createdAt).toLocaleString()}
        {latest.author ? ` by ${latest.author}` : ''}
        {source ? ` · from ${source.location}` : ''}
      </Typography>
      <Box flexGrow={1} />
      <Button
        variant="outlined"
        startIcon={<EditIcon />}
        onClick={props.onEdit}
      >
        Edit plan
      </Button>
      {sourceError ? (
        <Box width="100%">
          <WarningPanel
            title="The repository's plan could not be read"
            message={`${sourceError}. The last revision Gatehouse kept is shown.`}
          />
        </Box>
      ) : null}
    </Box>
  );
}

/** The "Infrastructure plan" tab of a service. */
export function EntityPlanContent() {
  const { entity } = useEntity();
  const api = useApi(infraPlansApiRef);
  const name: EntityName = {
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
  const entityRef = stringifyEntityRef(entity);
  const view = useAsyncRetry(() => api.getPlan(name), [entityRef]);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string>();

  const latest = view.value?.latest;
  const previous = useAsync(async () => {
    if (!latest || latest.revision < 2) return undefined;
    return api.getRevision(name, latest.revision - 1);
  }, [entityRef, latest?.revision]);
  const environments = Object.keys(latest?.plan?.spec.environments ?? {});
  const environment =
    selected && environments.includes(selected) ? selected : environments[0];
  const diagram = useAsync(
    async () =>
      latest?.plan && environment
        ? api.getDocument(name, 'topology.mmd', {
            revision: latest.revision,
            environment,
          })
        : undefined,
    [entityRef, latest?.revision, environment],
  );

  if (view.loading && !view.value) return <Progress />;
  if (view.error) return <ResponseErrorPanel error={view.error} />;
  if (!view.value || !latest) return null;

  if (editing) {
    return (
      <PlanEditor
        entity={name}
        base={latest}
        onClose={saved => {
          setEditing(false);
          if (saved) view.retry();
        }}
      />
    );
  }

  const plan = latest.plan;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RevisionHeader view={view.value} onEdit={() => setEditing(true)} />
      </Grid>
      {latest.issues.length > 0 || !plan ? (
        <Grid item xs={12}>
          <InfoCard title="Validation">
            <IssuesTable issues={latest.issues} />
          </InfoCard>
        </Grid>
      ) : null}
      {plan && environment ? (
        <>
          <Grid item xs={12}>
            <Tabs
              value={environment}
              onChange={(_, value) => setSelected(value)}
              indicatorColor="primary"
              aria-label="environments"
            >
              {environments.map(env => (
                <Tab
                  key={env}
                  value={env}
                  label={`${env} (${plan.spec.environments[env].tier}, ${plan.spec.environments[env].region})`}
                />
              ))}
            </Tabs>
          </Grid>
          <Grid item xs={12}>
            <EnvironmentSummary env={plan.spec.environments[environment]} />
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Monthly cost"
              subheader={
                previous.value
                  ? `Revision ${latest.revision} against revision ${previous.value.revision}`
                  : `Revision ${latest.revision}, from nothing`
              }
            >
              {previous.loading ? (
                <Progress />
              ) : (
                <PlanCostCard
                  yaml={latest.yaml}
                  priorYaml={previous.value?.yaml}
                  environment={environment}
                  entityRef={entityRef}
                />
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={8}>
            <InfoCard title={`Topology: ${environment}`}>
              {diagram.error ? (
                <ResponseErrorPanel error={diagram.error} />
              ) : null}
              {diagram.value ? (
                <TopologyDiagram source={diagram.value} />
              ) : null}
              {diagram.loading ? <Progress /> : null}
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={4}>
            <DocumentsCard
              entity={name}
              revision={latest.revision}
              environment={environment}
            />
          </Grid>
        </>
      ) : null}
      <Grid item xs={12}>
        <RevisionsCard entity={name} latest={latest.revision} />
      </Grid>
    </Grid>
  );
}
