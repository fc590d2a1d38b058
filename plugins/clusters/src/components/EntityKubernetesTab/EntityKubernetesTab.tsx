import { Router as KubernetesContent } from '@backstage/plugin-kubernetes';
import { ExampleClustersNotice } from '../shared/ExampleClustersNotice';

/**
 * Backstage's own Kubernetes tab, under the example-data label when the
 * clusters are the simulator. It takes the place of the Kubernetes plugin's
 * tab (disabled in app-config.yaml), whose content it renders unchanged: the
 * plugin's `Router` is a plain component (its `EntityKubernetesContent` is a
 * legacy routable extension, which the new frontend system does not mount).
 */
export function EntityKubernetesTab() {
  return (
    <>
      <ExampleClustersNotice />
      <KubernetesContent />
    </>
  );
}
