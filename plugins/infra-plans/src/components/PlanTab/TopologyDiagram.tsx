import { Progress, WarningPanel } from '@backstage/core-components';
import { useEffect, useId, useState } from 'react';

/**
 * Renders Mermaid source to SVG in the browser. Mermaid runs with its strict
 * security level: labels come from plan files, and nothing in them may run.
 */
export function TopologyDiagram(props: { source: string }) {
  const id = `topology-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setSvg(undefined);
    setError(undefined);
    import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: 'neutral',
        });
        const rendered = await mermaid.render(id, props.source);
        if (!cancelled) setSvg(rendered.svg);
      })
      .catch(e => {
        if (!cancelled) setError(String(e?.message ?? e));
      });
    return () => {
      cancelled = true;
    };
  }, [id, props.source]);

  if (error) {
    return (
      <WarningPanel title="The diagram could not be drawn" message={error}>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{props.source}</pre>
      </WarningPanel>
    );
  }
  if (!svg) return <Progress />;
  return (
    <div
      data-testid="topology-diagram"
      style={{ overflowX: 'auto' }}
      // Mermaid's own output, sanitised by it under securityLevel 'strict'.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
