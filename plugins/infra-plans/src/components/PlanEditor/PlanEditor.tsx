import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { StreamLanguage } from '@codemirror/language';
import { yaml as yamlMode } from '@codemirror/legacy-modes/mode/yaml';
import { linter, lintGutter } from '@codemirror/lint';
import {
  diffPlans,
  EntityName,
  parsePlan,
  PlanRevision,
} from '@gatehouse/plugin-infra-plans-common';
import {
  Box,
  Button,
  Grid,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { infraPlansApiRef } from '../../api';
import { PlanCostCard } from '../PlanTab/PlanCostCard';
import { ChangesList } from '../shared/ChangesList';
import { IssuesTable } from '../shared/IssuesTable';
import { ValidityChip } from '../shared/ValidityChip';
import { issuesToDiagnostics } from './planLint';

const yamlLanguage = StreamLanguage.define(yamlMode);

/**
 * Edits the plan's YAML with validation as you type (the same validator the
 * backend runs, in the browser), the semantic diff and the cost against the
 * revision being edited, and saves a new revision.
 */
export function PlanEditor(props: {
  entity: EntityName;
  base: PlanRevision;
  onClose: (saved: boolean) => void;
}) {
  const api = useApi(infraPlansApiRef);
  const [text, setText] = useState(props.base.yaml);
  const [checked, setChecked] = useState(props.base.yaml);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  useDebounce(() => setChecked(text), 300, [text]);

  const result = useMemo(() => parsePlan(checked), [checked]);
  const changes = useMemo(
    () =>
      props.base.plan && result.plan
        ? diffPlans(props.base.plan, result.plan)
        : [],
    [props.base.plan, result.plan],
  );
  const environments = Object.keys(result.plan?.spec.environments ?? {});
  const [environment, setEnvironment] = useState<string>();
  const costEnvironment =
    environment && environments.includes(environment)
      ? environment
      : environments[0];
  const extensions = useMemo(
    () => [
      yamlLanguage,
      lintGutter(),
      linter(view =>
        issuesToDiagnostics(
          view.state.doc.toString(),
          parsePlan(view.state.doc.toString()).issues,
        ),
      ),
    ],
    [],
  );

  async function save() {
    setSaving(true);
    setSaveError(undefined);
    try {
      await api.saveRevision(props.entity, {
        yaml: text,
        message: message || undefined,
      });
      props.onClose(true);
    } catch (e: any) {
      // The backend runs the same validator, so its issues are the ones shown.
      setSaveError(e?.message ?? String(e));
    } finally {
      setSaving(false);
    }
  }

  const unchanged = text === props.base.yaml;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="h6">
            Editing revision {props.base.revision}
          </Typography>
          <ValidityChip data-testid="editor-validation" result={result} />
          <Box flexGrow={1} />
          <TextField
            size="small"
            variant="outlined"
            label="Why (shown in the revisions)"
            value={message}
            onChange={e => setMessage(e.target.value)}
            style={{ minWidth: 320 }}
          />
          <Button
            variant="contained"
            color="primary"
            disabled={saving || unchanged || !result.valid || text !== checked}
            onClick={save}
          >
            Save revision
          </Button>
          <Button onClick={() => props.onClose(false)}>Cancel</Button>
        </Box>
        {saveError ? (
          <Typography color="error" variant="body2">
            {saveError}
          </Typography>
        ) : null}
      </Grid>
      <Grid item xs={12} lg={7}>
        <CodeMirror
          value={text}
          height="70vh"
          extensions={extensions}
          onChange={setText}
          aria-label="infra-plan.yaml"
        />
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard title="Validation">
          <IssuesTable issues={result.issues} />
        </InfoCard>
        <Box mt={3}>
          <InfoCard title={`Changes against revision ${props.base.revision}`}>
            <ChangesList changes={changes} />
          </InfoCard>
        </Box>
        {result.valid && costEnvironment ? (
          <Box mt={3}>
            <InfoCard
              title="Monthly cost"
              action={
                <TextField
                  select
                  size="small"
                  value={costEnvironment}
                  onChange={e => setEnvironment(e.target.value)}
                >
                  {environments.map(env => (
                    <MenuItem key={env} value={env}>
                      {env}
                    </MenuItem>
                  ))}
                </TextField>
              }
            >
              <PlanCostCard
                yaml={checked}
                priorYaml={props.base.yaml}
                environment={costEnvironment}
              />
            </InfoCard>
          </Box>
        ) : null}
      </Grid>
    </Grid>
  );
}
