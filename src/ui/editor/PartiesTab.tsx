// The editor's Parties tab: add a party, connect it (who calls whom, with which flow), remove it.
import { useState, type ReactElement } from 'react';
import {
  addParty,
  connectClient,
  connectObo,
  NEW_PARTY_KINDS,
  removeParty,
  setIn,
  type ClientFlow,
  type NewPartyKind,
} from '../../state/world/edit';
import type { World } from '../../state/world/schema';
import type { TabProps } from './DirectoryTab';
import { Group, SelectField, TextField } from './fields';

const FLOWS: { value: ClientFlow; label: string }[] = [
  { value: 'client_credentials', label: 'Client credentials (app-only token)' },
  { value: 'delegated', label: "A signed-in user's token (delegated)" },
];

type Party = World['parties'][number];

const isApi = (p: Party) => p.kind === 'api' || p.kind === 'middle-tier-api';

/** What a party does, in one line. */
function summary(party: Party, world: World): string {
  const name = (id: string) => world.parties.find((p) => p.id === id)?.label ?? id;
  if (party.kind === 'daemon' || party.kind === 'spa') {
    const calls = party.program.flatMap((a) => (a.do === 'call-api' ? [name(a.target)] : []));
    return calls.length > 0 ? `Calls ${calls.join(', ')}.` : 'Calls nothing yet: connect it.';
  }
  if ((party.kind === 'api' || party.kind === 'middle-tier-api') && party.obo)
    return `Calls ${name(party.obo.downstream)} On-Behalf-Of the user.`;
  return '';
}

/** A client's connection row: target API, flow, Connect. */
function ConnectClient({ world, replace, party }: TabProps & { party: Party }): ReactElement {
  const apis = world.parties.filter(isApi);
  const [target, setTarget] = useState(apis[0]?.id ?? '');
  const [flow, setFlow] = useState<ClientFlow>(
    party.kind === 'spa' ? 'delegated' : 'client_credentials',
  );
  return (
    <div className="editor-actions">
      <label className="editor-field">
        <span>Calls</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {apis.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label className="editor-field">
        <span>Flow</span>
        <select value={flow} onChange={(e) => setFlow(e.target.value as ClientFlow)}>
          {FLOWS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="editor-small-button"
        disabled={!target}
        onClick={() => replace(connectClient(world, party.id, target, flow))}
      >
        Connect {party.label}
      </button>
    </div>
  );
}

/** Every party with its connections, and "Add party". */
export function PartiesTab({ world, replace }: TabProps): ReactElement {
  const [kind, setKind] = useState<NewPartyKind>('api');
  const [name, setName] = useState('');
  const starters = world.parties.filter((p) => ['daemon', 'spa', 'browser'].includes(p.kind));
  return (
    <div className="editor-tab-body">
      <SelectField
        label="Starts the flow"
        path={['starter']}
        value={world.starter}
        options={starters.map((p) => ({ value: p.id, label: p.label }))}
      />
      {world.parties.map((party, i) => (
        <Group
          key={party.id}
          title={`${party.label} (${party.kind})`}
          removeLabel={`Remove ${party.label}`}
          onRemove={
            party.kind === 'authority' ? undefined : () => replace(removeParty(world, party.id))
          }
        >
          <p className="editor-note">{summary(party, world)}</p>
          <TextField
            label="Name on the canvas"
            path={['parties', i, 'label']}
            value={party.label}
          />
          {party.kind === 'daemon' || party.kind === 'spa' ? (
            <ConnectClient world={world} replace={replace} party={party} />
          ) : null}
          {party.kind === 'api' || party.kind === 'middle-tier-api' ? (
            <>
              <SelectField
                label={`${party.label} calls On-Behalf-Of`}
                path={['parties', i, 'obo', 'downstream']}
                value={party.obo?.downstream ?? ''}
                options={[
                  { value: '', label: '(nobody: it answers itself)' },
                  ...world.parties
                    .filter((p) => (isApi(p) || p.kind === 'saml-service') && p.id !== party.id)
                    .map((p) => ({ value: p.id, label: p.label })),
                ]}
                onPick={(downstream) => {
                  if (downstream) replace(connectObo(world, party.id, downstream));
                  else {
                    const { obo: _obo, ...rest } = party;
                    replace(setIn(world, ['parties', i], { ...rest, kind: 'api' }));
                  }
                }}
              />
              {party.obo ? (
                <TextField
                  label="OBO scope"
                  path={['parties', i, 'obo', 'scope']}
                  value={party.obo.scope}
                  optional
                />
              ) : null}
            </>
          ) : null}
        </Group>
      ))}
      <fieldset className="editor-group">
        <legend>Add a party</legend>
        <label className="editor-field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as NewPartyKind)}>
            {Object.entries(NEW_PARTY_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="editor-field">
          <span>Name</span>
          <input
            type="text"
            value={name}
            placeholder="Ledger API"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="editor-small-button"
          onClick={() => {
            replace(
              addParty(
                world,
                kind,
                name.trim() || NEW_PARTY_KINDS[kind].split(' (')[0] || 'New party',
              ),
            );
            setName('');
          }}
        >
          Add party
        </button>
      </fieldset>
    </div>
  );
}
