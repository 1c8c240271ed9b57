// A party on the canvas: kind (icon, colour, name), label and app id; authority drawn distinct;
// the user highlighted while a prompt waits for them.
import { memo, type ReactElement } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { KIND_LABELS } from './kinds';
import { PartyIcon } from './party-kinds';
import type { PartyFlowNode } from './flow-graph';

/** Renders one party node. Hidden centre handles let the floating edges attach. */
function PartyNodeView({ data }: NodeProps<PartyFlowNode>): ReactElement {
  const { party, role, prompting } = data;
  const host = party.url ? safeHost(party.url) : null;
  return (
    <div
      className={`party-node kind-${party.kind}${role ? ` is-${role}` : ''}${prompting ? ' is-prompting' : ''}`}
      title={party.description}
    >
      <Handle
        type="target"
        position={Position.Top}
        className="party-handle"
        isConnectable={false}
      />
      <div className="party-kind">
        <PartyIcon kind={party.kind} />
        <span>{KIND_LABELS[party.kind]}</span>
      </div>
      <div className="party-label">{party.label}</div>
      {party.appId ? (
        <div className="party-meta">
          <span className="party-meta-key">app id</span> <code>{party.appId}</code>
        </div>
      ) : host ? (
        <div className="party-meta">
          <code>{host}</code>
        </div>
      ) : null}
      {prompting ? (
        <div className="party-role role-prompting">{prompting}</div>
      ) : role ? (
        <div className={`party-role role-${role}`}>{role === 'from' ? 'sends' : 'receives'}</div>
      ) : null}
      <Handle
        type="source"
        position={Position.Bottom}
        className="party-handle"
        isConnectable={false}
      />
    </div>
  );
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The party node component registered as node type `party`. */
export const PartyNode = memo(PartyNodeView);
