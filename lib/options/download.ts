/** Hands a text file to the browser's downloads (extension pages only), named with today's date. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; a minute later it is safe to let it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function exportFilename(extension: 'bib' | 'json', now: number): string {
  return `daily-papers-lens-saved-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
