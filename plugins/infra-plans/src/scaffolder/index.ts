import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentPreviewField } from './EnvironmentPreviewField';

export const environmentPreviewField = createFormField({
  name: 'GatehouseEnvironmentPreview',
  component: EnvironmentPreviewField,
});
