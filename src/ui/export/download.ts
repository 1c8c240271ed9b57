// Saves text as a file through a temporary link, without leaving the page.

/** Offers `content` as a download named `fileName` (e.g. `obo-secret.har`) of type `mimeType`. */
export function downloadText(fileName: string, content: string | Blob, mimeType: string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a scenario id and what the file holds, e.g. `obo-secret-steps-1-10.mmd`. */
export function exportFileName(scenarioId: string, upTo: number, extension: string): string {
  return `${scenarioId}-steps-1-${upTo + 1}.${extension}`;
}
