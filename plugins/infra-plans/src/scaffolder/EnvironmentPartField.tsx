import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  ENVIRONMENT_PARTS,
  EnvironmentPartKind,
  environmentOfPlan,
  environmentPartNames,
} from '@gatehouse/plugin-infra-plans-common';
import {
  FormControl,
  FormHelperText,
  InputLabel,
  MenuItem,
  Select,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { infraPlansApiRef } from '../api';

const ENVIRONMENT_ANNOTATION = 'gatehouse.io/environment';

/** The names of one kind of part of the environment an entity ref stands for. */
export function useEnvironmentPartNames(
  environmentRef: string | undefined,
  kind: EnvironmentPartKind,
) {
  const catalogApi = useApi(catalogApiRef);
  const infraPlansApi = useApi(infraPlansApiRef);
  return useAsync(async () => {
    if (!environmentRef) return undefined;
    const entityName = parseEntityRef(environmentRef, {
      defaultKind: 'resource',
    });
    const [entity, view] = await Promise.all([
      catalogApi.getEntityByRef(environmentRef),
      infraPlansApi.getPlan(entityName),
    ]);
    const plan = view.latest.plan;
    if (!plan) return [];
    const environment = environmentOfPlan(
      plan,
      entity?.metadata.annotations?.[ENVIRONMENT_ANNOTATION],
    );
    return environmentPartNames(plan, environment, kind);
  }, [environmentRef, kind]);
}

/** What the field says under the list: what to do first, or what is there. */
function helperText(
  environmentRef: string | undefined,
  names: { loading: boolean; error?: Error; value?: string[] },
  label: string,
  required: boolean,
): string {
  if (!environmentRef) return 'Choose the environment first';
  if (names.loading) return `Reading the environment's ${label}s…`;
  if (names.error)
    return `Could not read the environment's plan: ${names.error.message}`;
  if (!names.value?.length) return `This environment has no ${label}`;
  // A required choice has no default: nothing is changed "by default".
  if (required) return `One of the environment's ${label}s`;
  return `Left empty, the first ${label} (${names.value[0]}) is changed`;
}

/**
 * `ui:field: GatehouseEnvironmentPart` with `ui:options: { part: nodeGroup }`
 * (or workload, database, cache, bucket, queue): which part of the chosen
 * environment (the form's `environmentRef`) the values on this page change,
 * listed from the environment's plan. Left empty, the first one is changed;
 * where the schema requires a choice (a deployment's workload), there is no
 * such default.
 */
export function EnvironmentPartField(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, uiSchema, formContext, schema, idSchema } = props;
  const required = Boolean(props.required);
  // A template naming no kind, or one there is not, gets node groups.
  const option = String(uiSchema?.['ui:options']?.part ?? '');
  const kind: EnvironmentPartKind =
    option in ENVIRONMENT_PARTS ? (option as EnvironmentPartKind) : 'nodeGroup';
  const { label } = ENVIRONMENT_PARTS[kind];
  const environmentRef = (formContext?.formData as { environmentRef?: string })
    ?.environmentRef;
  const names = useEnvironmentPartNames(environmentRef, kind);

  const helper = helperText(environmentRef, names, label, required);

  return (
    <FormControl fullWidth margin="normal" error={Boolean(names.error)}>
      <InputLabel id={`${idSchema.$id}-label`}>
        {schema.title ?? `Which ${label}`}
      </InputLabel>
      <Select
        labelId={`${idSchema.$id}-label`}
        value={formData ?? ''}
        disabled={!names.value?.length}
        onChange={event =>
          onChange((event.target.value as string) || undefined)
        }
      >
        {!required && (
          <MenuItem value="">
            <em>The first</em>
          </MenuItem>
        )}
        {(names.value ?? []).map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </Select>
      <FormHelperText>{helper}</FormHelperText>
    </FormControl>
  );
}
