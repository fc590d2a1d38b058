import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useRouteRefParams } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef, EstimateBreakdown } from '@gatehouse/plugin-cost-react';
import { estimateRouteRef } from '../routes';

/** One kept estimate, with its whole breakdown. */
export function EstimatePage() {
  const { id } = useRouteRefParams(estimateRouteRef);
  const api = useApi(costApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEstimate(id),
    [api, id],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Cost estimate"
        subtitle={
          value
            ? `${value.entityRef ?? 'No service'} · ${
                value.environment ?? ''
              } · by ${value.createdBy} on ${new Date(
                value.createdAt,
              ).toLocaleString()}`
            : undefined
        }
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <InfoCard title="Breakdown">
            <EstimateBreakdown estimate={value.result} />
          </InfoCard>
        )}
      </Content>
    </Page>
  );
}
