// "Export scenario": a world saved as a scenario file (JSON, versioned), downloaded without leaving the page.
import { encodeScenarioFile, scenarioFileName } from '../../state/workspace/scenario-file';
import type { World } from '../../state/world/schema';
import { downloadText } from '../export/download';

/**
 * Downloads `world` as a scenario file named after `name` (`my-chain.scenario.json`):
 * `{ "format": "oauth-flow-simulator/scenario", "version": 1, "name", "world" }`, which
 * "Import scenario" reads back. The Share dialog offers it when a world is too big for a link.
 * @returns the file name used.
 */
export function exportWorldFile(world: World, name: string): string {
  const fileName = scenarioFileName(name);
  downloadText(fileName, encodeScenarioFile(name, world), 'application/json');
  return fileName;
}
