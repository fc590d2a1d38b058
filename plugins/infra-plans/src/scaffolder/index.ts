import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentPartField } from './EnvironmentPartField';
import { EnvironmentPreviewField } from './EnvironmentPreviewField';

export const environmentPreviewField = createFormField({
  name: 'GatehouseEnvironmentPreview',
  component: EnvironmentPreviewField,
});

export const environmentPartField = createFormField({
  name: 'GatehouseEnvironmentPart',
  component: EnvironmentPartField,
});
