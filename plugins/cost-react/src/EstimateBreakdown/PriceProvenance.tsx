import type {
  CostEstimateTotals,
  PriceProvenance,
} from '@gatehouse/plugin-cost-common';
import { Tooltip, Typography, useTheme } from '@material-ui/core';
import { StatusChip, toneColor } from '../status';

/** The day part of a date or an ISO instant, as the price file states it. */
function day(value: string): string {
  return value.slice(0, 10);
}

/** Explains an approximate price: the file's own reason and the source it names. */
export function approximateExplanation(
  provenance: Extract<PriceProvenance, { kind: 'approximate' }>,
): string {
  // The reason is the pricing file's note, which itself starts "approximate".
  const why = provenance.reason.replace(/^approximate\b\s*:?\s*/i, '');
  return `Approximate price${why ? `: ${why}` : ''}. Source named: ${
    provenance.source
  }`;
}

/**
 * Where a component's unit price comes from: an "approximate" chip for a
 * price the pricing file marks as approximate, otherwise the kind of source
 * and its date; the full source is in the tooltip.
 */
export function PriceProvenanceLabel(props: {
  provenance: PriceProvenance | undefined;
}) {
  const { provenance } = props;
  if (!provenance) {
    return (
      <Typography variant="caption" color="textSecondary">
        not recorded
      </Typography>
    );
  }
  if (provenance.kind === 'approximate') {
    const explanation = approximateExplanation(provenance);
    return (
      <Tooltip title={explanation}>
        {/* A price to double-check, not an error: a warning. */}
        <StatusChip
          tone="warning"
          variant="outlined"
          label="approximate"
          aria-label={explanation}
        />
      </Tooltip>
    );
  }
  const label =
    provenance.kind === 'price-list'
      ? `AWS price list, published ${day(provenance.publicationDate)}`
      : `cited source, as of ${day(provenance.asOf)}`;
  return (
    <Tooltip title={provenance.source}>
      <Typography variant="caption" color="textSecondary">
        {label}
      </Typography>
    </Tooltip>
  );
}

/** A resource's marker: how many of its prices are approximate. */
export function ApproximateResourceChip(props: { count: number }) {
  const { count } = props;
  if (count === 0) return null;
  const text =
    count === 1 ? '1 approximate price' : `${count} approximate prices`;
  const explanation = `${text} among this resource's current and proposed components, not checked against the AWS price list. Open its components to see which and why.`;
  return (
    <Tooltip title={explanation}>
      <StatusChip
        tone="warning"
        variant="outlined"
        label={text}
        aria-label={explanation}
        style={{ marginTop: 4 }}
      />
    </Tooltip>
  );
}

/** The estimate's summary line on how many components use approximate prices. */
export function ApproximateSummary(props: { totals: CostEstimateTotals }) {
  const { pricedComponents, approximateComponents } = props.totals;
  const theme = useTheme();
  if (pricedComponents === undefined || approximateComponents === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        Price provenance was not recorded for this estimate; some prices may be
        approximate.
      </Typography>
    );
  }
  if (approximateComponents === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No component uses an approximate price ({pricedComponents} priced).
      </Typography>
    );
  }
  return (
    <Typography variant="body2" style={{ color: toneColor(theme, 'warning') }}>
      {approximateComponents} of {pricedComponents} components use approximate
      prices, not checked against the AWS price list.
    </Typography>
  );
}
