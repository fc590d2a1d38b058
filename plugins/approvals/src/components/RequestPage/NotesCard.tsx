import { InfoCard, MarkdownContent } from '@backstage/core-components';
import type { ChangeNotes } from '@gatehouse/plugin-approvals-common';
import { Box, Divider, Typography } from '@material-ui/core';

/** http(s), mailto and relative links; anything else is dropped. */
export function safeLinkUri(href: string): string {
  const uri = href.trim();
  // Browsers ignore spaces and control characters in a scheme ("java\tscript:").
  const compact = [...uri].filter(c => c.charCodeAt(0) > 0x20).join('');
  const scheme = /^([^/?#]*?):/.exec(compact);
  if (!scheme) return uri;
  return /^(https?|mailto)$/i.test(scheme[1]) ? uri : '';
}

const SECTIONS: Array<{
  key: keyof ChangeNotes;
  title: string;
  required?: boolean;
}> = [
  { key: 'rollbackPlan', title: 'Rollback plan', required: true },
  { key: 'testPlan', title: 'Test plan', required: true },
  { key: 'monitoring', title: 'Monitoring' },
  { key: 'timeline', title: 'Timeline' },
  { key: 'questions', title: 'Open questions' },
];

/**
 * The submitter's notes for the approver. They are markdown written by the
 * submitter (a person, a pipeline or an agent), so they are rendered as
 * CommonMark without raw HTML: a tag shows as the text it is, so nothing in
 * the notes can run or hide content from the approver. Links keep only safe
 * schemes: any other (javascript:, data:, …) becomes plain text.
 */
export function NotesCard(props: { notes: ChangeNotes }) {
  return (
    <InfoCard title="How it rolls out and back">
      {SECTIONS.map(({ key, title, required }, index) => {
        const text = props.notes[key]?.trim();
        return (
          <Box key={key} component="section" aria-label={title} mb={2}>
            {index > 0 && <Divider style={{ marginBottom: 16 }} />}
            <Typography variant="h6" component="h3" gutterBottom>
              {title}
            </Typography>
            {text ? (
              <MarkdownContent
                content={text}
                dialect="common-mark"
                transformLinkUri={safeLinkUri}
              />
            ) : (
              <Typography
                variant="body2"
                color={required ? 'error' : 'textSecondary'}
              >
                {required ? 'Missing.' : 'Not provided.'}
              </Typography>
            )}
          </Box>
        );
      })}
    </InfoCard>
  );
}
