import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { INFRA_PLAN_ANNOTATION } from '@gatehouse/plugin-infra-plans-common';
import DescriptionIcon from '@material-ui/icons/Description';
import { infraPlansApi } from './api';

/** The tab shows on every entity whose plan the annotation locates. */
const entityPlanContent = EntityContentBlueprint.make({
  name: 'infra-plan',
  params: {
    path: '/infra-plan',
    title: 'Infrastructure plan',
    filter: entity =>
      Boolean(entity.metadata.annotations?.[INFRA_PLAN_ANNOTATION]),
    loader: () =>
      import('./components/PlanTab').then(m => <m.EntityPlanContent />),
  },
});

/** Live validation and the cost of a new environment, in the template's form. */
const environmentPreviewField = FormFieldBlueprint.make({
  name: 'environment-preview',
  params: {
    field: () => import('./scaffolder').then(m => m.environmentPreviewField),
  },
});

/** Which node group, workload, database… of an environment a change is for. */
const environmentPartField = FormFieldBlueprint.make({
  name: 'environment-part',
  params: {
    field: () => import('./scaffolder').then(m => m.environmentPartField),
  },
});

/** Infrastructure plans: validated, costed, rendered and revised, with an editor. */
export const infraPlansPlugin = createFrontendPlugin({
  pluginId: 'infra-plans',
  title: 'Infrastructure plans',
  icon: <DescriptionIcon />,
  extensions: [
    infraPlansApi,
    entityPlanContent,
    environmentPreviewField,
    environmentPartField,
  ],
});
