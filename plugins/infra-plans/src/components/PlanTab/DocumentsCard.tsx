import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityName,
  PLAN_DOCUMENTS,
  PlanDocumentName,
} from '@gatehouse/plugin-infra-plans-common';
import { Button, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { infraPlansApiRef } from '../../api';

/** The generated review documents of a revision, downloaded with the user's credentials. */
export function DocumentsCard(props: {
  entity: EntityName;
  revision: number;
  environment: string;
}) {
  const api = useApi(infraPlansApiRef);
  const [error, setError] = useState<string>();

  async function download(document: PlanDocumentName) {
    setError(undefined);
    try {
      const text = await api.getDocument(props.entity, document, {
        revision: props.revision,
        environment:
          document === 'topology.mmd' ? props.environment : undefined,
      });
      const url = URL.createObjectURL(new Blob([text]));
      const link = window.document.createElement('a');
      link.href = url;
      link.download = document;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <InfoCard title="Documents">
      <Typography variant="body2" paragraph>
        Rendered from revision {props.revision} of the plan.
      </Typography>
      {PLAN_DOCUMENTS.map(document => (
        <Button
          key={document}
          startIcon={<GetAppIcon />}
          onClick={() => download(document)}
          style={{ display: 'flex', textTransform: 'none' }}
        >
          {document === 'topology.mmd'
            ? `topology.mmd (${props.environment})`
            : document}
        </Button>
      ))}
      {error ? (
        <Typography color="error" variant="body2">
          {error}
        </Typography>
      ) : null}
    </InfoCard>
  );
}
